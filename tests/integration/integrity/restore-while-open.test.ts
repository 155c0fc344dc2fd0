/**
 * Issue #11 defect 1: restoring a backup renamed the live file aside while another backend (desktop app, web host)
 * still had it open; that backend kept writing into `library.sqlite.replaced-*` and the writes were lost. A
 * restore must refuse while another live owner holds the library, and lose nothing.
 */
import { readdirSync } from 'node:fs'
import type { DocumentId } from '@shared/contract'
import { afterEach, beforeAll, describe, expect, it } from 'vitest'
import { call } from '../../../src/main/api/dispatch'
import { seedGoldenLibrary } from '../../golden/corpus'
import { tempBackend } from '../../support/temp-library'
import { ensureBuilt, runCli } from '../cli/run-cli'

const disposers: (() => Promise<void>)[] = []
afterEach(async () => {
  for (const dispose of disposers.splice(0).reverse()) await dispose()
})

beforeAll(() => ensureBuilt())

function twoBackends() {
  const host = tempBackend({ role: 'web' })
  const ids = seedGoldenLibrary(host.context.db)
  const other = tempBackend({ libraryDir: host.context.libraryDir, role: 'desktop' })
  disposers.push(host.dispose, other.dispose)
  return { host, other, ids }
}

describe('restore while the library is open elsewhere', () => {
  it('refuses through the API and every write of the other backend stays in the library', async () => {
    const { host, other, ids } = twoBackends()
    await call(host.context, 'library.backup', {})
    const before = await call(host.context, 'quotes.create', {
      documentId: ids.davie as DocumentId,
      text: 'every single day',
    })
    await expect(call(other.context, 'library.restore', {})).rejects.toMatchObject({
      code: 'conflict',
      message: expect.stringMatching(/open in another Lectern \(web, process \d+\)/),
    })
    // The first backend keeps working on the one real file; nothing was renamed aside.
    const after = await call(host.context, 'quotes.create', {
      documentId: ids.davie as DocumentId,
      text: 'fighting for you',
    })
    expect(readdirSync(host.context.libraryDir).filter((f) => /replaced|damaged/.test(f))).toEqual(
      [],
    )
    const seen = await call(other.context, 'quotes.list', {})
    expect(seen.quotes.map((q) => q.id).sort()).toEqual([before.id, after.id].sort())
  })

  it('restores once the other backend has closed', async () => {
    const { host, other } = twoBackends()
    await call(host.context, 'library.backup', {})
    await host.close() // the folder stays (dispose would delete it)
    const restored = await call(other.context, 'library.restore', {})
    expect(restored.file).toMatch(/\.sqlite$/)
    expect((await call(other.context, 'library.check', {})).ok).toBe(true)
  })

  it('the CLI refuses too, with a one-line message and a non-zero exit', async () => {
    const { host } = twoBackends()
    await call(host.context, 'library.backup', {})
    const result = await runCli(['restore', '--library', host.context.libraryDir])
    expect(result.code).not.toBe(0)
    expect(result.stderr).toMatch(/^lectern: .*open in another Lectern/)
    expect(readdirSync(host.context.libraryDir).filter((f) => /replaced/.test(f))).toEqual([])
    expect((await call(host.context, 'library.check', {})).ok).toBe(true)
  })
})
