/**
 * Issue #11 "done when": random interleavings of create/delete/undo of quotes, comparisons and tags across two
 * processes — a desktop-like backend in this process and the `lectern` CLI in child processes running at the same
 * time on the same library — after which every saved comparison and every quote still shows exactly the words and
 * documents it had. A model kept by the test says what each quote and set must show; nothing is hard-coded.
 * Seeded (LECTERN_STRESS_SEED) so a failure can be replayed; LECTERN_STRESS_STEPS sets the length.
 * Needs the build (out/main/cli.js): `npm run test:stress` builds first.
 */
import type { DocumentId, QuoteId } from '@shared/contract'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { call } from '../../src/main/api/dispatch'
import { seedGoldenLibrary } from '../golden/corpus'
import { type CliResult, ensureBuilt, runCli } from '../integration/cli/run-cli'
import { tempBackend } from '../support/temp-library'

const SEED = Number(process.env.LECTERN_STRESS_SEED ?? 20261206)
const STEPS = Number(process.env.LECTERN_STRESS_STEPS ?? 120)

/** mulberry32: small, seedable, good enough to pick operations. */
function prng(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

type ModelQuote = { documentId: DocumentId; exact: string; alive: boolean }
type ModelSet = { name: string; slots: QuoteId[] }

let lib: ReturnType<typeof tempBackend>
let docs: { id: DocumentId; text: string }[]

beforeAll(() => {
  ensureBuilt()
  lib = tempBackend({ role: 'desktop' })
  const ids = seedGoldenLibrary(lib.context.db)
  docs = Object.values(ids).map((id) => ({
    id,
    text: (
      lib.context.db.prepare('SELECT text FROM documents WHERE id = ?').get(id) as {
        text: string
      }
    ).text,
  }))
})
afterAll(async () => {
  await lib?.dispose()
})

describe('saved work under interleaved writers (desktop-like backend + CLI)', () => {
  it(`keeps every quote's words and document and every set's quotes (seed ${SEED}, ${STEPS} steps)`, async () => {
    const random = prng(SEED)
    const pick = <T>(items: readonly T[]): T | undefined =>
      items.length ? items[Math.floor(random() * items.length)] : undefined
    const quotes = new Map<QuoteId, ModelQuote>()
    const sets = new Map<number, ModelSet>()
    const undo: { token: string; ids: QuoteId[] }[] = []
    const pending: Promise<void>[] = []
    const counts: Record<string, number> = {}
    const count = (op: string) => {
      counts[op] = (counts[op] ?? 0) + 1
    }

    /** A passage of 3–12 words inside one paragraph of a random document. */
    const passage = (): { documentId: DocumentId; text: string } => {
      for (;;) {
        const doc = pick(docs) as (typeof docs)[number]
        const words = [...doc.text.matchAll(/[^\s]+/g)]
        const first = Math.floor(random() * Math.max(1, words.length - 12))
        const length = 3 + Math.floor(random() * 10)
        const from = words[first]
        const to = words[first + length - 1]
        if (!from || !to) continue
        const text = doc.text.slice(from.index, to.index + to[0].length)
        if (text.includes('\n') || text.startsWith('-')) continue
        return { documentId: doc.id, text }
      }
    }
    const alive = () => [...quotes].filter(([, q]) => q.alive).map(([id]) => id)

    const cli = async (args: string[]): Promise<CliResult> => {
      const result = await runCli([...args, '--library', lib.context.libraryDir, '--json'], {
        timeoutMs: 120_000,
      })
      if (result.code !== 0) throw new Error(`lectern ${args.join(' ')}: ${result.stderr}`)
      return result
    }

    for (let step = 0; step < STEPS; step++) {
      const r = random()
      if (r < 0.2) {
        // The CLI saves a quote while the backend goes on (not awaited: real interleaving).
        const p = passage()
        const tag = pick(['kenya', 'check', 'speech'])
        count('cli quote')
        pending.push(
          cli(['quote', String(p.documentId), '--text', p.text, '--tag', tag as string]).then(
            (out) => {
              const created = JSON.parse(out.stdout) as {
                id: QuoteId
                text?: string
                exact?: string
              }
              quotes.set(created.id, { documentId: p.documentId, exact: p.text, alive: true })
            },
          ),
        )
      } else if (r < 0.3) {
        const doc = pick(docs) as (typeof docs)[number]
        const name = pick(['kenya', 'check', 'speech', 'later']) as string
        count('cli tag')
        pending.push(cli([random() < 0.7 ? 'tag' : 'untag', String(doc.id), name]).then(() => {}))
      } else if (r < 0.5) {
        const p = passage()
        count('quote')
        const q = await call(lib.context, 'quotes.create', {
          documentId: p.documentId,
          text: p.text,
          tags: random() < 0.5 ? ['speech'] : [],
        })
        quotes.set(q.id, { documentId: p.documentId, exact: p.text, alive: true })
      } else if (r < 0.62) {
        const victims = alive()
          .filter(() => random() < 0.3)
          .slice(0, 3)
        if (victims.length === 0) continue
        count('delete quotes')
        const { undoToken } = await call(lib.context, 'quotes.delete', { ids: victims })
        for (const id of victims) (quotes.get(id) as ModelQuote).alive = false
        undo.push({ token: undoToken, ids: victims })
      } else if (r < 0.7) {
        const entry = undo.splice(Math.floor(random() * undo.length), 1)[0]
        if (!entry) continue
        count('undo')
        await call(lib.context, 'quotes.restore', { undoToken: entry.token })
        for (const id of entry.ids) (quotes.get(id) as ModelQuote).alive = true
      } else if (r < 0.82) {
        const ids = [...new Set(alive().filter(() => random() < 0.4))].slice(0, 4)
        if (ids.length < 2) continue
        count('save set')
        const existing = random() < 0.3 ? pick([...sets.keys()]) : undefined
        const name = `set ${step}`
        const set = await call(lib.context, 'comparisons.save', {
          ...(existing !== undefined ? { id: existing } : {}),
          name,
          quoteIds: ids,
        })
        sets.set(set.id, { name, slots: ids })
      } else if (r < 0.86) {
        const id = pick([...sets.keys()])
        if (id === undefined) continue
        count('delete set')
        await call(lib.context, 'comparisons.delete', { id })
        sets.delete(id)
      } else if (r < 0.93) {
        const doc = pick(docs) as (typeof docs)[number]
        count('tag')
        await call(lib.context, 'tags.addToDocuments', {
          documentIds: [doc.id],
          names: [pick(['kenya', 'check', 'later']) as string],
        })
      } else {
        const tags = await call(lib.context, 'tags.list', {})
        const tag = pick(tags)
        if (!tag) continue
        count('delete tag')
        await call(lib.context, 'tags.delete', { id: tag.id })
      }
      if (pending.length >= 3) await Promise.all(pending.splice(0))
    }
    await Promise.all(pending.splice(0))
    process.stdout.write(`[saved-work stress] operations: ${JSON.stringify(counts)}\n`)

    // Every quote: the same words on the same document, or gone exactly when the model says so.
    const listed = await call(lib.context, 'quotes.list', { limit: 10_000 })
    const byId = new Map(listed.quotes.map((q) => [q.id, q]))
    for (const [id, model] of quotes) {
      const found = byId.get(id)
      if (!model.alive) {
        expect(found, `quote ${id} was deleted`).toBeUndefined()
        continue
      }
      expect(found?.exact, `quote ${id}`).toBe(model.exact)
      expect(found?.documentId, `quote ${id}`).toBe(model.documentId)
      const doc = docs.find((d) => d.id === model.documentId) as (typeof docs)[number]
      expect(doc.text.slice(found?.start ?? -1, found?.end ?? -1), `quote ${id} offsets`).toBe(
        model.exact,
      )
    }
    expect(listed.total).toBe(alive().length)

    // Every set: its quotes in order, deleted ones reported as missing, never replaced by another passage.
    const saved = await call(lib.context, 'comparisons.list', {})
    expect(saved.map((s) => s.id).sort()).toEqual([...sets.keys()].sort())
    for (const set of saved) {
      const model = sets.get(set.id) as ModelSet
      expect(set.name).toBe(model.name)
      expect(set.quoteIds).toEqual(model.slots.filter((id) => quotes.get(id)?.alive))
      expect(set.missingQuoteIds).toEqual(model.slots.filter((id) => !quotes.get(id)?.alive))
    }

    // The CLI (another process) sees the same words, and exports a set's quotes as they were saved.
    const fromCli = JSON.parse((await cli(['quotes'])).stdout) as {
      quotes: { id: QuoteId; text?: string; exact?: string; documentId: DocumentId }[]
    }
    for (const q of fromCli.quotes) {
      const model = quotes.get(q.id)
      expect(model?.alive, `CLI quote ${q.id}`).toBe(true)
      expect(q.text ?? q.exact).toBe(model?.exact)
      expect(q.documentId).toBe(model?.documentId)
    }
    const withQuotes = saved.find((s) => s.quoteIds.length > 0)
    if (withQuotes) {
      const exported = (
        await cli(['export', '--comparison', String(withQuotes.id), '--format', 'json'])
      ).stdout
      for (const id of withQuotes.quoteIds)
        expect(exported).toContain(JSON.stringify(quotes.get(id)?.exact).slice(1, -1))
    }
    expect((await call(lib.context, 'library.check', {})).ok).toBe(true)
    expect(Object.keys(counts).length).toBeGreaterThanOrEqual(6) // the run really interleaved many kinds
  })
})
