/**
 * Importer limits under stress (issue 4 "Bad input", the slow part), through the BUILT worker
 * (out/main/import-worker.js; `npm run test:stress` builds first): a 150 MB text file imports within the default
 * limits or is refused by the size limit, never an out-of-memory crash; a 10 MB single line; an EPUB zip bomb at
 * the default 500 MB ceiling; a parser that grows past the worker's memory ceiling step by step.
 */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { buildEpub } from '../../scripts/gen-hostile-fixtures'
import { expectLibraryIntact, importViaApi, phraseSearch } from '../integration/importers/helpers'
import { tempBackend } from '../support/temp-library'

const WORKER = join(__dirname, '../../out/main/import-worker.js')
const MB = 1024 * 1024
const rssMb = (): number => Math.round(process.memoryUsage().rss / MB)
const backends: ReturnType<typeof tempBackend>[] = []
afterEach(async () => {
  for (const b of backends.splice(0)) await b.dispose()
})
function backend(limits: Record<string, number> = {}) {
  if (!existsSync(WORKER))
    throw new Error('out/main/import-worker.js is missing: run npm run build first')
  const b = tempBackend({ workerScript: WORKER, limits: { workers: 2, ...limits } })
  backends.push(b)
  const input = join(b.dir, 'input')
  mkdirSync(input)
  return { b, input }
}

/** `megabytes` of varied prose (so FTS has a real vocabulary), ending with a marker sentence. */
function bigText(megabytes: number, newlines = true): string {
  const words =
    'harbour bridge council budget river valley school market railway station library museum garden'.split(
      ' ',
    )
  const parts: string[] = ['A very large text file\n\n']
  let size = 0
  let i = 0
  while (size < megabytes * MB) {
    const sentence = `Sentence ${i} mentions the ${words[i % words.length]} and the ${words[(i * 7) % words.length]} of district ${i % 997}.${newlines && i % 8 === 7 ? '\n\n' : ' '}`
    parts.push(sentence)
    size += sentence.length
    i++
  }
  parts.push('The final marker sentence closes the giant file.')
  return parts.join('')
}

describe('large files', () => {
  it('a 150 MB text file imports within the default limits, no out-of-memory crash', async () => {
    const { b, input } = backend()
    writeFileSync(join(input, 'huge.txt'), bigText(150))
    writeFileSync(join(input, 'small.txt'), 'Small neighbour\n\nimported in the same batch.\n')
    const started = performance.now()
    const report = await importViaApi(b, [input])
    const seconds = (performance.now() - started) / 1000
    process.stdout.write(`150 MB text: ${seconds.toFixed(1)} s, test process RSS ${rssMb()} MB\n`)
    expect(report.results.find((r) => r.path.endsWith('huge.txt'))).toMatchObject({
      status: 'imported',
    })
    expect(report.results.find((r) => r.path.endsWith('small.txt'))?.status).toBe('imported')
    expect(phraseSearch(b.context.db, 'final marker sentence closes the giant file')).toHaveLength(
      1,
    )
    expectLibraryIntact(b.context.db)
  })

  it('the same file over a lower size limit is refused by it, before reading', async () => {
    const { b, input } = backend({ maxFileBytes: 100 * MB })
    writeFileSync(join(input, 'huge.txt'), bigText(150))
    const report = await importViaApi(b, [input])
    expect(report.results[0]?.error).toMatch(/over the 100 MB size limit \(maxFileBytes\)/)
  })

  it('a 10 MB single line imports', async () => {
    const { b, input } = backend()
    writeFileSync(join(input, 'line.txt'), bigText(10, false).replace(/\n/g, ' '))
    const report = await importViaApi(b, [input])
    expect(report.results[0]?.status).toBe('imported')
    expect(report.results[0]?.title?.length).toBeLessThanOrEqual(121)
    expect(phraseSearch(b.context.db, 'final marker sentence')).toHaveLength(1)
  })

  it('an EPUB that inflates past the default 500 MB ceiling fails naming maxZipBytes', async () => {
    const { b, input } = backend()
    writeFileSync(
      join(input, 'bomb.epub'),
      await buildEpub({
        extraEntries: [{ name: 'OEBPS/pad.xhtml', data: Buffer.alloc(520 * MB, 0x20) }],
      }),
    )
    writeFileSync(join(input, 'ok.txt'), 'Neighbour\n\nstill imported.\n')
    const report = await importViaApi(b, [input])
    expect(report.results.find((r) => r.path.endsWith('bomb.epub'))?.error).toMatch(
      /500 MB limit .*maxZipBytes/,
    )
    expect(report.results.find((r) => r.path.endsWith('ok.txt'))?.status).toBe('imported')
  })

  it('a parser that grows past the worker memory ceiling step by step: that file fails, the process lives on', async () => {
    const { b, input } = backend({ workers: 1, workerMemoryMb: 96 })
    writeFileSync(
      join(input, 'a-many-nodes.html'),
      `<html><body>${'<p>para <b>x</b> y z</p>'.repeat(90_000)}</body></html>`,
    )
    writeFileSync(
      join(input, 'b-next.txt'),
      'Next file\n\nimported after the worker was replaced.\n',
    )
    const report = await importViaApi(b, [input])
    expect(report.results.find((r) => r.path.endsWith('a-many-nodes.html'))?.error).toMatch(
      /96 MB memory ceiling .*workerMemoryMb/,
    )
    expect(report.results.find((r) => r.path.endsWith('b-next.txt'))?.status).toBe('imported')
  })
})
