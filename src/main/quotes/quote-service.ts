/** Creating, editing, deleting (with undo) and restoring quotes. Each write runs in one transaction. */
import { randomUUID } from 'node:crypto'
import type { NewQuote, Quote, QuoteColor, QuoteId } from '@shared/contract'
import { DomainError, invalidArgs, notFound } from '../core/errors'
import type { Db } from '../db/connection'
import { getQuote, type QuoteRow } from './quote-rows'
import { ensureTags, setQuoteTags } from './quote-tags'
import {
  nearest,
  occurrences,
  pageAt,
  paragraphAt,
  quoteSelector,
  whitespaceTolerantMatches,
} from './text-anchor'

type DocumentText = { id: number; title: string; text: string; page_starts: string | null }

function loadDocument(db: Db, id: number): DocumentText {
  const row = db
    .prepare('SELECT id, title, text, page_starts FROM documents WHERE id = ?')
    .get(id) as DocumentText | undefined
  if (!row) throw notFound('document', id)
  return row
}

function parsePageStarts(value: string | null): number[] | null {
  if (value === null) return null
  try {
    const parsed: unknown = JSON.parse(value)
    return Array.isArray(parsed) && parsed.every((n) => typeof n === 'number') ? parsed : null
  } catch {
    return null
  }
}

const shorten = (s: string, max = 80): string => (s.length > max ? `${s.slice(0, max - 1)}…` : s)

/** Offsets of the new quote: from the passage (exact, else whitespace-tolerant; nearest `start`) or the offsets. */
function resolveRange(doc: DocumentText, args: NewQuote): [number, number] {
  const text = doc.text
  if (args.text !== undefined) {
    const passage = args.text.trim()
    if (passage.length === 0) throw invalidArgs('The passage to quote is empty.')
    const hint = args.start ?? null
    const exact = nearest(occurrences(text, passage), hint)
    if (exact !== undefined) return [exact, exact + passage.length]
    const loose = whitespaceTolerantMatches(text, passage)
    const pick = nearest(
      loose.map(([s]) => s),
      hint,
    )
    const range = loose.find(([s]) => s === pick)
    if (range) return range
    throw invalidArgs(`That passage does not occur in “${shorten(doc.title)}”.`)
  }
  if (args.start === undefined || args.end === undefined) {
    throw invalidArgs('Give either the passage text or both start and end offsets.')
  }
  if (args.start >= args.end) throw invalidArgs('The quote must end after it starts.')
  if (args.end > text.length) {
    throw invalidArgs(
      `The offsets ${args.start}–${args.end} lie outside “${shorten(doc.title)}” (${text.length} characters).`,
    )
  }
  if (text.slice(args.start, args.end).trim().length === 0) {
    throw invalidArgs('The selected range holds only whitespace.')
  }
  return [args.start, args.end]
}

/** Create a quote from an exact passage or from offsets. */
export function createQuote(db: Db, args: NewQuote): Quote {
  const id = db
    .transaction(() => {
      const doc = loadDocument(db, args.documentId)
      const [start, end] = resolveRange(doc, args)
      const selector = quoteSelector(doc.text, start, end)
      const now = new Date().toISOString()
      const result = db
        .prepare(
          `INSERT INTO quotes (document_id, exact, prefix, suffix, start_offset, end_offset, page, paragraph,
                             note, color, placement, created_at, updated_at, rects)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'exact', ?, ?, ?)`,
        )
        .run(
          doc.id,
          selector.exact,
          selector.prefix,
          selector.suffix,
          start,
          end,
          // A selection on the printed page names its page; the text offsets give it otherwise.
          args.rects?.[0]?.page ?? pageAt(parsePageStarts(doc.page_starts), start),
          paragraphAt(doc.text, start),
          args.note ?? '',
          args.color ?? 'yellow',
          now,
          now,
          args.rects && args.rects.length > 0 ? JSON.stringify(args.rects) : null,
        )
      const quoteId = Number(result.lastInsertRowid)
      if (args.tags && args.tags.length > 0) setQuoteTags(db, quoteId, args.tags)
      return quoteId
    })
    .immediate()
  return getQuote(db, id)
}

export type QuotePatch = { id: QuoteId; note?: string; color?: QuoteColor; tags?: string[] }

/** Change note, colour and/or tags (the tag list replaces the old one). */
export function updateQuote(db: Db, patch: QuotePatch): Quote {
  db.transaction(() => {
    const exists = db.prepare('SELECT 1 FROM quotes WHERE id = ?').get(patch.id)
    if (!exists) throw notFound('quote', patch.id)
    const now = new Date().toISOString()
    if (patch.note !== undefined) {
      db.prepare('UPDATE quotes SET note = ?, updated_at = ? WHERE id = ?').run(
        patch.note,
        now,
        patch.id,
      )
    }
    if (patch.color !== undefined) {
      db.prepare('UPDATE quotes SET color = ?, updated_at = ? WHERE id = ?').run(
        patch.color,
        now,
        patch.id,
      )
    }
    if (patch.tags !== undefined) {
      setQuoteTags(db, patch.id, patch.tags)
      db.prepare('UPDATE quotes SET updated_at = ? WHERE id = ?').run(now, patch.id)
    }
  }).immediate()
  return getQuote(db, patch.id)
}

/** What the trash keeps for a quote delete: the rows, and the tags by name (a tag may be gone by the undo). */
type QuoteTrash = {
  quotes: QuoteRow[]
  tags: { quoteId: number; name: string; color: string | null }[]
}

/** Delete quotes; their rows go to the trash so the returned token can undo it. */
export function deleteQuotes(
  db: Db,
  ids: readonly QuoteId[],
): { deleted: number; undoToken: string } {
  return db
    .transaction(() => {
      const idsJson = JSON.stringify([...new Set(ids)])
      const quotes = db
        .prepare('SELECT * FROM quotes WHERE id IN (SELECT value FROM json_each(?)) ORDER BY id')
        .all(idsJson) as QuoteRow[]
      if (quotes.length === 0) throw notFound('quote', ids.join(', '))
      const tags = db
        .prepare(
          `SELECT qt.quote_id AS quoteId, t.name, t.color FROM quote_tags qt JOIN tags t ON t.id = qt.tag_id
          WHERE qt.quote_id IN (SELECT value FROM json_each(?))`,
        )
        .all(idsJson) as QuoteTrash['tags']
      const token = randomUUID()
      const payload: QuoteTrash = { quotes, tags }
      db.prepare(
        "INSERT INTO trash (token, kind, payload, deleted_at) VALUES (?, 'quotes', ?, ?)",
      ).run(token, JSON.stringify(payload), new Date().toISOString())
      const result = db
        .prepare('DELETE FROM quotes WHERE id IN (SELECT value FROM json_each(?))')
        .run(idsJson)
      return { deleted: result.changes, undoToken: token }
    })
    .immediate()
}

/**
 * Undo a delete: the quotes come back with their ids (a new id only if the old one was taken meanwhile), tags
 * re-created by name when needed. Quotes whose document has been deleted since cannot come back and are skipped.
 */
export function restoreQuotes(db: Db, undoToken: string): { restored: number; ids: QuoteId[] } {
  return db
    .transaction(() => {
      const row = db
        .prepare("SELECT payload FROM trash WHERE token = ? AND kind = 'quotes'")
        .get(undoToken) as { payload: string } | undefined
      if (!row) {
        throw new DomainError(
          'not_found',
          'Nothing to undo for that token: the delete was already undone or the token is unknown.',
        )
      }
      const payload = JSON.parse(row.payload) as QuoteTrash
      const docExists = db.prepare('SELECT 1 FROM documents WHERE id = ?')
      const idTaken = db.prepare('SELECT 1 FROM quotes WHERE id = ?')
      const insert = db.prepare(
        `INSERT INTO quotes (id, document_id, exact, prefix, suffix, start_offset, end_offset, page, paragraph,
                           note, color, placement, current_text, created_at, updated_at, rects)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      const link = db.prepare('INSERT OR IGNORE INTO quote_tags (quote_id, tag_id) VALUES (?, ?)')
      const restoredIds: QuoteId[] = []
      for (const q of payload.quotes) {
        if (!docExists.get(q.document_id)) continue
        const id = idTaken.get(q.id) ? null : q.id
        const result = insert.run(
          id,
          q.document_id,
          q.exact,
          q.prefix,
          q.suffix,
          q.start_offset,
          q.end_offset,
          q.page,
          q.paragraph,
          q.note,
          q.color,
          q.placement,
          q.current_text ?? null,
          q.created_at,
          q.updated_at,
          q.rects ?? null,
        )
        const newId = Number(result.lastInsertRowid)
        restoredIds.push(newId as QuoteId)
        const names = payload.tags.filter((t) => t.quoteId === q.id).map((t) => t.name)
        for (const tagId of ensureTags(db, names)) link.run(newId, tagId)
      }
      db.prepare('DELETE FROM trash WHERE token = ?').run(undoToken)
      return { restored: restoredIds.length, ids: restoredIds }
    })
    .immediate()
}
