/**
 * Stemmed search: a plain query word also finds the words of the library sharing its stem (`change` → changes,
 * changed, changing), through search_stems (migration 0130; stems from src/main/text/stemming.ts). The word becomes
 * an OR of those exact forms, so the index, bm25, passages and highlights all work on the words the documents print:
 * a passage marks "changed" where `change` found it.
 *
 * Which words: one-term words that are not quoted, not `=word`, not a prefix (a prefix already finds the longer
 * forms, and the word being typed is one), not inside NEAR (positions of one form) and not numbers or words of
 * scripts without spaces (no stemmer for Chinese, Japanese or Thai). Which stems: the word's stem in every language
 * the library has stems for; a document's words were stemmed with its own language's stemmer, so a form is found
 * only through the language it was written in. Exact forms are ranked first (search-service.ts, typedFirst and
 * exactFirstRows).
 *
 * What it costs, measured at 100,000 documents with `npm run bench -- search --compare-stems` (stemming off and on
 * alternating query by query in one run; CPU p95; 2026-12-06 on 2 cores shared at load 8–16, so ratios only):
 * before this file's cache and the ranking changes, full query +30.6 % and keystroke +17.8 %; after, in three runs,
 * full query +11 to +36 % (median +20 to +25 %) and keystroke +1.5 to +9.7 % (issue #14's goal: keystroke within
 * 10 %). Where the cost was: bm25 counts each phrase's documents by walking its whole doclist, so every added form
 * cost its doclist once per ranking statement (now the typed words alone score the exact matches); the exact-first
 * test evaluated the whole typed query, one-letter prefix included, and returned every exact match of the library
 * to JavaScript (now only the expanded words, and only the ranked rows come back); each word's forms were looked
 * up again at every keystroke (now cached). Still paid: counting and title-matching walk every form's doclist
 * ("middle class families" adds family's 34,000 documents to families' 39,000). Forms are not capped by document
 * frequency: the frequent forms are the ones a reader means, and the rare ones cost little.
 */
import type { Db } from '../db/connection'
import { hasSpecial } from '../text/scripts'
import { queryStems } from '../text/stemming'
import type { QueryNode, TextNode } from './query-ast'
import { stemsRepository } from './stems.repository'

/** Switched off only by benchmarks, to measure search with and without stemming in the same run. */
export const stemmedSearch = { enabled: true }

/** Forms added for one word at most (a Finnish or Hungarian stem can have dozens; the shortest are kept). */
export const MAX_FORMS = 24

/** Whether a text node is searched with its stem's other forms too. */
export function stemmable(node: TextNode): boolean {
  const term = node.terms[0] ?? ''
  return (
    node.terms.length === 1 &&
    !node.quoted &&
    node.exact !== true &&
    !node.prefix &&
    term.length >= 3 &&
    !/\d/.test(term) &&
    !hasSpecial(term)
  )
}

/** The forms of one word, from the pairs found for its stems: shortest first, the word itself left out. */
function formsFrom(rows: readonly { stem: string; term: string }[], term: string): string[] {
  const forms = new Set<string>()
  for (const row of rows) {
    forms.add(row.term)
    // The bare stem is a word too ("run" for `running`); pairs are kept only where stem and word differ.
    forms.add(row.stem)
  }
  forms.delete(term)
  return [...forms].sort((a, b) => a.length - b.length || (a < b ? -1 : 1)).slice(0, MAX_FORMS)
}

/**
 * The other forms of several query words, in one statement (each word's stems in every language, tagged with the
 * word's index). Keys are `typed \0 term`.
 */
function lookUpForms(db: Db, words: readonly { typed: string; term: string }[]): string[][] {
  const wanted: [string, string, number][] = []
  words.forEach(({ typed, term }, i) => {
    for (const s of queryStems(typed, term)) wanted.push([s.lang, s.stem, i])
  })
  const rows: { stem: string; term: string }[][] = words.map(() => [])
  if (wanted.length > 0) {
    for (const row of stemsRepository.wordsWithStems(db, wanted)) rows[row.word]?.push(row)
  }
  return words.map(({ term }, i) => formsFrom(rows[i] ?? [], term))
}

/** The other forms of one query word found in the library, shortest first. */
export function formsOf(db: Db, typed: string, term: string): string[] {
  return lookUpForms(db, [{ typed, term }])[0] ?? []
}

/**
 * Forms per word, kept between searches on one connection: typing "health care reform" looks up "health" and "care"
 * again at every later keystroke (0.2–0.4 ms each, 23 stemmers and a statement). Valid while nothing was written:
 * `total_changes()` counts this connection's writes, `data_version` moves when another connection commits.
 */
const CACHE_LIMIT = 2000
type FormCache = { version: string; forms: Map<string, string[]> }
const caches = new WeakMap<Db, FormCache>()

function formCache(db: Db): Map<string, string[]> {
  const version = stemsRepository.writeState(db)
  let cache = caches.get(db)
  if (!cache || cache.version !== version || cache.forms.size > CACHE_LIMIT) {
    cache = { version, forms: new Map() }
    caches.set(db, cache)
  }
  return cache.forms
}

export type Expansion = {
  /** The query with every stemmable word replaced by (word OR its forms). */
  root: QueryNode
  /** Whether any word gained forms. */
  expanded: boolean
  /**
   * What a matching document must also match to hold the forms as typed (ranked first, search-service.ts):
   * the expanded words as typed, without the rest of the query that every match satisfies anyway (filters,
   * exclusions, words that were not expanded — among them the word being typed, whose one-letter prefix alone cost
   * up to 20 ms to evaluate). Null when every match counts as exact.
   */
  exact: QueryNode | null
}

/** The stemmable text nodes of a query, in order. */
function stemmableNodes(root: QueryNode): TextNode[] {
  switch (root.kind) {
    case 'text':
      return stemmable(root) ? [root] : []
    case 'and':
    case 'or':
      return root.children.flatMap(stemmableNodes)
    case 'not':
      return stemmableNodes(root.child)
    default:
      return []
  }
}

/** The part of the typed query that tells exact matches from stemmed ones (Expansion.exact). */
function exactPart(node: QueryNode, expanded: ReadonlySet<QueryNode>): QueryNode | null {
  switch (node.kind) {
    case 'text':
      return expanded.has(node) ? node : null
    case 'and': {
      const kept = node.children.flatMap((c) => {
        const part = exactPart(c, expanded)
        return part ? [part] : []
      })
      if (kept.length <= 1) return kept[0] ?? null
      return { kind: 'and', children: kept }
    }
    case 'or':
      // A match may come through any branch: the branches as typed, or nothing when none was expanded.
      return node.children.some((c) => exactPart(c, expanded) !== null) ? node : null
    default:
      // NEAR is never expanded; every match satisfies the filters and exclusions.
      return null
  }
}

/**
 * Expand the query's stemmable words (one lookup statement for the words not cached). A word repeated in the
 * query costs one lookup.
 */
export function expandStems(db: Db, root: QueryNode): Expansion {
  if (!stemmedSearch.enabled) return { root, expanded: false, exact: null }
  const nodes = stemmableNodes(root)
  if (nodes.length === 0) return { root, expanded: false, exact: null }
  const cache = formCache(db)
  const key = (n: TextNode) => `${n.typed ?? n.terms[0] ?? ''}\u0000${n.terms[0] ?? ''}`
  const missing = new Map<string, { typed: string; term: string }>()
  for (const n of nodes) {
    const k = key(n)
    if (!cache.has(k))
      missing.set(k, { typed: n.typed ?? n.terms[0] ?? '', term: n.terms[0] ?? '' })
  }
  if (missing.size > 0) {
    const found = lookUpForms(db, [...missing.values()])
    let i = 0
    for (const k of missing.keys()) cache.set(k, found[i++] ?? [])
  }
  const expandedNodes = new Set<QueryNode>()
  const expand = (node: QueryNode): QueryNode => {
    switch (node.kind) {
      case 'text': {
        if (!stemmable(node)) return node
        const forms = cache.get(key(node)) ?? []
        if (forms.length === 0) return node
        expandedNodes.add(node)
        return {
          kind: 'or',
          children: [
            node,
            ...forms.map((form): TextNode => ({ ...node, terms: [form], typed: form })),
          ],
        }
      }
      case 'and':
      case 'or':
        return { ...node, children: node.children.map(expand) }
      case 'not':
        return { kind: 'not', child: expand(node.child) }
      default:
        return node
    }
  }
  const out = expand(root)
  const expanded = expandedNodes.size > 0
  return { root: out, expanded, exact: expanded ? exactPart(root, expandedNodes) : null }
}
