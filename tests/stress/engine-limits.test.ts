/**
 * Limits through the built CLI (issue 7 §6): a document of 5 million words and 1,000 files named at once. Each must
 * complete or fail with a clear limit error; time and the child's peak memory are reported.
 */
import { spawn } from 'node:child_process'
import { createWriteStream, existsSync, mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { CLI, ensureBuilt, REPO, runJson } from '../integration/cli/run-cli'
import { prose } from '../integration/db/library-files'
import { tempDir } from '../support/temp-library'

type ImportJson = {
  imported: number
  failed: number
  results: { path: string; status: string; documentId?: number; error?: string }[]
}

let root: ReturnType<typeof tempDir>
beforeAll(() => {
  ensureBuilt()
  root = tempDir('lectern-limits-')
})
afterAll(() => root.cleanup())

/** Run the CLI under GNU time (when present) to learn the child's peak RSS. */
function measured(args: string[]): Promise<{
  code: number | null
  stdout: string
  stderr: string
  seconds: number
  peakMb: number | null
}> {
  const gnuTime = existsSync('/usr/bin/time')
  const command = gnuTime ? '/usr/bin/time' : process.execPath
  const argv = gnuTime ? ['-f', 'PEAK_KB=%M', process.execPath, CLI, ...args] : [CLI, ...args]
  const start = performance.now()
  return new Promise((resolve, reject) => {
    const child = spawn(command, argv, { cwd: REPO, env: { ...process.env, LECTERN_LIBRARY: '' } })
    let stdout = ''
    let stderr = ''
    child.stdout.setEncoding('utf8').on('data', (d: string) => {
      stdout += d
    })
    child.stderr.setEncoding('utf8').on('data', (d: string) => {
      stderr += d
    })
    child.on('error', reject)
    child.on('close', (code) => {
      const peak = /PEAK_KB=(\d+)/.exec(stderr)
      resolve({
        code,
        stdout,
        stderr: stderr.replace(/PEAK_KB=\d+\n?/, ''),
        seconds: Number(((performance.now() - start) / 1000).toFixed(1)),
        peakMb: peak ? Math.round(Number(peak[1]) / 1024) : null,
      })
    })
  })
}

const report = (label: string, values: Record<string, unknown>): void => {
  process.stdout.write(`[engine limits] ${label}: ${JSON.stringify(values)}\n`)
}

describe('limits through the CLI', () => {
  it('imports a 5-million-word document, or refuses it with a clear limit error', async () => {
    const file = join(root.dir, 'five-million-words.txt')
    const out = createWriteStream(file)
    out.write('A very long report\n\n')
    let words = 0
    for (let i = 0; words < 5_000_000; i++) {
      const paragraph = `${prose(i + 1, 2000)}${i === 1000 ? ' quokkamarker' : ''}\n\n`
      words += paragraph.split(/\s+/).filter(Boolean).length
      out.write(paragraph)
    }
    out.write('The report ends with the word zebrafinale.\n')
    await new Promise<void>((r) => out.end(r))
    const library = join(root.dir, 'big')
    const result = await measured(['--library', library, 'import', file, '--json'])
    const report_ = JSON.parse(result.stdout) as ImportJson
    const outcome = report_.results[0]!
    report('5,000,000 words', {
      words,
      status: outcome.status,
      error: outcome.error,
      seconds: result.seconds,
      peakMb: result.peakMb,
    })
    if (outcome.status === 'failed') {
      expect(result.code).toBe(2)
      expect(outcome.error).toMatch(/limit|too large|larger than|exceeds/i)
      return
    }
    expect(outcome.status).toBe('imported')
    const list = await runJson<{ documents: { wordCount: number }[] }>([
      '--library',
      library,
      'list',
    ])
    expect(list.json.documents[0]!.wordCount).toBeGreaterThan(4_900_000)
    for (const word of ['quokkamarker', 'zebrafinale']) {
      const search = await measured(['--library', library, 'search', word, '--json'])
      const found = JSON.parse(search.stdout) as { total: number }
      report(`search ${word}`, {
        total: found.total,
        seconds: search.seconds,
        peakMb: search.peakMb,
      })
      expect(found.total).toBe(1)
    }
    const check = await runJson(['--library', library, 'check'])
    expect(check.json).toEqual({ ok: true, problems: [] })
  })

  it('imports 1,000 files named at once on the command line', async () => {
    const folder = join(root.dir, 'thousand')
    mkdirSync(folder)
    const files: string[] = []
    for (let i = 0; i < 1000; i++) {
      const file = join(folder, `file-${i}.txt`)
      writeFileSync(file, `Dispatch ${i}\n\n${prose(i + 50_000, 1500)} thousandmark${i}\n`)
      files.push(file)
    }
    const library = join(root.dir, 'many')
    const result = await measured(['--library', library, 'import', ...files, '--json'])
    const json = JSON.parse(result.stdout) as ImportJson
    report('1,000 files at once', {
      imported: json.imported,
      failed: json.failed,
      seconds: result.seconds,
      filesPerSecond: Math.round(1000 / result.seconds),
      peakMb: result.peakMb,
    })
    expect(result.code).toBe(0)
    expect(json.imported).toBe(1000)
    const list = await runJson<{ total: number }>(['--library', library, 'list', '--limit', '1'])
    expect(list.json.total).toBe(1000)
  })
})
