/**
 * First half of the query parser: the raw string → lexemes. Total: every input, however broken, lexes.
 * Quotes may be straight or typographic (“…”, „…“, «…»); an unclosed quote runs to the end of the input.
 */

export type Lexeme =
  | { t: 'lparen'; pos: number }
  | { t: 'rparen'; pos: number }
  | { t: 'or'; pos: number }
  | { t: 'and'; pos: number }
  | { t: 'not'; pos: number }
  /** `-` written right before a word, phrase, filter or bracket. */
  | { t: 'minus'; pos: number }
  /** `-` standing alone (followed by a space or nothing). */
  | { t: 'lone-minus'; pos: number }
  | { t: 'near'; pos: number }
  | { t: 'comma'; pos: number }
  /** `exact`: written `=word`, this form only (no stemming). */
  | { t: 'word'; text: string; star: boolean; exact?: boolean; pos: number; end: number }
  | { t: 'phrase'; text: string; star: boolean; closed: boolean; pos: number; end: number }
  /** `name:` at the start of a word. The value is the next lexeme when `attached` (no space in between). */
  | { t: 'field'; name: string; attached: boolean; pos: number; end: number }

const OPEN_QUOTES = new Set(['"', '“', '”', '„', '‟', '«', '»', '＂'])
const CLOSE_QUOTES = new Set(['"', '“', '”', '‟', '«', '»', '＂'])
const MINUS = new Set(['-', '−'])

function isSpace(ch: string): boolean {
  return /\s/u.test(ch)
}

/** Lex a query. `pos`/`end` are offsets into `input`, for messages. */
export function lex(input: string): Lexeme[] {
  const out: Lexeme[] = []
  const n = input.length
  let nearDepth = 0 // > 0 inside NEAR( … ), where a comma separates the distance
  let parenDepth = 0
  let i = 0
  while (i < n) {
    const ch = input[i] ?? ''
    if (isSpace(ch)) {
      i++
      continue
    }
    if (ch === '(') {
      out.push({ t: 'lparen', pos: i })
      parenDepth++
      i++
      continue
    }
    if (ch === ')') {
      out.push({ t: 'rparen', pos: i })
      if (nearDepth > 0 && parenDepth === nearDepth) nearDepth = 0
      parenDepth = Math.max(0, parenDepth - 1)
      i++
      continue
    }
    if (ch === ',' && nearDepth > 0) {
      out.push({ t: 'comma', pos: i })
      i++
      continue
    }
    if (MINUS.has(ch)) {
      const next = input[i + 1]
      if (next === undefined || isSpace(next)) out.push({ t: 'lone-minus', pos: i })
      else out.push({ t: 'minus', pos: i })
      i++
      continue
    }
    if (OPEN_QUOTES.has(ch)) {
      let j = i + 1
      while (j < n && !CLOSE_QUOTES.has(input[j] ?? '')) j++
      const closed = j < n
      const text = input.slice(i + 1, j)
      let end = closed ? j + 1 : n
      let star = false
      while (input[end] === '*') {
        star = true
        end++
      }
      out.push({ t: 'phrase', text, star, closed, pos: i, end })
      i = end
      continue
    }
    // A word: up to a space, a bracket or a quote (a comma too inside NEAR).
    let j = i
    while (j < n) {
      const c = input[j] ?? ''
      if (isSpace(c) || c === '(' || c === ')' || OPEN_QUOTES.has(c)) break
      if (c === ',' && nearDepth > 0) break
      j++
    }
    const word = input.slice(i, j)
    const field = /^([A-Za-z]+):/.exec(word)
    if (field) {
      const fieldEnd = i + (field[0]?.length ?? 0)
      const next = input[fieldEnd]
      out.push({
        t: 'field',
        name: field[1] ?? '',
        attached: next !== undefined && !isSpace(next) && next !== ')',
        pos: i,
        end: fieldEnd,
      })
      i = fieldEnd
      continue
    }
    if (word === 'OR' || word === '||') out.push({ t: 'or', pos: i })
    else if (word === 'AND' || word === '&&') out.push({ t: 'and', pos: i })
    else if (word === 'NOT') out.push({ t: 'not', pos: i })
    else if (word === 'NEAR' && input[j] === '(') {
      out.push({ t: 'near', pos: i })
      nearDepth = parenDepth + 1
    } else {
      const stripped = word.replace(/\*+$/, '')
      const exact = stripped.startsWith('=') || stripped.startsWith('＝')
      out.push({
        t: 'word',
        text: exact ? stripped.slice(1) : stripped,
        star: stripped.length < word.length,
        ...(exact ? { exact } : {}),
        pos: i,
        end: j,
      })
    }
    i = j
  }
  return out
}
