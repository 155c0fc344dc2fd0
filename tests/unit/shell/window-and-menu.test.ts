import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import type { MenuItemConstructorOptions } from 'electron'
import { afterAll, describe, expect, it } from 'vitest'
import { buildMenuTemplate } from '../../../src/main/shell/menu-template'
import { electronBindingPath } from '../../../src/main/shell/native-binding'
import { createWindowOptions } from '../../../src/main/shell/window-options'
import {
  DEFAULT_BOUNDS,
  loadWindowState,
  saveWindowState,
} from '../../../src/main/shell/window-state'
import { tempDir } from '../../support/temp-library'

const { dir, cleanup } = tempDir()
afterAll(cleanup)
const display = { x: 0, y: 0, width: 1920, height: 1080 }

describe('window options', () => {
  it('keep every renderer isolated and sandboxed', () => {
    const options = createWindowOptions({
      preloadPath: '/app/out/preload/index.js',
      bounds: DEFAULT_BOUNDS,
    })
    expect(options.webPreferences).toMatchObject({
      preload: '/app/out/preload/index.js',
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
    })
    expect(options.webPreferences).not.toHaveProperty('enableBlinkFeatures')
    expect(options.show).toBe(false)
  })
})

describe('window state', () => {
  const file = join(dir, 'window-state.json')
  it('round-trips through a small JSON file', () => {
    saveWindowState(file, { x: 100, y: 80, width: 1000, height: 700, maximized: true })
    expect(loadWindowState(file, [display])).toEqual({
      x: 100,
      y: 80,
      width: 1000,
      height: 700,
      maximized: true,
    })
  })
  it('falls back to defaults for missing or malformed files', () => {
    expect(loadWindowState(join(dir, 'missing.json'), [display])).toEqual({
      ...DEFAULT_BOUNDS,
      maximized: false,
    })
    writeFileSync(file, '{"width": "huge"')
    expect(loadWindowState(file, [display])).toEqual({ ...DEFAULT_BOUNDS, maximized: false })
    writeFileSync(file, JSON.stringify({ width: 1e9, height: 10 }))
    expect(loadWindowState(file, [display])).toEqual({ ...DEFAULT_BOUNDS, maximized: false })
  })
  it('drops a position that is no longer on any display', () => {
    saveWindowState(file, { x: 5000, y: 3000, width: 900, height: 600, maximized: false })
    expect(loadWindowState(file, [display])).toEqual({ width: 900, height: 600, maximized: false })
  })
  it('refuses to write an invalid state', () => {
    saveWindowState(file, { x: 1, y: 1, width: 900, height: 600, maximized: false })
    saveWindowState(file, { width: Number.NaN, height: 600, maximized: false })
    expect(JSON.parse(readFileSync(file, 'utf8')).width).toBe(900)
  })
})

function flatten(items: MenuItemConstructorOptions[]): MenuItemConstructorOptions[] {
  return items.flatMap((item) => [
    item,
    ...(Array.isArray(item.submenu) ? flatten(item.submenu as MenuItemConstructorOptions[]) : []),
  ])
}

describe('menu', () => {
  it.each(['linux', 'win32', 'darwin'] as const)(
    'has the usual shortcuts on %s and forwards commands',
    (platform) => {
      const sent: string[] = []
      const items = flatten(
        buildMenuTemplate({ platform, send: (c) => sent.push(c), devTools: false }),
      )
      const byLabel = (label: string) => items.find((i) => i.label === label)
      expect(byLabel('Import…')?.accelerator).toBe('CmdOrCtrl+O')
      expect(byLabel('Import Folder…')?.accelerator).toBe('CmdOrCtrl+Shift+O')
      expect(byLabel('Export…')?.accelerator).toBe('CmdOrCtrl+E')
      expect(byLabel('Find')?.accelerator).toBe('CmdOrCtrl+F')
      const prefs = byLabel(platform === 'darwin' ? 'Settings…' : 'Preferences…')
      expect(prefs?.accelerator).toBe('CmdOrCtrl+,')
      expect(items.some((i) => i.role === 'quit')).toBe(true)
      expect(items.some((i) => i.role === 'copy')).toBe(true)
      expect(items.some((i) => i.role === 'toggleDevTools')).toBe(false)
      const click = (item: MenuItemConstructorOptions | undefined): void => {
        const handler = item?.click as unknown as (() => void) | undefined
        expect(handler).toBeTypeOf('function')
        handler?.()
      }
      for (const label of ['Import…', 'Import Folder…', 'Export…', 'Find']) click(byLabel(label))
      click(prefs)
      expect(sent).toEqual(['import', 'import-folder', 'export', 'find', 'preferences'])
    },
  )
})

describe('native binding path', () => {
  it('uses the staged build in development and the resources copy when packaged', () => {
    expect(electronBindingPath({ isPackaged: false, resourcesPath: '/r', appPath: '/proj' })).toBe(
      join(
        '/proj',
        'native',
        'electron',
        'better-sqlite3',
        'build',
        'Release',
        'better_sqlite3.node',
      ),
    )
    expect(
      electronBindingPath({ isPackaged: true, resourcesPath: '/r', appPath: '/app.asar' }),
    ).toBe(join('/r', 'native', 'better_sqlite3.node'))
  })
})
