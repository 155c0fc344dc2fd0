/** The preload surface (SECURITY.md §1 item 20), loaded with `electron` stubbed. */
import { beforeAll, describe, expect, it, vi } from 'vitest'
import { IPC } from '../../../src/shared/ipc-channels'

type Listener = (...args: unknown[]) => unknown

const rec = vi.hoisted(() => ({
  exposed: new Map<string, Record<string, unknown>>(),
  invoked: [] as unknown[][],
  listeners: new Map<string, Listener[]>(),
  answer: null as unknown,
}))

vi.mock('electron', () => ({
  contextBridge: {
    exposeInMainWorld: (key: string, value: Record<string, unknown>) => rec.exposed.set(key, value),
  },
  ipcRenderer: {
    invoke: async (...args: unknown[]) => {
      rec.invoked.push(args)
      return rec.answer
    },
    on: (channel: string, fn: Listener) => {
      rec.listeners.set(channel, [...(rec.listeners.get(channel) ?? []), fn])
    },
    removeListener: (channel: string, fn: Listener) => {
      rec.listeners.set(
        channel,
        (rec.listeners.get(channel) ?? []).filter((l) => l !== fn),
      )
    },
  },
  webUtils: {
    getPathForFile: (file: { path?: string }) => file.path ?? '',
  },
}))

type Api = {
  invoke: (method: string, args: unknown) => Promise<unknown>
  on: (event: string, listener: Listener) => () => void
}
type ShellApi = Record<string, (...args: unknown[]) => Promise<unknown> | (() => void)>

let api: Api
let shell: ShellApi
const emit = (channel: string, ...args: unknown[]) => {
  for (const listener of rec.listeners.get(channel) ?? [])
    listener({ sender: 'IpcRendererEvent' }, ...args)
}

beforeAll(async () => {
  await import('../../../src/preload/index')
  api = rec.exposed.get('api') as unknown as Api
  shell = rec.exposed.get('shell') as unknown as ShellApi
})

describe('preload surface', () => {
  it('exposes exactly window.api {invoke, on} and window.shell, never ipcRenderer', () => {
    expect([...rec.exposed.keys()].sort()).toEqual(['api', 'shell'])
    expect(Object.keys(api).sort()).toEqual(['invoke', 'on'])
    expect(Object.keys(shell).sort()).toEqual([
      'onMenuCommand',
      'openExternal',
      'originalUrl',
      'pickImportPaths',
      'pickSavePath',
      'revealInFolder',
      'stageDroppedFiles',
    ])
    for (const value of [...Object.values(api), ...Object.values(shell)])
      expect(typeof value).toBe('function')
    // Originals load from our own scheme, each path segment encoded (no way to another origin or `..`).
    expect((shell.originalUrl as unknown as (id: number, part?: string) => string)(12)).toBe(
      'app://lectern/files/12',
    )
    expect(
      (shell.originalUrl as unknown as (id: number, part?: string) => string)(
        12,
        'OEBPS/a b/../x.png',
      ),
    ).toBe('app://lectern/files/12/OEBPS/a%20b/../x.png')
  })

  it('invokes the fixed API channel and unwraps envelopes', async () => {
    rec.answer = { ok: true, value: [1, 2] }
    expect(await api.invoke('jobs.list', {})).toEqual([1, 2])
    expect(rec.invoked.at(-1)).toEqual([IPC.apiInvoke, 'jobs.list', {}])
    rec.answer = { ok: false, error: { code: 'not_found', message: 'No document with id 9.' } }
    await expect(api.invoke('documents.get', { id: 9 })).rejects.toEqual({
      name: 'ApiCallError',
      code: 'not_found',
      message: 'No document with id 9.',
    })
  })

  it('gives event listeners the payload only, never the IpcRendererEvent', () => {
    const calls: unknown[][] = []
    const off = api.on('library.changed', (...args) => calls.push(args))
    emit(IPC.apiEvent, 'library.changed', { tables: ['documents'] })
    emit(IPC.apiEvent, 'job.progress', { jobId: 'x' })
    off()
    emit(IPC.apiEvent, 'library.changed', { tables: ['tags'] })
    expect(calls).toEqual([[{ tables: ['documents'] }]])
  })

  it('forwards only known menu commands, payload only', () => {
    const commands: unknown[][] = []
    const off = (shell.onMenuCommand as (l: Listener) => () => void)((...args) =>
      commands.push(args),
    )
    emit(IPC.menuCommand, 'import')
    emit(IPC.menuCommand, 'rm -rf')
    emit(IPC.menuCommand, { command: 'find' })
    off()
    emit(IPC.menuCommand, 'find')
    expect(commands).toEqual([['import']])
  })

  it('stages dropped files through webUtils paths only', async () => {
    rec.answer = ['/home/ada/a.pdf']
    const fake = { name: 'made-up.txt' } // a File a script made up has no path
    const real = { name: 'a.pdf', path: '/home/ada/a.pdf' }
    expect(await shell.stageDroppedFiles?.([fake, real])).toEqual(['/home/ada/a.pdf'])
    expect(rec.invoked.at(-1)).toEqual([IPC.grantDropped, ['/home/ada/a.pdf']])
    const before = rec.invoked.length
    expect(await shell.stageDroppedFiles?.([fake])).toEqual([])
    expect(rec.invoked.length).toBe(before)
  })

  it('coerces affordance arguments before they cross to main', async () => {
    rec.answer = null
    await shell.pickImportPaths?.({ folder: 'yes' })
    expect(rec.invoked.at(-1)).toEqual([IPC.pickImportPaths, { folder: false }])
    await shell.openExternal?.('https://example.org/')
    expect(rec.invoked.at(-1)).toEqual([IPC.openExternal, 'https://example.org/'])
  })
})
