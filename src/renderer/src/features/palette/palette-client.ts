/**
 * The page side of the palette index: starts the worker, feeds it `palette.entries` once, then only what changed
 * (`since` the last cursor, for the tables a `library.changed` event names), and answers queries.
 */
import type { LibraryTable, PalettePart } from '@shared/contract'
import { getApi } from '../../api/client'
import { appStore } from '../../state/app-state'
import workerUrl from './palette.worker?worker&url'
import type { PaletteHit } from './palette-index'
import type { FromPaletteWorker, ToPaletteWorker } from './palette-protocol'

type ScriptUrlPolicy = { createScriptURL(input: string): string }
type TrustedTypesGlobal = {
  createPolicy(name: string, rules: { createScriptURL(input: string): string }): ScriptUrlPolicy
}

const RECENT_KEY = 'lectern.recentDocuments'
const RECENT_MAX = 20

/** Trusted Types guard every script URL; this policy admits only the bundled worker's own URL. */
function trustedWorkerUrl(): string {
  const tt = (globalThis as unknown as { trustedTypes?: TrustedTypesGlobal }).trustedTypes
  if (!tt) return workerUrl
  const policy = tt.createPolicy('lectern-worker', {
    createScriptURL: (input) => {
      if (input !== workerUrl) throw new Error('Only the palette worker may be loaded.')
      return input
    },
  })
  return policy.createScriptURL(workerUrl)
}

const TABLE_PARTS: Record<LibraryTable, PalettePart[]> = {
  // Deleting a document deletes its quotes too.
  documents: ['documents', 'quotes'],
  quotes: ['quotes'],
  tags: ['tags'],
  searches: ['searches'],
  comparisons: ['comparisons'],
}

type Pending = { resolve: (hits: PaletteHit[]) => void }

class PaletteClient {
  private worker: Worker | null = null
  private cursor: string | null = null
  private ready = false
  private seq = 0
  private pending = new Map<number, Pending>()
  private listeners = new Set<() => void>()
  /** When the window asked for the index, and how long until the worker held it (ms). */
  readyMs: number | null = null
  private startedAt = 0
  private chain: Promise<void> = Promise.resolve()

  start(): () => void {
    if (this.worker) return () => {}
    this.startedAt = performance.now()
    try {
      this.worker = new Worker(trustedWorkerUrl(), { type: 'module', name: 'palette' })
    } catch {
      return () => {} // no worker: the palette falls back to the FTS search
    }
    this.worker.onmessage = (event: MessageEvent<FromPaletteWorker>) => this.receive(event.data)
    this.enqueue(undefined)
    const offChanges = getApi().on('library.changed', ({ tables }) => {
      const parts = [...new Set(tables.flatMap((t) => TABLE_PARTS[t] ?? []))]
      if (parts.length > 0) this.enqueue(parts)
    })
    const offView = appStore.subscribe(() => {
      const { view } = appStore.get()
      if (view.kind === 'reader') rememberRecent(view.documentId)
    })
    return () => {
      offChanges()
      offView()
      this.worker?.terminate()
      this.worker = null
      this.ready = false
      this.cursor = null
    }
  }

  isReady(): boolean {
    return this.ready
  }

  subscribe(listener: () => void): () => void {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }

  /** Ranked hits from the worker, or null when it cannot answer yet (then use the FTS search). */
  search(query: string, limit = 30): Promise<PaletteHit[]> | null {
    if (!this.ready || !this.worker) return null
    const seq = ++this.seq
    const promise = new Promise<PaletteHit[]>((resolve) => this.pending.set(seq, { resolve }))
    this.post({ type: 'search', seq, query, recent: recentDocuments(), limit })
    return promise
  }

  /** Fetches are chained so each `since` uses the cursor of the answer before it. */
  private enqueue(parts: PalettePart[] | undefined): void {
    this.chain = this.chain
      .then(async () => {
        const since = parts ? (this.cursor ?? undefined) : undefined
        const entries = await getApi().invoke('palette.entries', {
          ...(since ? { since } : {}),
          ...(parts && since ? { parts } : {}),
        })
        this.cursor = entries.cursor
        this.post({ type: 'apply', entries })
      })
      .catch(() => {
        // A failed refresh leaves the older index answering; the next change event tries again.
      })
  }

  private post(message: ToPaletteWorker): void {
    this.worker?.postMessage(message)
  }

  private receive(message: FromPaletteWorker): void {
    if (message.type === 'applied' && !this.ready) {
      this.ready = true
      this.readyMs = performance.now() - this.startedAt
      // A visible, inert signal for tests and the UI benchmark (`npm run bench -- ui`).
      document.documentElement.dataset.paletteReady = this.readyMs.toFixed(0)
      for (const listener of this.listeners) listener()
    } else if (message.type === 'results') {
      this.pending.get(message.seq)?.resolve(message.hits)
      this.pending.delete(message.seq)
    } else if (message.type === 'error') {
      for (const [seq, p] of this.pending) {
        p.resolve([])
        this.pending.delete(seq)
      }
    }
  }
}

function recentDocuments(): number[] {
  try {
    const parsed: unknown = JSON.parse(localStorage.getItem(RECENT_KEY) ?? '[]')
    return Array.isArray(parsed) ? parsed.filter((n): n is number => Number.isInteger(n)) : []
  } catch {
    return []
  }
}

function rememberRecent(id: number): void {
  const list = recentDocuments()
  if (list[0] === id) return
  localStorage.setItem(
    RECENT_KEY,
    JSON.stringify([id, ...list.filter((n) => n !== id)].slice(0, RECENT_MAX)),
  )
}

export const paletteClient = new PaletteClient()

/** Start the palette index (once, at start-up). */
export function startPaletteIndex(): () => void {
  return paletteClient.start()
}
