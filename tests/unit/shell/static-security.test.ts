/**
 * Static proofs of the Electron security checklist (issue 7 §4, SECURITY.md §1 and §7 checks 1–5): read the main
 * and preload sources, the built preload bundle and the packaging config, and fail if any item stops holding.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs'
import { join, relative, resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { parse as parseYaml } from 'yaml'
import { APP_CSP, cspProblems } from '../../../src/main/http/csp'

const ROOT = resolve(__dirname, '../../..')
const read = (path: string): string => readFileSync(join(ROOT, path), 'utf8')

function sourceFiles(dir: string, pattern = /\.(ts|tsx|mts|cts)$/): string[] {
  const out: string[] = []
  const walk = (folder: string): void => {
    for (const name of readdirSync(folder)) {
      const full = join(folder, name)
      if (statSync(full).isDirectory()) walk(full)
      else if (pattern.test(name)) out.push(relative(ROOT, full))
    }
  }
  walk(join(ROOT, dir))
  return out.sort()
}

/** Source with comments removed, so a comment that names a forbidden option does not count. */
function code(path: string): string {
  return read(path)
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/(^|[^:'"`])\/\/.*$/gm, '$1')
}

const MAIN_AND_PRELOAD = [...sourceFiles('src/main'), ...sourceFiles('src/preload')]
const INDEX = code('src/main/index.ts')
const PRELOAD = code('src/preload/index.ts')

describe('check 1: webPreferences are never loosened', () => {
  const forbidden: [string, RegExp][] = [
    ['nodeIntegration: true', /nodeIntegration(InWorker|InSubFrames)?\s*:\s*true/],
    ['contextIsolation: false', /contextIsolation\s*:\s*false/],
    ['sandbox: false', /sandbox\s*:\s*false/],
    ['webSecurity: false', /webSecurity\s*:\s*false/],
    ['allowRunningInsecureContent: true', /allowRunningInsecureContent\s*:\s*true/],
    ['experimentalFeatures: true', /experimentalFeatures\s*:\s*true/],
    ['enableBlinkFeatures', /enableBlinkFeatures/],
    ['webviewTag: true', /webviewTag\s*:\s*true/],
    ['a no-sandbox switch', /no-sandbox|disable-web-security|appendSwitch\(/],
  ]
  it.each(forbidden)('no main or preload source sets %s', (_label, pattern) => {
    const offenders = MAIN_AND_PRELOAD.filter((file) => pattern.test(code(file)))
    expect(offenders).toEqual([])
  })

  it('the one options factory sets every protection explicitly', () => {
    const factory = code('src/main/shell/window-options.ts')
    for (const line of [
      'contextIsolation: true',
      'sandbox: true',
      'nodeIntegration: false',
      'nodeIntegrationInWorker: false',
      'nodeIntegrationInSubFrames: false',
      'webSecurity: true',
      'webviewTag: false',
      'allowRunningInsecureContent: false',
      'experimentalFeatures: false',
    ])
      expect(factory).toContain(line)
  })

  it('every BrowserWindow is built from the factory, and every renderer is sandboxed', () => {
    const windows = MAIN_AND_PRELOAD.flatMap((file) =>
      [...code(file).matchAll(/new BrowserWindow\(([^)]*)/g)].map((m) => `${file}: ${m[1]}`),
    )
    expect(windows.length).toBeGreaterThan(0)
    for (const window of windows) expect(window).toMatch(/createWindowOptions\(/)
    expect(INDEX).toMatch(/app\.enableSandbox\(\)/)
    expect(INDEX).toMatch(/requestSingleInstanceLock\(\)/)
  })
})

describe('check 2: the CSP', () => {
  it('the app CSP (app:// handler and web host header) is strict', () => {
    expect(cspProblems(APP_CSP)).toEqual([])
    expect(code('src/main/shell/app-protocol.ts')).toMatch(/SECURITY_HEADERS/)
    expect(code('src/main/web/respond.ts')).toMatch(/SECURITY_HEADERS/)
  })

  it.each(['src/renderer/index.html', 'out/renderer/index.html'])(
    '%s carries a strict meta CSP',
    (file) => {
      if (file.startsWith('out/') && !existsSync(join(ROOT, file))) {
        expect.fail('out/renderer/index.html is missing: run npm run build first')
      }
      const meta = /http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(read(file))
      expect(meta, 'meta CSP present').not.toBeNull()
      expect(cspProblems(meta?.[1] ?? '')).toEqual([])
    },
  )
})

describe('check 3: HTML sinks live only in renderer/src/safe-html/', () => {
  it('no other renderer file uses an HTML or code sink', () => {
    const sinks =
      /dangerouslySetInnerHTML|\.innerHTML\s*=|\.outerHTML\s*=|insertAdjacentHTML|srcdoc|document\.write|\beval\(|new Function\(/
    const offenders = sourceFiles('src/renderer/src')
      .filter((file) => !file.startsWith(join('src', 'renderer', 'src', 'safe-html')))
      .filter((file) => sinks.test(code(file)))
    expect(offenders).toEqual([])
  })
})

describe('check 4: openExternal, IPC and the preload surface', () => {
  it('only shell/external-links.ts hands URLs to the OS, and nothing calls openPath', () => {
    const openers = MAIN_AND_PRELOAD.filter((file) => /\.openExternal\(/.test(code(file)))
    expect(openers).toEqual([join('src', 'main', 'shell', 'external-links.ts')])
    expect(code('src/main/shell/external-links.ts')).toMatch(/allowedExternalUrl\(raw\)/)
    expect(MAIN_AND_PRELOAD.filter((file) => /openPath\(/.test(code(file)))).toEqual([])
  })

  it('navigation, new windows, permissions and requests are guarded in the shell', () => {
    expect(INDEX).toMatch(/'will-navigate',\s*\(event\)\s*=>\s*preventNavigation\(/)
    expect(INDEX).toMatch(/'will-frame-navigate'/)
    expect(INDEX).toMatch(/'will-attach-webview',\s*\(event\)\s*=>\s*event\.preventDefault\(\)/)
    expect(INDEX).toMatch(/setWindowOpenHandler\(createWindowOpenHandler\(/)
    expect(INDEX).toMatch(/setPermissionRequestHandler\(permissionRequestHandler\)/)
    expect(INDEX).toMatch(/setPermissionCheckHandler\(permissionCheckHandler\)/)
    expect(INDEX).toMatch(/webRequest\.onBeforeRequest\(requestFilter\)/)
    expect(INDEX).toMatch(/protocol\.handle\(\s*APP_SCHEME,\s*createAppProtocolHandler\(/)
    const nav = code('src/main/shell/navigation.ts')
    expect(nav).toMatch(/return \{ action: 'deny' \}/)
    expect(nav).not.toMatch(/action: 'allow'/)
    expect(code('src/main/shell/permissions.ts')).toMatch(
      /ALLOWED_PERMISSIONS = new Set\(\['clipboard-sanitized-write'\]\)/,
    )
  })

  it('never loads files or remote pages into a window', () => {
    expect(INDEX).not.toMatch(/loadFile\(|file:\/\/|https?:\/\//)
    expect([...INDEX.matchAll(/loadURL\(([^)]*)\)/g)].map((m) => m[1])).toEqual(['APP_ENTRY_URL'])
  })

  it('every ipcMain handler validates its sender; no fire-and-forget channels', () => {
    const handles = [...INDEX.matchAll(/ipcMain\.handle\(([^,]+),\s*([^)]*)/g)]
    expect(handles.length).toBeGreaterThan(0)
    for (const handle of handles) expect(handle[2]).toMatch(/^guardIpc\(/)
    expect(
      MAIN_AND_PRELOAD.filter((file) => /ipcMain\.on\(|ipcMain\.once\(/.test(code(file))),
    ).toEqual([])
  })

  it('the preload exposes exactly api and shell, never ipcRenderer or a caller-chosen channel', () => {
    const exposed = [...PRELOAD.matchAll(/exposeInMainWorld\(([^)]*)\)/g)].map((m) => m[1])
    expect(exposed).toEqual(["'api', api", "'shell', shell"])
    for (const call of PRELOAD.matchAll(/ipcRenderer\.(\w+)\(\s*([^,)]*)/g))
      expect(call[2], `ipcRenderer.${call[1]}`).toMatch(/^IPC\.\w+$/)
    const body = PRELOAD.replace(/^import .*$/gm, '')
    expect(body).not.toMatch(/ipcRenderer\s*[,})\]]/) // never passed, returned or spread as a value
    expect(PRELOAD).toMatch(/satisfies ApiTransport/)
    expect(PRELOAD).toMatch(/satisfies Shell/)
  })

  it('the built preload requires only electron and exposes the same two names', () => {
    const file = join(ROOT, 'out/preload/index.js')
    expect(existsSync(file), 'out/preload/index.js is missing: run npm run build first').toBe(true)
    const bundle = readFileSync(file, 'utf8')
    const required = [...bundle.matchAll(/require\(["']([^"']+)["']\)/g)].map((m) => m[1])
    expect([...new Set(required)]).toEqual(['electron'])
    const exposed = [...bundle.matchAll(/exposeInMainWorld\(\s*["'](\w+)["']/g)].map((m) => m[1])
    expect(exposed).toEqual(['api', 'shell'])
  })

  it('Electron-free shell modules import electron for types only', () => {
    const shellFiles = sourceFiles('src/main/shell')
    for (const file of shellFiles)
      expect(code(file), file).not.toMatch(/import\s+(?!type\b)[^;]*from\s+'electron'/)
    const webHost = join(ROOT, 'out/main/web-host.js')
    if (existsSync(webHost))
      expect(readFileSync(webHost, 'utf8')).not.toMatch(/require\("electron"\)/)
  })
})

describe('check 5: dependency floors and packaging fuses', () => {
  const lock = JSON.parse(read('package-lock.json')) as {
    packages: Record<string, { version: string }>
  }
  const version = (name: string): number[] | null =>
    lock.packages[`node_modules/${name}`]?.version.split('.').map(Number) ?? null
  const below = (v: number[], floor: number[]): boolean => {
    for (let i = 0; i < floor.length; i++) {
      if ((v[i] ?? 0) !== (floor[i] ?? 0)) return (v[i] ?? 0) < (floor[i] ?? 0)
    }
    return false
  }

  it('better-sqlite3 is 12.x on Node 20; no node-expat; fast-xml-parser ≥ 5.5.7 if present', () => {
    expect(version('better-sqlite3')?.[0]).toBe(12)
    expect(Object.keys(lock.packages).some((p) => p.endsWith('node_modules/node-expat'))).toBe(
      false,
    )
    const fxp = version('fast-xml-parser')
    if (fxp) expect(below(fxp, [5, 5, 7])).toBe(false)
  })

  it('every pdf.js getDocument call disables eval while pdfjs-dist is below 5.7.284', () => {
    const pdfjs = version('pdfjs-dist')
    expect(pdfjs).not.toBeNull()
    if (!pdfjs || !below(pdfjs, [5, 7, 284])) return
    const calls = sourceFiles('src/main').flatMap((file) =>
      [...code(file).matchAll(/getDocument\(\{([\s\S]*?)\}\)/g)].map((m) => ({
        file,
        options: m[1] ?? '',
      })),
    )
    // The PDF extractor calls getDocument: a pattern that finds nothing would check nothing.
    expect(calls.map((c) => c.file)).toContain('src/main/importers/extractors/pdf.ts')
    for (const call of calls) {
      expect(call.options, call.file).toMatch(/isEvalSupported:\s*false/)
      expect(call.options, call.file).not.toMatch(/enableScripting:\s*true/)
    }
  })

  it('DOMPurify is never created from a linkedom window', () => {
    const offenders = [...sourceFiles('src/main'), ...sourceFiles('src/renderer/src')].filter(
      (file) => {
        const text = code(file)
        return /linkedom/.test(text) && /DOMPurify|createDOMPurify|from 'dompurify'/.test(text)
      },
    )
    expect(offenders).toEqual([])
  })

  it('electron-builder sets the fuses, ships the staged better-sqlite3 and leaves the web host out', () => {
    const config = parseYaml(read('electron-builder.yml')) as {
      electronFuses: Record<string, boolean>
      extraResources: { from: string; to: string }[]
      files: string[]
      asar: boolean
      npmRebuild: boolean
      linux: { target: string[] }
      mac: { target: string }
      win: { target: string }
    }
    expect(config.electronFuses).toMatchObject({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      enableCookieEncryption: true,
      grantFileProtocolExtraPrivileges: false,
    })
    expect(config.asar).toBe(true)
    expect(config.npmRebuild).toBe(false)
    expect(config.extraResources).toContainEqual({
      from: 'native/electron/better-sqlite3/build/Release/better_sqlite3.node',
      to: 'native/better_sqlite3.node',
    })
    expect(config.files).toContain('!out/main/web-host.js')
    expect(config.linux.target).toEqual(['AppImage', 'deb'])
    expect(config.mac.target).toBe('dmg')
    expect(config.win.target).toBe('nsis')
    expect(existsSync(join(ROOT, 'resources/icon.png'))).toBe(true)
  })
})
