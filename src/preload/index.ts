/**
 * The preload (sandboxed, context-isolated): the page gets exactly `window.api` (the typed API: invoke + event
 * subscription) and `window.shell` (desktop affordances), both through contextBridge. Never `ipcRenderer` itself,
 * never a caller-chosen channel, and listeners get payloads only, never the IpcRendererEvent (which carries
 * `sender`). This bundle may require only `electron` (a sandboxed preload cannot load anything else).
 */
import { contextBridge, ipcRenderer, webUtils } from 'electron'
import type { ApiEventName, ApiTransport, Envelope } from '../shared/contract'
import { IPC, MENU_COMMANDS, type MenuCommand } from '../shared/ipc-channels'
import type { Shell } from '../shared/shell-contract'

type AnyListener = (payload: unknown) => void

const eventListeners = new Map<string, Set<AnyListener>>()
let eventsWired = false

function wireEvents(): void {
  if (eventsWired) return
  eventsWired = true
  ipcRenderer.on(IPC.apiEvent, (_event, name: unknown, payload: unknown) => {
    if (typeof name !== 'string') return
    for (const listener of eventListeners.get(name) ?? []) listener(payload)
  })
}

/**
 * contextBridge drops custom properties of thrown Errors, so a failed call rejects with a plain `{ code, message }`
 * object; the renderer's client turns it back into an ApiCallError.
 */
const api = {
  async invoke(method, args) {
    const envelope = (await ipcRenderer.invoke(
      IPC.apiInvoke,
      String(method),
      args,
    )) as Envelope<never>
    if (envelope.ok) return envelope.value
    throw { name: 'ApiCallError', code: envelope.error.code, message: envelope.error.message }
  },
  on(event, listener) {
    wireEvents()
    const name: ApiEventName = event
    let set = eventListeners.get(name)
    if (!set) {
      set = new Set()
      eventListeners.set(name, set)
    }
    const wrapped = listener as AnyListener
    set.add(wrapped)
    return () => {
      set.delete(wrapped)
    }
  },
} satisfies ApiTransport

const menuCommands = new Set<string>(MENU_COMMANDS)

const shell = {
  pickImportPaths: ({ folder }) =>
    ipcRenderer.invoke(IPC.pickImportPaths, { folder: folder === true }) as Promise<string[]>,
  pickSavePath: ({ defaultName }) =>
    ipcRenderer.invoke(IPC.pickSavePath, { defaultName: String(defaultName) }) as Promise<
      string | null
    >,
  revealInFolder: async (path) => {
    await ipcRenderer.invoke(IPC.revealInFolder, String(path))
  },
  openExternal: async (url) => {
    await ipcRenderer.invoke(IPC.openExternal, String(url))
  },
  stageDroppedFiles: async (files) => {
    // Real files only: getPathForFile answers '' for File objects a script made up.
    const paths = [...files]
      .map((file) => webUtils.getPathForFile(file))
      .filter((p) => p.length > 0)
    if (paths.length === 0) return []
    return ipcRenderer.invoke(IPC.grantDropped, paths) as Promise<string[]>
  },
  originalUrl: (documentId, part) =>
    `app://lectern/files/${Number(documentId)}${part ? `/${part.split('/').map(encodeURIComponent).join('/')}` : ''}`,
  onMenuCommand: (listener) => {
    const forward = (_event: unknown, command: unknown): void => {
      if (typeof command === 'string' && menuCommands.has(command)) listener(command as MenuCommand)
    }
    ipcRenderer.on(IPC.menuCommand, forward)
    return () => {
      ipcRenderer.removeListener(IPC.menuCommand, forward)
    }
  },
} satisfies Shell

contextBridge.exposeInMainWorld('api', api)
contextBridge.exposeInMainWorld('shell', shell)
