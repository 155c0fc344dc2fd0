/**
 * The layer rule (docs/ARCHITECTURE.md): every import in src/ runs down, never up, never in a circle, and only the
 * Electron shell and the preload import `electron`. Regex over import lines is enough: our code only imports with
 * static `import … from '…'`, `export … from '…'` and `import('…')`, relative or through `@shared/`.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs'
import { dirname, join, relative, resolve } from 'node:path'
import { describe, expect, it } from 'vitest'

const ROOT = resolve(import.meta.dirname, '../../..')
const SRC = join(ROOT, 'src')

/** Domains may use each other only along these edges (a DAG: export → compare → citations, …). */
const DOMAIN_DEPS: Record<string, readonly string[]> = {
  citations: [],
  library: [],
  search: [],
  palette: [],
  quotes: ['library'],
  compare: ['citations', 'quotes'],
  importers: ['quotes', 'library'],
  originals: ['importers', 'quotes', 'library'],
  export: ['citations', 'compare', 'quotes', 'library'],
}
const DOMAINS = Object.keys(DOMAIN_DEPS).map((d) => `domain:${d}`)
const BASE = ['shared', 'platform', 'text', 'core', 'db'] as const

/** What each layer may import (besides itself). */
const ALLOWED: Record<string, readonly string[]> = {
  shared: [],
  types: [],
  platform: ['shared'],
  // Folding and word segmentation (the FTS index's rules): pure text, used by db (the index's SQL function) and up.
  text: ['shared'],
  http: ['shared'],
  core: ['shared', 'platform'],
  db: ['shared', 'platform', 'text', 'core'],
  ...Object.fromEntries(
    Object.entries(DOMAIN_DEPS).map(([d, deps]) => [
      `domain:${d}`,
      [...BASE, ...deps.map((x) => `domain:${x}`)],
    ]),
  ),
  api: [...BASE, ...DOMAINS],
  compose: [...BASE, ...DOMAINS, 'api'],
  web: [...BASE, ...DOMAINS, 'api', 'compose', 'http'],
  cli: [...BASE, ...DOMAINS, 'api', 'compose', 'web'],
  shell: [...BASE, 'api', 'compose', 'http'],
  preload: ['shared'],
  renderer: ['shared'],
}
/** The only layers that may import `electron`. */
const ELECTRON_LAYERS = new Set(['shell', 'preload'])

function layerOf(file: string): string {
  const rel = relative(SRC, file).split('\\').join('/')
  const [top, second] = rel.split('/')
  if (top === 'shared' || top === 'renderer' || top === 'preload' || top === 'types') return top
  if (top !== 'main' || second === undefined) return `unknown:${rel}`
  if (second === 'index.ts' || second === 'shell') return 'shell'
  if (`domain:${second}` in ALLOWED) return `domain:${second}`
  if (second in ALLOWED) return second
  return `unknown:${rel}`
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name)
    if (statSync(path).isDirectory()) return sourceFiles(path)
    return /\.(ts|tsx)$/.test(name) ? [path] : []
  })
}

const IMPORT =
  /(?:^|\n)\s*(?:import|export)\s[^'"]*?from\s+['"]([^'"]+)['"]|\bimport\(\s*['"]([^'"]+)['"]\s*\)/g

function resolveImport(from: string, spec: string): string | null {
  const base = spec.startsWith('@shared/')
    ? join(SRC, 'shared', spec.slice('@shared/'.length))
    : spec.startsWith('@renderer/')
      ? join(SRC, 'renderer/src', spec.slice('@renderer/'.length))
      : spec.startsWith('.')
        ? resolve(dirname(from), spec)
        : null
  if (base === null) return null
  for (const candidate of [base, `${base}.ts`, `${base}.tsx`, join(base, 'index.ts')]) {
    if (existsSync(candidate) && statSync(candidate).isFile()) return candidate
  }
  return base // a non-code asset (json, css): still classified by its folder
}

type Edge = { from: string; to: string; spec: string }

function importsOf(files: string[]): { edges: Edge[]; electron: Edge[] } {
  const edges: Edge[] = []
  const electron: Edge[] = []
  for (const from of files) {
    for (const m of readFileSync(from, 'utf8').matchAll(IMPORT)) {
      const spec = m[1] ?? m[2] ?? ''
      if (spec === 'electron' || spec.startsWith('electron/')) {
        electron.push({ from, to: 'electron', spec })
        continue
      }
      const to = resolveImport(from, spec)
      if (to) edges.push({ from, to, spec })
    }
  }
  return { edges, electron }
}

/** Human-readable breaches of the layer table, one line per import. */
function layerViolations(edges: Edge[], electron: Edge[]): string[] {
  const rel = (f: string) => relative(ROOT, f)
  const out: string[] = []
  for (const e of edges) {
    const a = layerOf(e.from)
    const b = layerOf(e.to)
    if (a === b) continue
    if (a.startsWith('unknown:') || !(ALLOWED[a] ?? []).includes(b)) {
      out.push(`${rel(e.from)} imports '${e.spec}': layer ${a} may not import ${b}`)
    }
  }
  for (const e of electron) {
    const a = layerOf(e.from)
    if (!ELECTRON_LAYERS.has(a))
      out.push(`${rel(e.from)} imports 'electron': layer ${a} must stay Electron-free`)
  }
  return out
}

/** Import circles between files (Tarjan's strongly connected components of size > 1, or a self-import). */
function importCycles(edges: Edge[]): string[][] {
  const next = new Map<string, Set<string>>()
  for (const e of edges) {
    if (!next.has(e.from)) next.set(e.from, new Set())
    next.get(e.from)?.add(e.to)
  }
  let index = 0
  const indices = new Map<string, number>()
  const low = new Map<string, number>()
  const stack: string[] = []
  const onStack = new Set<string>()
  const cycles: string[][] = []
  const visit = (v: string): void => {
    indices.set(v, index)
    low.set(v, index)
    index++
    stack.push(v)
    onStack.add(v)
    for (const w of next.get(v) ?? []) {
      if (!indices.has(w)) {
        visit(w)
        low.set(v, Math.min(low.get(v) ?? 0, low.get(w) ?? 0))
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v) ?? 0, indices.get(w) ?? 0))
    }
    if (low.get(v) === indices.get(v)) {
      const component: string[] = []
      let w: string | undefined
      do {
        w = stack.pop()
        if (w === undefined) break
        onStack.delete(w)
        component.push(relative(ROOT, w))
      } while (w !== v)
      if (component.length > 1 || next.get(v)?.has(v)) cycles.push(component.sort())
    }
  }
  for (const v of next.keys()) if (!indices.has(v)) visit(v)
  return cycles
}

/** Folder-level circles (`db/connection` ↔ `db/migrate` is a file circle; `api` ↔ `compose` a layer circle). */
function layerCycles(edges: Edge[]): string[][] {
  const layerEdges = edges
    .map((e) => ({ from: layerOf(e.from), to: layerOf(e.to), spec: e.spec }))
    .filter((e) => e.from !== e.to)
    .map((e) => ({ from: join(ROOT, e.from), to: join(ROOT, e.to), spec: e.spec }))
  return importCycles(layerEdges)
}

describe('layers: imports run down, never up, never in a circle', () => {
  const files = sourceFiles(SRC)
  const { edges, electron } = importsOf(files)

  it('sees the whole source tree', () => {
    expect(files.length).toBeGreaterThan(200)
    expect(edges.length).toBeGreaterThan(500)
    expect(files.map(layerOf).filter((l) => l.startsWith('unknown:'))).toEqual([])
  })

  it('no lower layer imports a higher one, and only the shell and preload import electron', () => {
    expect(layerViolations(edges, electron)).toEqual([])
  })

  it('no import circles between files', () => {
    expect(importCycles(edges)).toEqual([])
  })

  it('no circles between layers', () => {
    expect(layerCycles(edges)).toEqual([])
  })

  it('the checker itself catches an upward import, electron in core, and a circle', () => {
    const at = (p: string) => join(SRC, p)
    const upward = {
      from: at('main/core/errors.ts'),
      to: at('main/api/dispatch.ts'),
      spec: '../api/dispatch',
    }
    const fromDb = {
      from: at('main/db/sql.ts'),
      to: at('main/library/trash.ts'),
      spec: '../library/trash',
    }
    const core = { from: at('main/core/context.ts'), to: 'electron', spec: 'electron' }
    expect(layerViolations([upward, fromDb], [core])).toEqual([
      "src/main/core/errors.ts imports '../api/dispatch': layer core may not import api",
      "src/main/db/sql.ts imports '../library/trash': layer db may not import domain:library",
      "src/main/core/context.ts imports 'electron': layer core must stay Electron-free",
    ])
    const back = {
      from: at('main/api/dispatch.ts'),
      to: at('main/core/errors.ts'),
      spec: '../core/errors',
    }
    expect(importCycles([upward, back])).toEqual([
      ['src/main/api/dispatch.ts', 'src/main/core/errors.ts'],
    ])
  })
})
