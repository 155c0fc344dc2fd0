/** Creating, editing, deleting (with undo) and restoring quotes. Each write runs in one transaction. */
import { randomUUID } from 'node:crypto'
import type { NewQuote, Quote, QuoteColor, QuoteId } from '@shared/contract'
import { DomainError, invalidArgs, notFound } from '../core/errors'
import type { Db } from '../db/connection'
import { documentsRepository } from '../library/documents.repository'
import { getQuote } from './quote-rows'
import { ensureTags, setQuoteTags } from './quote-tags'
import { type QuoteRow, quotesRepository } from './quotes.repository'
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
  const row = documentsRepository.textOf(db, id)
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
      const quoteId = quotesRepository.insert(db, {
        documentId: doc.id,
        exact: selector.exact,
        prefix: selector.prefix,
        suffix: selector.suffix,
        start,
        end,
        // A selection on the printed page names its page; the text offsets give it otherwise.
        page: args.rects?.[0]?.page ?? pageAt(parsePageStarts(doc.page_starts), start),
        paragraph: paragraphAt(doc.text, start),
        note: args.note ?? '',
        color: args.color ?? 'yellow',
        now,
        rects: args.rects && args.rects.length > 0 ? JSON.stringify(args.rects) : null,
      })
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
    if (!quotesRepository.exists(db, patch.id)) throw notFound('quote', patch.id)
    const now = new Date().toISOString()
    if (patch.note !== undefined) quotesRepository.setNote(db, patch.id, patch.note, now)
    if (patch.color !== undefined) quotesRepository.setColor(db, patch.id, patch.color, now)
    if (patch.tags !== undefined) {
      setQuoteTags(db, patch.id, patch.tags)
      quotesRepository.touch(db, patch.id, now)
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
      const unique = [...new Set(ids)]
      const quotes = quotesRepository.rowsByIds(db, unique)
      if (quotes.length === 0) throw notFound('quote', ids.join(', '))
      const tags = quotesRepository.tagNames(db, unique)
      const token = randomUUID()
      const payload: QuoteTrash = { quotes, tags }
      quotesRepository.trash(db, token, JSON.stringify(payload), new Date().toISOString())
      const deleted = quotesRepository.deleteMany(db, unique)
      return { deleted, undoToken: token }
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
      const stored = quotesRepository.trashed(db, undoToken)
      if (stored === undefined) {
        throw new DomainError(
          'not_found',
          'Nothing to undo for that token: the delete was already undone or the token is unknown.',
        )
      }
      const payload = JSON.parse(stored) as QuoteTrash
      const restoredIds: QuoteId[] = []
      for (const q of payload.quotes) {
        if (documentsRepository.existingIds(db, [q.document_id]).size === 0) continue
        const newId = quotesRepository.reinsert(
          db,
          q,
          quotesRepository.exists(db, q.id) ? null : q.id,
        )
        restoredIds.push(newId as QuoteId)
        const names = payload.tags.filter((t) => t.quoteId === q.id).map((t) => t.name)
        for (const tagId of ensureTags(db, names)) quotesRepository.linkTag(db, newId, tagId)
      }
      quotesRepository.untrash(db, undoToken)
      return { restored: restoredIds.length, ids: restoredIds }
    })
    .immediate()
}
