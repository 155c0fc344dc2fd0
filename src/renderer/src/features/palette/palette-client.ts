/**
 * The page side of the palette index: starts the worker, feeds it `palette.entries` page by page (newest documents
 * first, so it answers after the first page while older ones load), then only what changed (`since` the last
 * cursor, for the tables a `library.changed` event names), and answers queries.
 */
import type { LibraryTable, PaletteEntries, PalettePart } from '@shared/contract'
import { getApi } from '../../api/client'
import { appStore } from '../../state/app-state'
import { createAnswerChannel, readAnswer } from './answer-channel'
import workerUrl from './palette.worker?worker&url'
import type { PaletteHit } from './palette-index'
import type { FromPaletteWorker, ToPaletteWorker } from './palette-protocol'

type ScriptUrlPolicy = { createScriptURL(input: string): string }
type TrustedTypesGlobal = {
  createPolicy(name: string, rules: { createScriptURL(input: string): string }): ScriptUrlPolicy
}

const RECENT_KEY = 'lectern.recentDocuments'
const RECENT_MAX = 20
/** Documents per page of the first load: small enough that a keystroke never waits long behind a page. */
const PAGE = 5000
/**
 * The first page is smaller: the palette answers ("ready") once it is indexed, and the FTS search fills in beside
 * it until every page is in. With the index started before React's first render (main.tsx), at 100,000 documents
 * ready from the index start went 1,869 → 790 ms and from navigation 2,300 → 1,218 ms (medians, same run, a
 * machine at load ~12 on 2 cores: absolute figures are several times a quiet machine's; scripts/bench/ui.ts).
 */
const FIRST_PAGE = 1000
/**
 * How long a keystroke may wait for the worker's answer in the input handler (answer-channel.ts). The query takes
 * ~1 ms (p95 ~5 ms on a busy machine); an answer later than this would miss the frame anyway, so the message
 * brings it instead.
 */
const WAIT_BUDGET_MS = 8

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

type Pending = { resolve: (hits: PaletteHit[] | null) => void }
type Query = { seq: number; query: string; limit: number }

class PaletteClient {
  private worker: Worker | null = null
  private cursor: string | null = null
  private ready = false
  private complete = false
  /** Where an unfinished first load goes on (`before` of its next page), else null. */
  private resumeBefore: number | null = null
  private seq = 0
  /** Shared memory the worker also answers into, when the page is cross-origin isolated. */
  private channel: SharedArrayBuffer | null = null
  /** Pages posted to the worker and not yet indexed: a search then waits behind them, so none waits in place. */
  private applying = 0
  /** The search `searchSoon` started for the text a key was about to produce. */
  private early: { query: string; limit: number; seq: number } | null = null
  /**
   * A waited-for answer that came too late, until its message arrives: the worker is busy (a long query, its typo
   * index filling after a page), so keystrokes meanwhile do not wait for it again.
   */
  private late: number | null = null
  private pending = new Map<number, Pending>()
  /** The search the worker is answering, and the newest one typed meanwhile (older waiting ones are dropped). */
  private inFlight: number | null = null
  private waiting: Query | null = null
  private recent: number[] | null = null
  private listeners = new Set<() => void>()
  /** When the window asked for the index, and how long until the worker held its first page (ms). */
  readyMs: number | null = null
  private startedAt = 0
  private chain: Promise<void> = Promise.resolve()

  start(): () => void {
    if (this.worker) return () => {}
    this.startedAt = performance.now()
    // Inert marks for the UI benchmark's breakdown of "ready" (list call, worker start, first page indexed).
    performance.mark('palette-start')
    try {
      this.worker = new Worker(trustedWorkerUrl(), { type: 'module', name: 'palette' })
    } catch {
      return () => {} // no worker: the palette falls back to the FTS search
    }
    this.worker.onmessage = (event: MessageEvent<FromPaletteWorker>) => this.receive(event.data)
    this.channel = createAnswerChannel()
    if (this.channel) this.post({ type: 'channel', channel: this.channel })
    this.enqueue(undefined)
    const offChanges = getApi().on('library.changed', ({ tables }) => {
      const parts = [...new Set(tables.flatMap((t) => TABLE_PARTS[t] ?? []))]
      if (parts.length > 0) this.enqueue(parts)
    })
    const offView = appStore.subscribe(() => {
      const { view } = appStore.get()
      if (view.kind === 'reader') this.recent = rememberRecent(view.documentId)
    })
    return () => {
      offChanges()
      offView()
      this.worker?.terminate()
      this.worker = null
      this.ready = false
      this.complete = false
      this.resumeBefore = null
      this.cursor = null
      this.inFlight = null
      this.waiting = null
      this.recent = null
      this.channel = null
      this.applying = 0
      this.early = null
      this.late = null
    }
  }

  isReady(): boolean {
    return this.ready
  }

  /** Whether the worker holds every document (not only the newest pages). */
  isComplete(): boolean {
    return this.complete
  }

  subscribe(listener: () => void): () => void {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }

  /**
   * Ranked hits from the worker, or null when it cannot answer yet (then use the FTS search). The promise gives null
   * when a newer query replaced this one before the worker reached it: only the newest keystroke is answered.
   */
  search(query: string, limit = 30): Promise<PaletteHit[] | null> | null {
    if (!this.ready || !this.worker) return null
    const seq = ++this.seq
    const promise = new Promise<PaletteHit[] | null>((resolve) =>
      this.pending.set(seq, { resolve }),
    )
    if (this.waiting) this.settle(this.waiting.seq, null)
    this.waiting = { seq, query, limit }
    if (this.inFlight === null) this.sendWaiting()
    return promise
  }

  /**
   * The hits for `query` waited for in place (at most WAIT_BUDGET_MS), so the caller can render them in the same
   * frame as the keystroke: `{ hits }`, or `{ later }` when the answer was late (the worker's message settles it).
   * Null when no wait is possible (no shared memory, index incomplete, the worker busy with a page): then use
   * `search`.
   */
  searchNow(
    query: string,
    limit = 30,
  ): { hits: PaletteHit[] } | { later: Promise<PaletteHit[] | null> } | null {
    const channel = this.channel
    const early = this.early
    this.early = null
    if (!channel || !this.canWait()) return null
    // Asked already at keydown for exactly this text: that answer is usually waiting in the channel.
    const seq =
      early?.query === query && early.limit === limit ? early.seq : this.postWaiting(query, limit)
    const hits = readAnswer<PaletteHit[]>(channel, seq, WAIT_BUDGET_MS)
    if (hits === undefined) {
      this.late = seq
      return { later: new Promise((resolve) => this.pending.set(seq, { resolve })) }
    }
    // Answered: the worker is idle again; its message for `seq` finds nothing pending.
    if (this.inFlight === seq) this.inFlight = null
    return { hits }
  }

  /**
   * Start the search for the text a key is about to produce (its keydown, before the browser edits the field and
   * fires input), so the worker answers while the page is busy with the edit; `searchNow` for that text then finds
   * the answer waiting. Nothing happens where `searchNow` could not wait.
   */
  searchSoon(query: string, limit = 30): void {
    if (!this.channel || !this.canWait()) return
    this.early = { query, limit, seq: this.postWaiting(query, limit) }
  }

  /** A search the page waits for in place: the index is whole and no page of it is still being indexed. */
  private canWait(): boolean {
    return this.complete && this.worker !== null && this.applying === 0 && this.late === null
  }

  /** Post a search the worker also answers into the channel; it supersedes any search not yet sent. */
  private postWaiting(query: string, limit: number): number {
    // One the worker is answering finishes first (in order); its message then finds a newer search in flight.
    if (this.waiting) this.settle(this.waiting.seq, null)
    this.waiting = null
    const seq = ++this.seq
    this.recent ??= recentDocuments()
    this.inFlight = seq
    this.post({ type: 'search', seq, query, limit, recent: this.recent, waiting: true })
    return seq
  }

  private sendWaiting(): void {
    const next = this.waiting
    this.waiting = null
    if (!next) return
    this.inFlight = next.seq
    this.recent ??= recentDocuments()
    this.post({ type: 'search', ...next, recent: this.recent })
  }

  private settle(seq: number, hits: PaletteHit[] | null): void {
    this.pending.get(seq)?.resolve(hits)
    this.pending.delete(seq)
  }

  /** Fetches are chained so each `since` uses the cursor of the answer before it. */
  private enqueue(parts: PalettePart[] | undefined): void {
    this.chain = this.chain
      .then(async () => {
        const since = parts ? (this.cursor ?? undefined) : undefined
        if (!since) return this.loadAll()
        // A first load cut short (a dropped request) goes on from its last page before the changes since.
        if (this.resumeBefore !== null) await this.loadPages(this.resumeBefore)
        const entries = await getApi().invoke('palette.entries', { since, parts })
        this.cursor = entries.cursor
        this.post({ type: 'apply', entries, last: true })
      })
      .catch(() => {
        // A failed refresh leaves the older index answering; the next change event tries again.
      })
  }

  /** Everything, page by page; the first page's cursor covers what changes while the later pages load. */
  private async loadAll(): Promise<void> {
    const entries = await getApi().invoke('palette.entries', { limit: FIRST_PAGE })
    performance.mark('palette-first-page')
    this.cursor = entries.cursor
    this.post({ type: 'apply', entries, last: entries.next === undefined })
    if (entries.next !== undefined) await this.loadPages(entries.next)
  }

  /** The pages of documents with ids below `before`; remembers where to resume if one fails. */
  private async loadPages(before: number): Promise<void> {
    let next: number | undefined = before
    while (next !== undefined) {
      this.resumeBefore = next
      const entries: PaletteEntries = await getApi().invoke('palette.entries', {
        limit: PAGE,
        before: next,
      })
      next = entries.next
      this.post({ type: 'apply', entries, last: next === undefined })
    }
    this.resumeBefore = null
  }

  private post(message: ToPaletteWorker): void {
    if (!this.worker) return
    if (message.type === 'apply') this.applying++
    this.worker.postMessage(message)
  }

  private receive(message: FromPaletteWorker): void {
    if (message.type === 'applied' || (message.type === 'error' && message.of === 'apply'))
      this.applying = Math.max(0, this.applying - 1)
    if (message.type === 'applied' && (!this.ready || (message.last && !this.complete))) {
      const ms = (performance.now() - this.startedAt).toFixed(0)
      // Visible, inert signals for tests and the UI benchmark (`npm run bench -- ui`).
      if (!this.ready) {
        this.ready = true
        this.readyMs = performance.now() - this.startedAt
        document.documentElement.dataset.paletteReady = ms
        performance.mark('palette-ready', { detail: { applyMs: message.ms } })
      }
      if (message.last) {
        this.complete = true
        document.documentElement.dataset.paletteComplete = ms
      }
      for (const listener of this.listeners) listener()
    } else if (message.type === 'results') {
      if (this.late !== null && message.seq >= this.late) this.late = null
      this.settle(message.seq, message.hits)
      // An answer already read from the answer channel leaves a newer search in flight: not this one's to end.
      if (message.seq !== this.inFlight) return
      this.inFlight = null
      this.sendWaiting()
    } else if (message.type === 'error') {
      this.inFlight = null
      this.waiting = null
      this.late = null
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

/** Put `id` first in the recent list (kept in localStorage); returns the list. */
function rememberRecent(id: number): number[] {
  const list = recentDocuments()
  if (list[0] === id) return list
  const next = [id, ...list.filter((n) => n !== id)].slice(0, RECENT_MAX)
  localStorage.setItem(RECENT_KEY, JSON.stringify(next))
  return next
}

export const paletteClient = new PaletteClient()

/** Start the palette index (once, at start-up). */
export function startPaletteIndex(): () => void {
  return paletteClient.start()
}
