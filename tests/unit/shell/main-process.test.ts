/**
 * The real Electron entry (src/main/index.ts) started under plain Node with `electron` stubbed (STACK.md §7.10):
 * the stub records what the shell wires up, the backend underneath is real (a temp library on real SQLite).
 */
import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { APP_ENTRY_URL } from '../../../src/main/shell/app-protocol'
import { IPC } from '../../../src/shared/ipc-channels'
import { tempDir } from '../../support/temp-library'

type Listener = (...args: unknown[]) => unknown

const rec = vi.hoisted(() => {
  const state = {
    userData: '',
    ipc: new Map<string, Listener>(),
    appEvents: new Map<string, Listener[]>(),
    windows: [] as Array<{
      options: Record<string, unknown>
      loaded: string[]
      sent: unknown[][]
      events: Map<string, Listener[]>
    }>,
    privileged: [] as unknown[],
    permissionRequest: null as Listener | null,
    permissionCheck: null as Listener | null,
    beforeRequest: null as Listener | null,
    protocolHandlers: new Map<string, Listener>(),
    menuTemplate: null as unknown,
    openExternal: [] as string[],
    sandboxEnabled: false,
    quitCalls: 0,
    openDialogAnswer: { canceled: false, filePaths: [] as string[] },
  }
  return state
})

vi.mock('electron', () => {
  const on = (map: Map<string, Listener[]>) => (event: string, fn: Listener) => {
    map.set(event, [...(map.get(event) ?? []), fn])
  }
  class BrowserWindow {
    static all: BrowserWindow[] = []
    static getAllWindows() {
      return BrowserWindow.all
    }
    record: (typeof rec.windows)[number]
    webContents: { send: (...args: unknown[]) => void }
    constructor(options: Record<string, unknown>) {
      this.record = { options, loaded: [], sent: [], events: new Map() }
      rec.windows.push(this.record)
      this.webContents = { send: (...args: unknown[]) => this.record.sent.push(args) }
      BrowserWindow.all.push(this)
    }
    on(event: string, fn: Listener) {
      on(this.record.events)(event, fn)
      return this
    }
    once(event: string, fn: Listener) {
      return this.on(event, fn)
    }
    loadURL(url: string) {
      this.record.loaded.push(url)
      return Promise.resolve()
    }
    isDestroyed() {
      return false
    }
    isMinimized() {
      return false
    }
    isMaximized() {
      return false
    }
    getNormalBounds() {
      return { x: 10, y: 20, width: 1100, height: 700 }
    }
    maximize() {}
    show() {}
    focus() {}
    restore() {}
  }
  return {
    app: {
      requestSingleInstanceLock: () => true,
      whenReady: () => Promise.resolve(),
      enableSandbox: () => {
        rec.sandboxEnabled = true
      },
      on: on(rec.appEvents),
      getPath: (name: string) => (name === 'userData' ? rec.userData : join(rec.userData, name)),
      getVersion: () => '0.0.0-test',
      getAppPath: () => process.cwd(),
      isPackaged: false,
      quit: () => {
        rec.quitCalls++
      },
      exit: (code: number) => {
        throw new Error(`app.exit(${code}) during test`)
      },
    },
    BrowserWindow,
    dialog: {
      showOpenDialog: async () => rec.openDialogAnswer,
      showSaveDialog: async () => ({ canceled: true }),
      showErrorBox: (title: string, message: string) => {
        throw new Error(`${title}: ${message}`)
      },
    },
    ipcMain: {
      handle: (channel: string, fn: Listener) => rec.ipc.set(channel, fn),
      on: () => {
        throw new Error('ipcMain.on is not used: every channel is an invoke handler')
      },
    },
    Menu: {
      buildFromTemplate: (template: unknown) => template,
      setApplicationMenu: (menu: unknown) => {
        rec.menuTemplate = menu
      },
    },
    nativeTheme: { shouldUseDarkColors: false },
    protocol: {
      registerSchemesAsPrivileged: (schemes: unknown[]) => rec.privileged.push(...schemes),
    },
    screen: { getAllDisplays: () => [{ workArea: { x: 0, y: 0, width: 1920, height: 1080 } }] },
    session: {
      defaultSession: {
        setPermissionRequestHandler: (fn: Listener) => {
          rec.permissionRequest = fn
        },
        setPermissionCheckHandler: (fn: Listener) => {
          rec.permissionCheck = fn
        },
        setDevicePermissionHandler: () => {},
        webRequest: {
          onBeforeRequest: (fn: Listener) => {
            rec.beforeRequest = fn
          },
        },
        on: () => {},
        protocol: {
          handle: (scheme: string, fn: Listener) => rec.protocolHandlers.set(scheme, fn),
        },
      },
    },
    shell: {
      openExternal: async (url: string) => {
        rec.openExternal.push(url)
      },
      showItemInFolder: () => {},
    },
  }
})

const trusted = { senderFrame: { url: APP_ENTRY_URL, parent: null } }
const library = tempDir('lectern-main-')

beforeAll(async () => {
  rec.userData = join(library.dir, 'userData')
  vi.stubEnv('LECTERN_LIBRARY', join(library.dir, 'library'))
  const main = await import('../../../src/main/index')
  await main.started
})

afterAll(async () => {
  // Quit closes the backend (checkpoint) before the app goes.
  for (const listener of rec.appEvents.get('before-quit') ?? [])
    listener({ preventDefault: () => {} })
  await vi.waitFor(() => expect(rec.quitCalls).toBeGreaterThan(0))
  vi.unstubAllEnvs()
  library.cleanup()
})

describe('Electron main process (stubbed electron, real backend)', () => {
  it('sandboxes every renderer and registers the app scheme as privileged', () => {
    expect(rec.sandboxEnabled).toBe(true)
    expect(rec.privileged).toEqual([
      { scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } },
    ])
    expect([...rec.protocolHandlers.keys()]).toEqual(['app'])
  })

  it('opens one hardened window on app://lectern/index.html', () => {
    expect(rec.windows).toHaveLength(1)
    const [window] = rec.windows
    expect(window?.loaded).toEqual([APP_ENTRY_URL])
    expect(window?.options.webPreferences).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      webviewTag: false,
    })
    expect(
      String((window?.options.webPreferences as { preload?: string } | undefined)?.preload),
    ).toMatch(/preload[\\/]index\.js$/)
  })

  it('denies every permission and cancels network requests in the session', () => {
    const granted: unknown[] = []
    for (const permission of [
      'media',
      'geolocation',
      'notifications',
      'clipboard-read',
      'openExternal',
    ])
      rec.permissionRequest?.({}, permission, (answer: unknown) => granted.push(answer))
    expect(granted).toEqual([false, false, false, false, false])
    expect(rec.permissionCheck?.({}, 'media')).toBe(false)
    const answers: unknown[] = []
    rec.beforeRequest?.({ url: 'https://tracker.example/p.gif' }, (a: unknown) => answers.push(a))
    rec.beforeRequest?.({ url: 'app://lectern/index.html' }, (a: unknown) => answers.push(a))
    expect(answers).toEqual([{ cancel: true }, { cancel: false }])
  })

  it('guards navigation and new windows on every web contents', () => {
    const events = new Map<string, Listener>()
    let openHandler: Listener | null = null
    const contents = {
      on: (event: string, fn: Listener) => events.set(event, fn),
      setWindowOpenHandler: (fn: Listener) => {
        openHandler = fn
      },
    }
    for (const listener of rec.appEvents.get('web-contents-created') ?? []) listener({}, contents)
    expect([...events.keys()].sort()).toEqual([
      'will-attach-webview',
      'will-frame-navigate',
      'will-navigate',
      'will-redirect',
    ])
    const prevented: string[] = []
    for (const url of ['https://example.org/', 'javascript:alert(1)', 'file:///etc/passwd']) {
      events.get('will-navigate')?.({ url, preventDefault: () => prevented.push(url) })
    }
    expect(prevented).toHaveLength(3)
    expect((openHandler as unknown as Listener)({ url: 'https://example.org/b' })).toEqual({
      action: 'deny',
    })
    expect((openHandler as unknown as Listener)({ url: 'javascript:alert(1)' })).toEqual({
      action: 'deny',
    })
    expect(rec.openExternal).toEqual(['https://example.org/', 'https://example.org/b'])
  })

  it('registers only guarded invoke handlers on fixed channels', () => {
    expect([...rec.ipc.keys()].sort()).toEqual(
      [
        IPC.apiInvoke,
        IPC.pickImportPaths,
        IPC.pickSavePath,
        IPC.revealInFolder,
        IPC.openExternal,
        IPC.grantDropped,
      ].sort(),
    )
    for (const [channel, handler] of rec.ipc) {
      for (const frame of [
        { url: 'https://evil.example/', parent: null },
        { url: APP_ENTRY_URL, parent: {} },
        null,
      ])
        expect(() => handler({ senderFrame: frame }, 'jobs.list', {}), channel).toThrow(/sender/)
    }
  })

  it('answers API calls from our page through the real dispatch', async () => {
    const invoke = rec.ipc.get(IPC.apiInvoke) as Listener
    expect(await invoke(trusted, 'jobs.list', {})).toEqual({ ok: true, value: [] })
    expect(await invoke(trusted, 'jobs.wait', { jobId: 7 })).toMatchObject({
      ok: false,
      error: { code: 'invalid_args' },
    })
  })

  it('imports only paths a dialog returned', async () => {
    const invoke = rec.ipc.get(IPC.apiInvoke) as Listener
    const importable = join(library.dir, 'picked')
    expect(await invoke(trusted, 'documents.import', { paths: [importable] })).toMatchObject({
      ok: false,
      error: { code: 'invalid_args', message: expect.stringMatching(/dialog/) },
    })
    rec.openDialogAnswer = { canceled: false, filePaths: [importable] }
    const pick = rec.ipc.get(IPC.pickImportPaths) as Listener
    expect(await pick(trusted, { folder: true })).toEqual([importable])
    const after = await invoke(trusted, 'documents.import', { paths: [importable] })
    expect(JSON.stringify(after)).not.toMatch(/not chosen in a Lectern dialog/)
  })

  it('forwards menu commands to the window and remembers its bounds', () => {
    const template = rec.menuTemplate as Array<{
      submenu?: Array<{ label?: string; click?: () => void }>
    }>
    const items = template.flatMap((menu) => menu.submenu ?? [])
    items.find((item) => item.label === 'Import…')?.click?.()
    items.find((item) => item.label === 'Find')?.click?.()
    const [window] = rec.windows
    expect(window?.sent).toEqual([
      [IPC.menuCommand, 'import'],
      [IPC.menuCommand, 'find'],
    ])
    for (const listener of window?.events.get('close') ?? []) listener()
    const stateFile = join(rec.userData, 'window-state.json')
    expect(existsSync(stateFile)).toBe(true)
    expect(JSON.parse(readFileSync(stateFile, 'utf8'))).toEqual({
      x: 10,
      y: 20,
      width: 1100,
      height: 700,
      maximized: false,
    })
  })
})
