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
 * only through the language it was written in. Exact forms are ranked first (search-service.ts, exactFirst).
 */
import type { Db } from '../db/connection'
import { hasSpecial } from '../text/scripts'
import { queryStems } from '../text/stemming'
import type { QueryNode, TextNode } from './query-ast'

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

/** The other forms of one query word found in the library, shortest first. */
export function formsOf(db: Db, typed: string, term: string): string[] {
  const stems = queryStems(typed, term)
  if (stems.length === 0) return []
  const rows = db
    .prepare<[string], { lang: string; stem: string; term: string }>(
      `SELECT s.lang, s.stem, s.term FROM json_each(?) j
         JOIN search_stems s ON s.stem = j.value ->> 1 AND s.lang = j.value ->> 0`,
    )
    .all(JSON.stringify(stems.map((s) => [s.lang, s.stem])))
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
 * The query with every stemmable word replaced by (word OR its forms); `expanded` when any word gained forms.
 * Lookups are cached per call, so a word repeated in the query costs one.
 */
export function expandStems(db: Db, root: QueryNode): { root: QueryNode; expanded: boolean } {
  if (!stemmedSearch.enabled) return { root, expanded: false }
  let expanded = false
  const cache = new Map<string, string[]>()
  const expand = (node: QueryNode): QueryNode => {
    switch (node.kind) {
      case 'text': {
        if (!stemmable(node)) return node
        const term = node.terms[0] ?? ''
        const typed = node.typed ?? term
        let forms = cache.get(`${typed}\u0000${term}`)
        if (!forms) {
          forms = formsOf(db, typed, term)
          cache.set(`${typed}\u0000${term}`, forms)
        }
        if (forms.length === 0) return node
        expanded = true
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
  return { root: out, expanded }
}
