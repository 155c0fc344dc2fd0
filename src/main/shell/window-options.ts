import type { BrowserWindowConstructorOptions } from 'electron'

export type WindowBounds = { x?: number; y?: number; width: number; height: number }

/**
 * The one place a BrowserWindow's options are built (SECURITY.md §1 items 2–4, 6, 8–12). The static test checks
 * this file never loosens them; callers cannot pass webPreferences in.
 */
export function createWindowOptions(options: {
  preloadPath: string
  bounds: WindowBounds
  dark?: boolean
}): BrowserWindowConstructorOptions {
  return {
    ...options.bounds,
    minWidth: 720,
    minHeight: 480,
    show: false, // shown on 'ready-to-show' to avoid a white flash
    title: 'Lectern',
    backgroundColor: options.dark ? '#1c1b1a' : '#fbfaf8',
    autoHideMenuBar: false,
    webPreferences: {
      preload: options.preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      webviewTag: false,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      navigateOnDragDrop: false,
      safeDialogs: true,
      spellcheck: false,
      devTools: true,
    },
  }
}
