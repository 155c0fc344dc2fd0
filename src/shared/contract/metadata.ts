/**
 * Where each bibliographic field came from. Every field the importer fills carries a provenance; a person's correction
 * is `user` and always wins (kept across re-imports and re-extraction).
 */

/** The fields that carry a provenance. */
export type ProvenanceField =
  | 'title'
  | 'authors'
  | 'publishedAt'
  | 'source'
  | 'publisher'
  | 'language'
  | 'url'
  | 'identifiers'

/**
 * embedded: the file's own metadata (PDF Info/XMP, DOCX core properties, EPUB dc:*, HTML meta tags, front matter);
 * text: read from the document's visible text (title page, byline, e-mail header, "Last updated" line);
 * filename: the file's name; filesystem: the file's times (never a publication date: shown as "file date");
 * detected: inferred by analysis (language detection); guessed: a last resort (first sentence as title);
 * user: a person's correction.
 */
export type FieldOrigin =
  | 'embedded'
  | 'text'
  | 'filename'
  | 'filesystem'
  | 'detected'
  | 'guessed'
  | 'user'

export type FieldProvenance = {
  origin: FieldOrigin
  /** 0–1: how sure the importer is; 1 for a person's correction. */
  confidence: number
  /** Where exactly, for a person: "PDF Info Author", "e-mail Date: header", "first page, largest type". */
  detail?: string
}

export type Provenance = Partial<Record<ProvenanceField, FieldProvenance>>

/** Below this confidence a field is shown as guessed and listed by the check before citing. */
export const GUESSED_BELOW = 0.5

export type IdentifierType = 'doi' | 'isbn' | 'arxiv' | 'issn' | 'url'

export type DocumentIdentifier = { type: IdentifierType; value: string }

/** One reason to look at a document's metadata before citing it. */
export type MetadataProblem = {
  field: 'title' | 'authors' | 'publishedAt'
  kind: 'missing' | 'guessed'
  message: string
}

export type MetadataReview = {
  id: import('./common').DocumentId
  title: string
  problems: MetadataProblem[]
}
