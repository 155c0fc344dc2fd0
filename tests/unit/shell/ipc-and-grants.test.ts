import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { createApiBridge } from '../../../src/main/shell/api-bridge'
import { guardIpc, IpcRefused, isTrustedSender } from '../../../src/main/shell/ipc-guard'
import { PathGrants } from '../../../src/main/shell/path-grants'
import {
  createShellHandlers,
  type ShellServices,
  suggestedFileName,
} from '../../../src/main/shell/shell-handlers'
import { IPC } from '../../../src/shared/ipc-channels'
import { tempBackend, tempDir } from '../../support/temp-library'

describe('IPC sender validation', () => {
  it('trusts only the top frame of our app:// page', () => {
    expect(isTrustedSender({ url: 'app://lectern/index.html', parent: null })).toBe(true)
    expect(isTrustedSender({ url: 'app://lectern/', parent: null })).toBe(true)
    for (const frame of [
      { url: 'app://lectern/index.html', parent: {} }, // a sub-frame (the viewer iframe)
      { url: 'about:srcdoc', parent: {} },
      { url: 'about:blank', parent: null },
      { url: 'https://lectern/index.html', parent: null },
      { url: 'app://lectern.evil/index.html', parent: null },
      { url: 'app://evil/index.html', parent: null },
      { url: 'app://user:pw@lectern/index.html', parent: null },
      { url: 'file:///index.html', parent: null },
      { url: 'http://127.0.0.1:4173/', parent: null },
      { url: 'data:text/html,x', parent: null },
      { url: '', parent: null },
      null,
      undefined,
    ])
      expect(isTrustedSender(frame), JSON.stringify(frame)).toBe(false)
  })

  it('guardIpc runs the listener only for trusted senders', () => {
    const listener = vi.fn((x: number) => x * 2)
    const guarded = guardIpc(listener)
    expect(guarded({ senderFrame: { url: 'app://lectern/index.html', parent: null } }, 21)).toBe(42)
    expect(() =>
      guarded({ senderFrame: { url: 'https://evil.example/', parent: null } }, 1),
    ).toThrow(IpcRefused)
    expect(() => guarded({ senderFrame: null }, 1)).toThrow(IpcRefused)
    expect(listener).toHaveBeenCalledTimes(1)
  })
})

describe('path grants', () => {
  it('grants dialog answers and what lies inside granted folders, for a limited time', () => {
    let now = 1_000
    const grants = new PathGrants(60_000, () => now)
    grants.grant(['/home/ada/papers', '/home/ada/one.pdf', 'relative/ignored.pdf', ''])
    expect(grants.allows('/home/ada/papers')).toBe(true)
    expect(grants.allows('/home/ada/papers/2024/a.pdf')).toBe(true)
    expect(grants.allows('/home/ada/one.pdf')).toBe(true)
    expect(grants.allows('/home/ada/papers/../secret.txt')).toBe(false)
    expect(grants.allows('/home/ada/papers-other/a.pdf')).toBe(false)
    expect(grants.allows('/home/ada')).toBe(false)
    expect(grants.allows('relative/ignored.pdf')).toBe(false)
    expect(grants.allows('/home/ada/one.pdf\u0000.txt')).toBe(false)
    expect(grants.allowsAll([])).toBe(false)
    now += 60_001
    expect(grants.allows('/home/ada/one.pdf')).toBe(false)
  })
})

describe('API bridge (desktop)', () => {
  const backend = tempBackend()
  afterAll(() => backend.dispose())
  const grants = { open: new PathGrants(), save: new PathGrants() }
  const bridge = createApiBridge((method, args) => backend.dispatch(method, args), grants, {
    backupDir: '/srv/library/backups',
  })

  it('passes ordinary calls to the real dispatch', async () => {
    expect(await bridge('jobs.list', {})).toEqual({ ok: true, value: [] })
    expect(await bridge('no.such', {})).toMatchObject({
      ok: false,
      error: { code: 'invalid_args' },
    })
    expect(await bridge(42, {})).toMatchObject({ ok: false, error: { code: 'invalid_args' } })
  })

  it('refuses import, restore and export paths that no dialog or drop produced', async () => {
    const refused = {
      ok: false,
      error: { code: 'invalid_args', message: expect.stringMatching(/dialog/) },
    }
    expect(await bridge('documents.import', { paths: ['/etc/passwd'] })).toMatchObject(refused)
    expect(await bridge('documents.import', { paths: ['/home', '/etc'] })).toMatchObject(refused)
    expect(await bridge('library.restore', { file: '/tmp/evil.sqlite' })).toMatchObject(refused)
    expect(
      await bridge('export.save', { quoteIds: [1], format: 'markdown', path: '/etc/cron.d/x' }),
    ).toMatchObject(refused)
    // The library's own backups, by name or by path, need no grant (the engine keeps bare names in that folder).
    for (const file of ['library.sqlite.1.bak', '/srv/library/backups/library.sqlite.1.bak'])
      expect(JSON.stringify(await bridge('library.restore', { file }))).not.toMatch(/not chosen/)
    expect(
      await bridge('library.restore', { file: '/srv/library/backups/../x.sqlite' }),
    ).toMatchObject(refused)
    grants.open.grant(['/srv/granted'])
    const passed = await bridge('documents.import', { paths: ['/srv/granted/a.txt'] })
    expect(JSON.stringify(passed)).not.toMatch(/not chosen in a Lectern dialog/)
    // A granted open path is not a save grant.
    expect(
      await bridge('export.save', { quoteIds: [1], format: 'markdown', path: '/srv/granted/x.md' }),
    ).toMatchObject(refused)
  })
})

describe('shell affordances', () => {
  let dir: { dir: string; cleanup: () => void }
  beforeAll(() => {
    dir = tempDir()
    mkdirSync(join(dir.dir, 'folder'))
    writeFileSync(join(dir.dir, 'folder', 'a.txt'), 'a')
  })
  afterAll(() => dir.cleanup())

  const setup = (answers: Partial<ShellServices> = {}) => {
    const grants = { open: new PathGrants(), save: new PathGrants() }
    const services: ShellServices = {
      showOpenDialog: vi.fn(async () => ({
        canceled: false,
        filePaths: [join(dir.dir, 'folder')],
      })),
      showSaveDialog: vi.fn(async () => ({ canceled: false, filePath: join(dir.dir, 'out.md') })),
      showItemInFolder: vi.fn(),
      openLink: vi.fn(async () => true),
      documentsDir: dir.dir,
      ...answers,
    }
    return { grants, services, handlers: createShellHandlers(services, grants) }
  }

  it('grants what the open and save dialogs return, and nothing on cancel', async () => {
    const { grants, services, handlers } = setup()
    expect(await handlers[IPC.pickImportPaths]({ folder: true })).toEqual([join(dir.dir, 'folder')])
    expect(services.showOpenDialog).toHaveBeenCalledWith(
      expect.objectContaining({ properties: ['openDirectory', 'multiSelections'] }),
    )
    expect(grants.open.allows(join(dir.dir, 'folder', 'a.txt'))).toBe(true)
    expect(await handlers[IPC.pickSavePath]({ defaultName: '../../etc/passwd' })).toBe(
      join(dir.dir, 'out.md'),
    )
    expect(services.showSaveDialog).toHaveBeenCalledWith(
      expect.objectContaining({ defaultPath: join(dir.dir, 'passwd') }),
    )
    expect(grants.save.allows(join(dir.dir, 'out.md'))).toBe(true)
    expect(grants.open.allows(join(dir.dir, 'out.md'))).toBe(false)

    const cancelled = setup({
      showOpenDialog: vi.fn(async () => ({ canceled: true, filePaths: ['/etc'] })),
    })
    expect(await cancelled.handlers[IPC.pickImportPaths]({ folder: false })).toEqual([])
    expect(cancelled.grants.open.allows('/etc/passwd')).toBe(false)
  })

  it('validates arguments', async () => {
    const { handlers } = setup()
    await expect(handlers[IPC.pickImportPaths]({ folder: 'yes' })).rejects.toThrow()
    await expect(handlers[IPC.pickImportPaths]({ folder: true, extra: 1 })).rejects.toThrow()
    await expect(handlers[IPC.pickSavePath]({ defaultName: 'x'.repeat(5000) })).rejects.toThrow()
    await expect(handlers[IPC.revealInFolder]('relative/path')).rejects.toThrow()
    await expect(handlers[IPC.grantDropped]('not an array')).rejects.toThrow()
  })

  it('grants only dropped paths that exist', async () => {
    const { grants, handlers } = setup()
    const existing = join(dir.dir, 'folder', 'a.txt')
    expect(
      await handlers[IPC.grantDropped]([existing, '/no/such/file', 'relative.txt', '']),
    ).toEqual([existing])
    expect(grants.open.allows(existing)).toBe(true)
    expect(grants.open.allows('/no/such/file')).toBe(false)
  })

  it('opens only allowed links and reveals only existing absolute paths', async () => {
    const { services, handlers } = setup()
    expect(await handlers[IPC.openExternal]('javascript:alert(1)')).toBe(false)
    expect(await handlers[IPC.openExternal]('https://example.org/')).toBe(true)
    expect(services.openLink).toHaveBeenCalledExactlyOnceWith('https://example.org/')
    await handlers[IPC.revealInFolder]('/no/such/file')
    await handlers[IPC.revealInFolder](join(dir.dir, 'folder', 'a.txt'))
    expect(services.showItemInFolder).toHaveBeenCalledExactlyOnceWith(
      join(dir.dir, 'folder', 'a.txt'),
    )
  })

  it('suggests safe file names', () => {
    expect(suggestedFileName('Quotes: "War & Peace"?.md')).toBe('Quotes War & Peace.md')
    expect(suggestedFileName('..')).toBe('Lectern export')
    expect(suggestedFileName('CON')).toBe('Lectern export')
    expect(suggestedFileName('a\\b\\c.csv')).toBe('c.csv')
  })
})
