/**
 * AST → an FTS5 MATCH string plus SQL conditions with bound parameters. Every term reaches FTS5 inside a double-quoted
 * string (with `"` doubled, though folded terms never contain one), so no user text is ever read as FTS5 syntax;
 * every other value is a bound parameter (sql tagged template). Structure:
 *
 * - The positive text at the top level of the query becomes the one MATCH expression that drives the query and
 *   gives bm25 its ranking; `-word` next to it becomes FTS5 `NOT`.
 * - Filters (tag:, type:, dates…) become SQL conditions on the document row.
 * - Anything FTS5 cannot say (a lone `-word`, `tag:x OR climate`) becomes a SQL condition with a MATCH subquery.
 *
 * The same AST compiles for quotes (quotes_fts over the exact text and note): words search the quote, `title:` /
 * `author:` / `source:` and filters apply to the quote's document (tags: the quote's own or its document's).
 */
import { type Sql, sql } from '../db/sql'
import type { Filter, NearNode, QueryNode, TextColumn, TextNode } from './query-ast'

export type Target = 'documents' | 'quotes'

/** The compiled query: rows must match `match` (when not null) and every `where` condition. */
export type CompiledQuery = { match: string | null; where: Sql[] }

/** Looks tag names up (folded; `prefix` while typing); an empty list means no such tag. */
export type TagResolver = (name: string, prefix: boolean) => number[]

type Part = { fts: string | null; sql: Sql[] }

/** `"term one two"` with the last term a prefix when asked: the FTS5 string syntax, safely quoted. */
export function ftsPhrase(node: Pick<TextNode, 'terms' | 'prefix'>): string {
  const body = node.terms.map((t) => t.replaceAll('"', '""')).join(' ')
  return `"${body}"${node.prefix ? '*' : ''}`
}

function columnSpec(column: TextColumn | null): string {
  // Column names come from the closed TextColumn union, never from user text.
  return column ? `{${column}} : ` : ''
}

export function ftsText(node: TextNode): string {
  return `${columnSpec(node.column)}${ftsPhrase(node)}`
}

export function ftsNear(node: NearNode): string {
  return `${columnSpec(node.column)}NEAR(${node.groups.map(ftsPhrase).join(' ')}, ${Math.trunc(node.distance)})`
}

const TRUE = sql`1`
const FALSE = sql`0`

export type CompileOptions = {
  /**
   * How a tag filter reads. `probe` (default) checks each candidate row (EXISTS on the document_tags primary key):
   * right when FTS5 drives the query. `set` lists the tag's documents (IN over the by-tag index): right when no text
   * drives the query — `tag:business` alone is 9,000 index entries instead of 100,000 probes.
   */
  tagForm?: 'probe' | 'set'
}

export class QueryCompiler {
  constructor(
    private readonly target: Target,
    private readonly tags: TagResolver,
    private readonly options: CompileOptions = {},
  ) {}

  compile(root: QueryNode): CompiledQuery {
    const part = this.part(root.kind === 'and' ? root : { kind: 'and', children: [root] })
    return { match: part.fts, where: part.sql }
  }

  /**
   * Rows of the target matching an FTS expression over the documents index. For quotes it is a probe per quote
   * (FTS5 seeks one rowid): a quote query touches few rows, while `source:bbc` may match 40,000 documents.
   */
  private inDocuments(fts: string): Sql {
    return this.target === 'documents'
      ? sql`d.id IN (SELECT rowid FROM documents_fts WHERE documents_fts MATCH ${fts})`
      : sql`EXISTS (SELECT 1 FROM documents_fts WHERE documents_fts MATCH ${fts} AND documents_fts.rowid = q.document_id)`
  }

  /** Rows of the target matching an FTS expression over the target's own index. */
  private inOwnIndex(fts: string): Sql {
    return this.target === 'documents'
      ? this.inDocuments(fts)
      : sql`q.id IN (SELECT rowid FROM quotes_fts WHERE quotes_fts MATCH ${fts})`
  }

  private part(node: QueryNode): Part {
    switch (node.kind) {
      case 'text':
      case 'near': {
        const fts = node.kind === 'text' ? ftsText(node) : ftsNear(node)
        // For quotes, title:/author:/source: are about the quote's document.
        if (this.target === 'quotes' && node.column)
          return { fts: null, sql: [this.inDocuments(fts)] }
        return { fts, sql: [] }
      }
      case 'filter':
        return { fts: null, sql: [this.filter(node.filter)] }
      case 'not':
        return { fts: null, sql: [sql`NOT ${this.condition(this.part(node.child))}`] }
      case 'or': {
        const parts = node.children.map((c) => this.part(c))
        if (parts.every((p) => p.fts !== null && p.sql.length === 0)) {
          return { fts: `(${parts.map((p) => p.fts).join(' OR ')})`, sql: [] }
        }
        return {
          fts: null,
          sql: [
            sql`(${sql.join(
              parts.map((p) => this.condition(p)),
              ' OR ',
            )})`,
          ],
        }
      }
      case 'and': {
        const positive: string[] = []
        const negative: string[] = []
        const conditions: Sql[] = []
        for (const child of node.children) {
          if (child.kind === 'not') {
            const inner = this.part(child.child)
            if (inner.fts !== null && inner.sql.length === 0) negative.push(inner.fts)
            else conditions.push(sql`NOT ${this.condition(inner)}`)
            continue
          }
          const p = this.part(child)
          if (p.fts !== null) positive.push(p.fts)
          conditions.push(...p.sql)
        }
        if (positive.length === 0) {
          // FTS5 has no lone NOT: exclusions become "not among the matches of …".
          for (const n of negative) conditions.push(sql`NOT ${this.inOwnIndex(n)}`)
          return { fts: null, sql: conditions }
        }
        let fts = positive.length === 1 ? (positive[0] ?? '') : `(${positive.join(' AND ')})`
        if (negative.length > 0) fts = `${fts} NOT (${negative.join(' OR ')})`
        return { fts, sql: conditions }
      }
    }
  }

  /** One SQL condition equivalent to a part. */
  private condition(part: Part): Sql {
    const all = part.fts !== null ? [this.inOwnIndex(part.fts), ...part.sql] : part.sql
    if (all.length === 0) return TRUE
    if (all.length === 1) return all[0] ?? TRUE
    return sql`(${sql.join(all, ' AND ')})`
  }

  private filter(filter: Filter): Sql {
    const doc = this.target === 'documents' ? sql`d.id` : sql`q.document_id`
    const column = (name: 'format' | 'language' | 'published_at') =>
      this.target === 'documents'
        ? sql.trusted(`d.${name}`)
        : sql.trusted(`(SELECT ${name} FROM documents WHERE id = q.document_id)`)
    switch (filter.type) {
      case 'tag': {
        const ids = this.tags(filter.name, filter.prefix === true)
        if (ids.length === 0) return FALSE
        const list = sql.join(
          ids.map((id) => sql`${id}`),
          ', ',
        )
        const onDocument =
          this.options.tagForm === 'set'
            ? sql`${doc} IN (SELECT dt.document_id FROM document_tags dt WHERE dt.tag_id IN (${list}))`
            : sql`EXISTS (SELECT 1 FROM document_tags dt WHERE dt.document_id = ${doc} AND dt.tag_id IN (${list}))`
        if (this.target === 'documents') return onDocument
        return sql`(${onDocument} OR EXISTS (SELECT 1 FROM quote_tags qt WHERE qt.quote_id = q.id AND qt.tag_id IN (${list})))`
      }
      case 'format':
        return sql`${column('format')} = ${filter.format}`
      case 'lang': {
        const lang = filter.language
        return sql`(lower(${column('language')}) = ${lang} OR substr(lower(${column('language')}), 1, ${lang.length + 1}) IN (${`${lang}-`}, ${`${lang}_`}))`
      }
      case 'date': {
        // Partial dates compare as text: '2024-04-24' >= '2024-04'; the upper bound '2024-04\uffff' takes the whole
        // month. Bounds are inclusive, like documents.list's after/before.
        const from = filter.date
        const to = `${filter.date}\uffff`
        const published = column('published_at')
        if (filter.op === 'after') return sql`${published} >= ${from}`
        if (filter.op === 'before') return sql`${published} <= ${to}`
        return sql`(${published} >= ${from} AND ${published} <= ${to})`
      }
      case 'has':
        if (this.target === 'quotes') return filter.what === 'quotes' ? TRUE : sql`q.note <> ''`
        return filter.what === 'quotes'
          ? sql`EXISTS (SELECT 1 FROM quotes hq WHERE hq.document_id = d.id)`
          : sql`EXISTS (SELECT 1 FROM quotes hq WHERE hq.document_id = d.id AND hq.note <> '')`
    }
  }
}

/** A word or phrase to mark in passages, from the positive (not excluded) text of a query. */
export type MarkTerm = { terms: string[]; prefix: boolean }

/**
 * The text a passage should mark: words and phrases that are not excluded. `column` keeps only those that search
 * the body (no `title:` etc.), which is what passages show.
 */
export function markTerms(root: QueryNode | null): MarkTerm[] {
  const out: MarkTerm[] = []
  const seen = new Set<string>()
  const add = (node: TextNode) => {
    if (node.column !== null) return
    const key = `${node.terms.join(' ')}${node.prefix ? '*' : ''}`
    if (seen.has(key)) return
    seen.add(key)
    out.push({ terms: node.terms, prefix: node.prefix })
  }
  const walk = (node: QueryNode) => {
    switch (node.kind) {
      case 'text':
        add(node)
        return
      case 'near':
        if (node.column === null) for (const g of node.groups) add(g)
        return
      case 'and':
      case 'or':
        for (const c of node.children) walk(c)
        return
      default:
        // Excluded text and filters are not marked.
        return
    }
  }
  if (root) walk(root)
  return out
}

/**
 * A cheaper FTS expression matching a superset of `root`'s text matches, for scoring: phrases and NEAR groups become
 * plain ANDs of their words and exclusions are dropped (filters stay in the SQL). bm25's first step counts the
 * documents holding each phrase over the whole index, and for a phrase that means checking word positions in every
 * document holding all its words (~4 ms for "health care" at 100,000 documents); for single words it is a plain
 * doclist walk. The caller keeps only rows that match the real query. Null when no such expression exists (text
 * only inside an OR with a filter) or nothing would be gained.
 *
 * `dropOneLetterPrefixes` (search as you type) also leaves out words that are a one-letter prefix (`nuclear w`):
 * bm25's document count for `w*` walks the doclist of every word starting with w (~3 ms at 100,000 documents for
 * each ranked tier), and a score for "some word starting with w" means nothing. Leaving an ANDed word out still
 * gives a superset; inside an OR it would not, so such an OR yields null.
 */
export function relaxedMatch(
  root: QueryNode,
  options: { dropOneLetterPrefixes?: boolean } = {},
): string | null {
  let changed = false
  const drop = options.dropOneLetterPrefixes === true
  /** The words of a phrase or group as separate ANDed words, without a trailing one-letter prefix if asked. */
  const words = (node: Pick<TextNode, 'terms' | 'prefix'>): string[] =>
    node.terms.flatMap((t, i) => {
      const prefix = node.prefix && i === node.terms.length - 1
      if (drop && prefix && t.length === 1) {
        changed = true
        return []
      }
      return [ftsPhrase({ terms: [t], prefix })]
    })
  const relax = (node: QueryNode): string | null => {
    switch (node.kind) {
      case 'text': {
        if (node.terms.length === 1 && !(drop && isOneLetterPrefix(node))) return ftsText(node)
        changed = true
        const parts = words(node)
        return parts.length === 0 ? null : `${columnSpec(node.column)}(${parts.join(' AND ')})`
      }
      case 'near': {
        changed = true
        const parts = node.groups.flatMap(words)
        return parts.length === 0 ? null : `${columnSpec(node.column)}(${parts.join(' AND ')})`
      }
      case 'and': {
        const parts: string[] = []
        for (const child of node.children) {
          if (child.kind === 'not' || child.kind === 'filter') {
            changed = true
            continue
          }
          const p = relax(child)
          if (p !== null) parts.push(p)
          else changed = true
        }
        return parts.length === 0 ? null : `(${parts.join(' AND ')})`
      }
      case 'or': {
        const parts = node.children.map(relax)
        return parts.some((p) => p === null) ? null : `(${parts.join(' OR ')})`
      }
      default:
        return null
    }
  }
  const relaxed = relax(root)
  return relaxed !== null && changed ? relaxed : null
}

/** A word being typed that is one letter so far (`s`, the `w` of `nuclear w`). */
function isOneLetterPrefix(node: Pick<TextNode, 'terms' | 'prefix'>): boolean {
  return node.prefix && (node.terms[node.terms.length - 1] ?? '').length === 1
}

/**
 * Whether any word of the query (excluded ones too) is a one-letter prefix: FTS5 then walks the doclists of every
 * word starting with that letter, ~4–11 ms at 100,000 documents for an exact count.
 */
export function hasOneLetterPrefix(root: QueryNode): boolean {
  switch (root.kind) {
    case 'text':
      return isOneLetterPrefix(root)
    case 'near':
      return root.groups.some(isOneLetterPrefix)
    case 'and':
    case 'or':
      return root.children.some(hasOneLetterPrefix)
    case 'not':
      return hasOneLetterPrefix(root.child)
    default:
      return false
  }
}
