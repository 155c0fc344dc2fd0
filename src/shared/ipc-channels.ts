/**
 * The fixed IPC channel names between preload and main. The preload never lets the page pick a channel: each
 * exposed function uses exactly one of these.
 */
export const IPC = {
  /** `invoke(method, args)` → Envelope, through backend.dispatch. */
  apiInvoke: 'lectern:api-invoke',
  /** main → renderer: `(event, payload)` for every backend event. */
  apiEvent: 'lectern:api-event',
  pickImportPaths: 'lectern:pick-import-paths',
  pickSavePath: 'lectern:pick-save-path',
  revealInFolder: 'lectern:reveal-in-folder',
  openExternal: 'lectern:open-external',
  /** Paths of files dropped on the window (resolved in the preload with webUtils.getPathForFile). */
  grantDropped: 'lectern:grant-dropped',
  /** main → renderer: a native menu command. */
  menuCommand: 'lectern:menu-command',
} as const

export { MENU_COMMANDS, type MenuCommand } from './shell-contract'
