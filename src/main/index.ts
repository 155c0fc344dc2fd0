/**
 * Electron entry: the thin desktop shell (issue 3 §1, SECURITY.md §1). Windows, menus, dialogs and IPC wiring
 * only; every rule it applies is an Electron-free function in `src/main/shell/` and every behaviour goes through
 * the same `backend.dispatch` as the web host and the CLI.
 *
 * The backend runs in this (main) process. Parsing, the only heavy work, already runs in worker threads
 * (`out/main/import-worker.js`), and SQLite calls are short; the load test measures the same backend's event-loop
 * delay under 50 clients plus a 5,000-file import (p99 < 50 ms), which is what keeps menus and window events
 * responsive. A utilityProcess would add a second IPC hop and a MessagePort protocol for no measured gain.
 */
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import {
  app,
  BrowserWindow,
  dialog,
  ipcMain,
  Menu,
  nativeTheme,
  protocol,
  screen,
  session,
  shell,
} from 'electron'
import { IPC, type MenuCommand } from '../shared/ipc-channels'
import { type Backend, createBackend } from './compose/create-backend'
import { answerFileRequest } from './compose/serve-files'
import { backupDirFor } from './db/backup'
import { resolveLibraryDir } from './platform/paths'
import { createApiBridge } from './shell/api-bridge'
import { APP_ENTRY_URL, APP_SCHEME, createAppProtocolHandler } from './shell/app-protocol'
import { openExternalLink } from './shell/external-links'
import { guardIpc } from './shell/ipc-guard'
import { buildMenuTemplate } from './shell/menu-template'
import { electronBindingPath } from './shell/native-binding'
import {
  createWindowOpenHandler,
  guardFrameNavigation,
  preventNavigation,
} from './shell/navigation'
import { PathGrants } from './shell/path-grants'
import {
  permissionCheckHandler,
  permissionRequestHandler,
  requestFilter,
} from './shell/permissions'
import { createShellHandlers } from './shell/shell-handlers'
import { createWindowOptions } from './shell/window-options'
import { loadWindowState, saveWindowState, WINDOW_STATE_FILE } from './shell/window-state'

const RENDERER_DIR = join(__dirname, '..', 'renderer')
const PRELOAD = join(__dirname, '..', 'preload', 'index.js')
const IMPORT_WORKER = join(__dirname, 'import-worker.js')

// Before `ready`: our scheme behaves like https (origin, fetch, secure context); every renderer is sandboxed.
protocol.registerSchemesAsPrivileged([
  { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } },
])
app.enableSandbox()

let mainWindow: BrowserWindow | null = null
let backend: Backend | null = null
let backendClosed = false
const grants = { open: new PathGrants(), save: new PathGrants() }

const openExternal = (url: string): void => {
  void openExternalLink(url, shell)
}

function sendMenuCommand(command: MenuCommand): void {
  if (mainWindow && !mainWindow.isDestroyed()) mainWindow.webContents.send(IPC.menuCommand, command)
}

function hardenSession(): void {
  const ses = session.defaultSession
  ses.setPermissionRequestHandler(permissionRequestHandler)
  ses.setPermissionCheckHandler(permissionCheckHandler)
  ses.setDevicePermissionHandler(() => false)
  ses.webRequest.onBeforeRequest(requestFilter)
  ses.on('will-download', (event) => event.preventDefault())
  ses.protocol.handle(
    APP_SCHEME,
    createAppProtocolHandler(RENDERER_DIR, (pathname) => answerFileRequest(backend, pathname)),
  )
}

/** Every WebContents (our window, and anything that might ever appear) gets the same navigation rules. */
function hardenWebContents(): void {
  app.on('web-contents-created', (_event, contents) => {
    contents.on('will-navigate', (event) => preventNavigation(event, event.url, openExternal))
    contents.on('will-redirect', (event) => event.preventDefault())
    contents.on('will-frame-navigate', (event) =>
      guardFrameNavigation(event, event.url, event.isMainFrame, openExternal),
    )
    contents.on('will-attach-webview', (event) => event.preventDefault())
    contents.setWindowOpenHandler(createWindowOpenHandler(openExternal))
  })
}

function registerIpc(open: Backend): void {
  const bridge = createApiBridge((method, args) => open.dispatch(method, args), grants, {
    backupDir: backupDirFor(open.context.libraryDir),
  })
  ipcMain.handle(IPC.apiInvoke, guardIpc(bridge))
  const handlers = createShellHandlers(
    {
      showOpenDialog: (options) =>
        mainWindow ? dialog.showOpenDialog(mainWindow, options) : dialog.showOpenDialog(options),
      showSaveDialog: (options) =>
        mainWindow ? dialog.showSaveDialog(mainWindow, options) : dialog.showSaveDialog(options),
      showItemInFolder: (path) => shell.showItemInFolder(path),
      openLink: (url) => openExternalLink(url, shell),
      documentsDir: app.getPath('documents'),
    },
    grants,
  )
  for (const [channel, handler] of Object.entries(handlers))
    ipcMain.handle(channel, guardIpc(handler))
  open.onAny((event, payload) => {
    for (const window of BrowserWindow.getAllWindows())
      if (!window.isDestroyed()) window.webContents.send(IPC.apiEvent, event, payload)
  })
}

function createWindow(): BrowserWindow {
  const stateFile = join(app.getPath('userData'), WINDOW_STATE_FILE)
  const state = loadWindowState(
    stateFile,
    screen.getAllDisplays().map((display) => display.workArea),
  )
  const { maximized, ...bounds } = state
  const window = new BrowserWindow(
    createWindowOptions({ preloadPath: PRELOAD, bounds, dark: nativeTheme.shouldUseDarkColors }),
  )
  if (maximized) window.maximize()
  window.once('ready-to-show', () => window.show())
  let saveTimer: NodeJS.Timeout | undefined
  const remember = (): void => {
    if (window.isDestroyed() || window.isMinimized()) return
    saveWindowState(stateFile, { ...window.getNormalBounds(), maximized: window.isMaximized() })
  }
  const rememberSoon = (): void => {
    clearTimeout(saveTimer)
    saveTimer = setTimeout(remember, 500)
  }
  window.on('resize', rememberSoon)
  window.on('move', rememberSoon)
  window.on('close', () => {
    clearTimeout(saveTimer)
    remember()
  })
  window.on('closed', () => {
    if (mainWindow === window) mainWindow = null
  })
  void window.loadURL(APP_ENTRY_URL)
  return window
}

function openBackend(): Backend | null {
  const binding = electronBindingPath({
    isPackaged: app.isPackaged,
    resourcesPath: process.resourcesPath,
    appPath: app.getAppPath(),
  })
  if (process.versions.electron && !existsSync(binding)) {
    dialog.showErrorBox(
      'Lectern cannot open its library',
      `The Electron build of better-sqlite3 is missing (${binding}). Run "npm run native:electron" on a machine ` +
        'that can download it, or use "npm run web" to run Lectern in a browser.',
    )
    return null
  }
  try {
    return createBackend({
      role: 'desktop',
      libraryDir: resolveLibraryDir(undefined),
      version: app.getVersion(),
      workerScript: IMPORT_WORKER,
      electronBinding: binding,
    })
  } catch (error) {
    dialog.showErrorBox('Lectern cannot open its library', (error as Error).message)
    return null
  }
}

/** Start-up after `ready`. Exported so the shell tests (with a stubbed `electron`) can await it. */
async function start(): Promise<void> {
  await app.whenReady()
  hardenSession()
  backend = openBackend()
  if (!backend) {
    app.exit(1)
    return
  }
  registerIpc(backend)
  Menu.setApplicationMenu(
    Menu.buildFromTemplate(
      buildMenuTemplate({
        platform: process.platform,
        send: sendMenuCommand,
        devTools: !app.isPackaged,
      }),
    ),
  )
  mainWindow = createWindow()
}

hardenWebContents()

export const started: Promise<void> = app.requestSingleInstanceLock()
  ? start()
  : Promise.resolve(app.quit())

app.on('second-instance', () => {
  if (!mainWindow) return
  if (mainWindow.isMinimized()) mainWindow.restore()
  mainWindow.focus()
})

app.on('activate', () => {
  if (backend && BrowserWindow.getAllWindows().length === 0) mainWindow = createWindow()
})

app.on('window-all-closed', () => {
  if (process.platform !== 'darwin') app.quit()
})

// Close the library (finishes jobs, checkpoints the WAL) before the process goes away.
app.on('before-quit', (event) => {
  if (!backend || backendClosed) return
  event.preventDefault()
  const closing = backend
  backend = null
  closing
    .close()
    .catch(() => {})
    .finally(() => {
      backendClosed = true
      app.quit()
    })
})
