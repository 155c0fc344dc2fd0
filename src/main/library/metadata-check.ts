/**
 * The check before citing: documents whose title, authors or date are missing, or were guessed (low confidence,
 * a first sentence, a file name). Read from the stored provenance; a person's correction is never a problem.
 */
import {
  type DocumentId,
  GUESSED_BELOW,
  type MetadataProblem,
  type MetadataReview,
  type Provenance,
} from '@shared/contract'
import type { Db } from '../db/connection'
import { documentsRepository, type MetadataReviewRow } from './documents.repository'

type Row = MetadataReviewRow

const FIELDS = [
  ['title', 'title'],
  ['authors', 'authors'],
  ['publishedAt', 'date'],
] as const

export function reviewRow(row: Row): MetadataReview | null {
  let provenance: Provenance = {}
  try {
    provenance = (row.provenance ? JSON.parse(row.provenance) : {}) as Provenance
  } catch {}
  const problems: MetadataProblem[] = []
  const empty = {
    title: !row.title.trim(),
    authors: row.authors === '[]' || !row.authors,
    publishedAt: row.published_at === null,
  }
  for (const [field, label] of FIELDS) {
    const p = provenance[field]
    if (p?.origin === 'user') continue
    if (empty[field]) problems.push({ field, kind: 'missing', message: `no ${label}` })
    else if (
      p &&
      (p.confidence < GUESSED_BELOW || p.origin === 'guessed' || p.origin === 'filename')
    )
      problems.push({
        field,
        kind: 'guessed',
        message: `${label} guessed (${p.detail ?? p.origin}, confidence ${p.confidence})`,
      })
  }
  return problems.length > 0 ? { id: row.id as DocumentId, title: row.title, problems } : null
}

/** Documents (all, or these) whose metadata should be checked before citing, oldest first. */
export function reviewMetadata(db: Db, ids?: readonly DocumentId[]): MetadataReview[] {
  const rows = documentsRepository.reviewRows(db, ids)
  return rows.map(reviewRow).filter((r): r is MetadataReview => r !== null)
}
