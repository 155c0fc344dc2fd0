/** Commands the native menu forwards to the renderer (`Shell.onMenuCommand`); the preload drops anything else. */
export const MENU_COMMANDS = ['import', 'import-folder', 'find', 'export', 'preferences'] as const
export type MenuCommand = (typeof MENU_COMMANDS)[number]

/**
 * Desktop affordances that differ per platform (Electron dialogs vs. the web host). Separate from the API on purpose:
 * the API is the same everywhere, these are not.
 */
export type Shell = {
  /** Ask the user for files (or a folder) to import; resolves to paths the backend may read, or [] when cancelled. */
  pickImportPaths(options: { folder: boolean }): Promise<string[]>
  /** Ask where to save an export; resolves to a path or null when cancelled. */
  pickSavePath(options: { defaultName: string }): Promise<string | null>
  /** Show a file in the system file manager. */
  revealInFolder(path: string): Promise<void>
  /** Open an http(s)/mailto link in the system browser after an allowlist check. */
  openExternal(url: string): Promise<void>
  /**
   * Paths the backend may import for files dropped on the window: Electron's webUtils.getPathForFile; in the
   * browser the files are uploaded to the web host, which stages them.
   */
  stageDroppedFiles(files: File[]): Promise<string[]>
  /**
   * Where the renderer loads a document's stored original bytes (`part` omitted) or a file embedded in it (`part`: a
   * path from OriginalInfo.parts, e.g. an EPUB image). Web host: `/files/<id>[/<part>]?token=…`; desktop:
   * `app://lectern/files/<id>[/<part>]`. Served read-only with a strict Content-Type and `Content-Security-Policy: sandbox`.
   */
  originalUrl(documentId: number, part?: string): string
  /** Menu commands forwarded from the native menu. */
  onMenuCommand(listener: (command: MenuCommand) => void): () => void
}
