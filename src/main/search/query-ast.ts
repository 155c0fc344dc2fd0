/**
 * The parsed form of a search query. Produced by query-parser.ts from any string, consumed by query-compiler.ts
 * (FTS5 MATCH + SQL) and passages.ts (what to mark). Terms are already folded (fold.ts), so nothing downstream
 * needs to know about case, accents or apostrophes.
 */
import type { DocumentFormat } from '@shared/contract'

/** FTS columns a `title:` / `author:` / `source:` filter narrows a text node to; null = every column. */
export type TextColumn = 'title' | 'authors' | 'source'

/**
 * Words or a phrase. One term is a word; several terms must appear in sequence (a quoted phrase, or a word the
 * index splits, like `e-mail` or `don't`). `prefix` makes the last term a prefix (`rail*`, or the word being typed).
 */
export type TextNode = {
  kind: 'text'
  terms: string[]
  prefix: boolean
  /** Written in quotes: exact forms only, never stemmed (src/main/search/stems.ts). */
  quoted: boolean
  column: TextColumn | null
  /** Written `=word`: this exact form only, never stemmed. */
  exact?: boolean
  /** The word as typed (one-term words only), for its stem in languages whose stemmer needs accents. */
  typed?: string
}

/** Every group within `distance` terms of the others: `NEAR(climate "sea level", 10)`. */
export type NearNode = {
  kind: 'near'
  groups: TextNode[]
  distance: number
  column: TextColumn | null
}

export type DateOp = 'after' | 'before' | 'on'

export type Filter =
  /** `prefix`: the tag name is still being typed (asYouType), match tags starting with it. */
  | { type: 'tag'; name: string; prefix?: boolean }
  | { type: 'format'; format: DocumentFormat }
  | { type: 'lang'; language: string }
  /** `doi:10.1000/xyz`, `isbn:…`, `arxiv:…`: documents carrying that identifier (normalised). */
  | { type: 'identifier'; kind: 'doi' | 'isbn' | 'arxiv' | 'issn'; value: string }
  | { type: 'date'; op: DateOp; date: string }
  | { type: 'has'; what: 'quotes' | 'notes' }

export type FilterNode = { kind: 'filter'; filter: Filter }

export type AndNode = { kind: 'and'; children: QueryNode[] }
export type OrNode = { kind: 'or'; children: QueryNode[] }
export type NotNode = { kind: 'not'; child: QueryNode }

export type QueryNode = TextNode | NearNode | FilterNode | AndNode | OrNode | NotNode

export type ParsedQuery = {
  /** null when nothing searchable is left (empty input, or only ignored pieces). */
  root: QueryNode | null
  /** Friendly notes on what could not be read as written and what was done instead. */
  problems: string[]
}
