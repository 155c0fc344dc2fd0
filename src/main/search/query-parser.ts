/**
 * The search query language: any string → an AST (query-ast.ts) plus friendly notes on anything that could not be
 * read as written. Total by construction: there is no input for which it throws (fuzzed in
 * tests/unit/search/query-parser.test.ts). Syntax:
 *
 *   climate change            both words (AND is implied; `AND` may be written)
 *   "sea level"               exact phrase (straight or typographic quotes; exact forms, never stemmed)
 *   =change                   this form only (a plain word also finds the forms sharing its stem)
 *   kenya OR tanzania         either
 *   -draft  -"press release"  leave out (`NOT draft` works too)
 *   rail*                     prefix
 *   NEAR(coal "power plant", 10)   terms within 10 words of each other (default 10)
 *   (a OR b) c                grouping
 *   title:  author:  source:  word, "phrase" or (group) in that field only
 *   tag:NAME  -tag:NAME       tagged / not tagged (repeatable; tag:"two words")
 *   type:pdf|html|epub|docx|md|txt    lang:en
 *   after:2020  before:2021-06  on:2024-04-24   published date (YYYY, YYYY-MM or YYYY-MM-DD; bounds inclusive)
 *   has:quotes  has:notes
 */
import type { DocumentFormat } from '@shared/contract'
import { queryTerms } from './fold'
import type {
  DateOp,
  Filter,
  NearNode,
  ParsedQuery,
  QueryNode,
  TextColumn,
  TextNode,
} from './query-ast'
import { type Lexeme, lex } from './query-lexer'

/** Longer input is cut (with a note): a query is typed, not pasted novels. */
export const MAX_QUERY_CHARS = 2000
/** Words, phrases and filters used from one query; more would only slow the index down. */
export const MAX_LEAVES = 64
/** Bracket nesting beyond this is flattened (with a note) so hostile input cannot exhaust the stack. */
export const MAX_DEPTH = 32
export const DEFAULT_NEAR = 10
const MAX_NEAR = 1000

export type ParseOptions = {
  /** Search as you type: the word at the very end (no space after it) is a prefix, and an unfinished tail is quiet. */
  asYouType?: boolean
}

type FieldKind =
  | { kind: 'column'; column: TextColumn }
  | { kind: 'tag' }
  | { kind: 'type' }
  | { kind: 'lang' }
  | { kind: 'identifier'; id: 'doi' | 'isbn' | 'arxiv' | 'issn' }
  | { kind: 'date'; op: DateOp }
  | { kind: 'has' }

const FIELDS: Record<string, FieldKind> = {
  title: { kind: 'column', column: 'title' },
  author: { kind: 'column', column: 'authors' },
  authors: { kind: 'column', column: 'authors' },
  by: { kind: 'column', column: 'authors' },
  source: { kind: 'column', column: 'source' },
  publisher: { kind: 'column', column: 'source' },
  tag: { kind: 'tag' },
  tags: { kind: 'tag' },
  type: { kind: 'type' },
  format: { kind: 'type' },
  lang: { kind: 'lang' },
  language: { kind: 'lang' },
  doi: { kind: 'identifier', id: 'doi' },
  isbn: { kind: 'identifier', id: 'isbn' },
  arxiv: { kind: 'identifier', id: 'arxiv' },
  issn: { kind: 'identifier', id: 'issn' },
  after: { kind: 'date', op: 'after' },
  since: { kind: 'date', op: 'after' },
  before: { kind: 'date', op: 'before' },
  until: { kind: 'date', op: 'before' },
  on: { kind: 'date', op: 'on' },
  date: { kind: 'date', op: 'on' },
  year: { kind: 'date', op: 'on' },
  has: { kind: 'has' },
}
const FIELD_LIST =
  'title:, author:, source:, tag:, type:, lang:, doi:, isbn:, after:, before:, on:, has:'

const FORMATS: Record<string, DocumentFormat> = {
  pdf: 'pdf',
  html: 'html',
  htm: 'html',
  web: 'html',
  epub: 'epub',
  docx: 'docx',
  doc: 'docx',
  word: 'docx',
  md: 'md',
  markdown: 'md',
  txt: 'txt',
  text: 'txt',
}

/** Small edit distance for "did you mean author:?" on misspelt filter names. */
function closeTo(a: string, b: string): boolean {
  if (Math.abs(a.length - b.length) > 1) return false
  let i = 0
  while (i < a.length && a[i] === b[i]) i++
  let ea = a.length
  let eb = b.length
  while (ea > i && eb > i && a[ea - 1] === b[eb - 1]) {
    ea--
    eb--
  }
  const restA = a.slice(i, ea)
  const restB = b.slice(i, eb)
  if (restA.length <= 1 && restB.length <= 1) return true
  return restA.length === 2 && restB.length === 2 && restA[0] === restB[1] && restA[1] === restB[0]
}

/** Quote a fragment of the user's input for a message, shortened. */
function shown(text: string): string {
  const clean = text.replace(/\s+/g, ' ').trim()
  return `“${clean.length > 40 ? `${clean.slice(0, 39)}…` : clean}”`
}

/** Check `YYYY`, `YYYY-MM`, `YYYY-MM-DD` (a real calendar date). */
export function validPartialDate(value: string): boolean {
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(value)
  if (!m) return false
  if (m[2] === undefined) return true
  const month = Number(m[2])
  if (month < 1 || month > 12) return false
  if (m[3] === undefined) return true
  const day = Number(m[3])
  const days = new Date(Date.UTC(Number(m[1]), month, 0)).getUTCDate()
  return day >= 1 && day <= days
}

const OR_NEEDS_SIDES = '“OR” needs words on both sides, like kenya OR tanzania; it was ignored.'
const AND_NEEDS_SIDES =
  '“AND” needs words on both sides; it was ignored (words are combined with AND anyway).'

class Parser {
  private i = 0
  private leaves = 0
  private readonly problems = new Set<string>()
  private depthNoted = false
  /** '(' ignored for being too deep: their ')' are skipped too. */
  private skipped = 0

  constructor(
    private readonly lexemes: Lexeme[],
    private readonly input: string,
    private readonly options: ParseOptions,
  ) {}

  parse(): ParsedQuery {
    const parts: QueryNode[] = []
    while (this.i < this.lexemes.length) {
      const node = this.parseOr(0)
      if (node) parts.push(node)
      if (this.peek()?.t === 'rparen') {
        this.problem('An unmatched “)” was ignored.')
        this.i++
      }
    }
    return {
      root: simplify(parts.length === 1 ? (parts[0] ?? null) : and(parts)),
      problems: [...this.problems],
    }
  }

  private peek(): Lexeme | undefined {
    return this.lexemes[this.i]
  }

  /**
   * Record a note for the user. `atTail` marks problems caused only by the input ending (an open quote or bracket,
   * a dangling OR): while typing those are normal and stay quiet.
   */
  private problem(message: string, atTail = false): void {
    if (atTail && this.options.asYouType) return
    this.problems.add(message)
  }

  /** The lexeme ends the input with no space after it: with asYouType, it is still being typed. */
  private typing(lexeme: { end: number }): boolean {
    return this.options.asYouType === true && lexeme.end === this.input.length
  }

  private parseOr(depth: number): QueryNode | null {
    const alternatives: QueryNode[] = []
    for (;;) {
      const next = this.peek()
      if (next?.t === 'rparen' && this.skipped > 0) {
        this.skipped--
        this.i++
        continue
      }
      if (!next || next.t === 'rparen') break
      if (next.t === 'or') {
        this.i++
        const after = this.peek()
        if (alternatives.length === 0 || !after || after.t === 'or' || after.t === 'rparen') {
          this.problem(OR_NEEDS_SIDES, !after)
        }
        continue
      }
      const part = this.parseAnd(depth)
      if (part) alternatives.push(part)
    }
    if (alternatives.length <= 1) return alternatives[0] ?? null
    return { kind: 'or', children: alternatives }
  }

  private parseAnd(depth: number): QueryNode | null {
    const children: QueryNode[] = []
    for (;;) {
      const next = this.peek()
      if (next?.t === 'rparen' && this.skipped > 0) {
        this.skipped--
        this.i++
        continue
      }
      if (!next || next.t === 'or' || next.t === 'rparen') break
      if (next.t === 'and') {
        this.i++
        const after = this.peek()
        if (children.length === 0 || !after || after.t === 'or' || after.t === 'rparen') {
          this.problem(AND_NEEDS_SIDES, !after)
        }
        continue
      }
      const child = this.parseUnary(depth)
      if (child) children.push(child)
    }
    if (children.length <= 1) return children[0] ?? null
    return { kind: 'and', children }
  }

  private parseUnary(depth: number): QueryNode | null {
    let negations = 0
    let first: Lexeme | undefined
    for (;;) {
      const next = this.peek()
      if (next?.t === 'minus' || next?.t === 'not') {
        first ??= next
        negations++
        this.i++
        continue
      }
      if (next?.t === 'lone-minus') {
        this.i++
        this.problem(
          'A lone “-” was ignored: put it right before a word to leave that word out, like -draft.',
          this.peek() === undefined,
        )
        continue
      }
      break
    }
    const next = this.peek()
    if (!next || next.t === 'or' || next.t === 'and' || next.t === 'rparen') {
      if (negations > 0) {
        this.problem(
          first?.t === 'not'
            ? '“NOT” needs a word after it, like NOT draft; it was ignored.'
            : 'A “-” needs a word right after it, like -draft; it was ignored.',
          !next,
        )
      }
      return null
    }
    const operand = this.parsePrimary(depth)
    if (!operand) return null
    return negations % 2 === 1 ? { kind: 'not', child: operand } : operand
  }

  private parsePrimary(depth: number): QueryNode | null {
    const lexeme = this.peek()
    if (!lexeme) return null
    this.i++
    switch (lexeme.t) {
      case 'lparen':
        return this.parseGroup(depth)
      case 'word':
        return this.textFromWord(
          lexeme.text,
          lexeme.star || this.typing(lexeme),
          null,
          lexeme.exact,
        )
      case 'phrase':
        return this.textFromPhrase(lexeme, null)
      case 'field':
        return this.parseField(lexeme, depth)
      case 'near':
        return this.parseNear()
      default:
        // A comma outside NEAR, or an operator parseAnd/parseUnary did not take: nothing to search.
        return null
    }
  }

  private parseGroup(depth: number): QueryNode | null {
    if (depth >= MAX_DEPTH) {
      // Too deep: ignore this bracket (and, later, its partner) and read on at this depth, without recursing.
      if (!this.depthNoted)
        this.problem(`Brackets nested deeper than ${MAX_DEPTH} levels were flattened.`)
      this.depthNoted = true
      this.skipped++
      return null
    }
    const inner = this.parseOr(depth + 1)
    if (this.peek()?.t === 'rparen') this.i++
    else this.problem('A “(” was never closed; the brackets were closed at the end.', true)
    if (!inner && !this.depthNoted)
      this.problem('Empty brackets “()” were ignored.', this.peek() === undefined)
    return inner
  }

  private countLeaf(): boolean {
    if (this.leaves >= MAX_LEAVES) {
      this.problem(`Only the first ${MAX_LEAVES} words and filters of the query were used.`)
      return false
    }
    this.leaves++
    return true
  }

  private textFromWord(
    word: string,
    prefix: boolean,
    column: TextColumn | null,
    exact = false,
  ): TextNode | null {
    const { terms: found, openEnd } = queryTerms(word)
    if (found.length === 0) {
      if (word.length > 0)
        this.problem(`${shown(word)} has no letters or digits to search for; it was ignored.`)
      else if (prefix && !this.options.asYouType)
        this.problem('A lone “*” was ignored: write it after the start of a word, like rail*.')
      return null
    }
    if (!this.countLeaf()) return null
    return {
      kind: 'text',
      terms: found,
      prefix: prefix || openEnd,
      quoted: false,
      column,
      ...(exact ? { exact: true } : {}),
      ...(found.length === 1 ? { typed: word } : {}),
    }
  }

  private textFromPhrase(
    lexeme: Extract<Lexeme, { t: 'phrase' }>,
    column: TextColumn | null,
  ): TextNode | null {
    if (!lexeme.closed) {
      this.problem(
        `A quote was never closed; searched for ${shown(lexeme.text)} as a phrase.`,
        true,
      )
    }
    const { terms: found, openEnd } = queryTerms(lexeme.text)
    if (found.length === 0) {
      this.problem('An empty or punctuation-only phrase “” was ignored.', !lexeme.closed)
      return null
    }
    if (!this.countLeaf()) return null
    // While typing inside an open quote, the phrase's last word is a prefix.
    const prefix = lexeme.star || openEnd || (!lexeme.closed && this.typing(lexeme))
    return { kind: 'text', terms: found, prefix, quoted: true, column }
  }

  private parseField(lexeme: Extract<Lexeme, { t: 'field' }>, depth: number): QueryNode | null {
    const name = lexeme.name.toLowerCase()
    const kind = FIELDS[name]
    if (!kind) return this.unknownField(lexeme)
    const value = lexeme.attached ? this.peek() : undefined
    if (!value || (value.t !== 'word' && value.t !== 'phrase' && value.t !== 'lparen')) {
      this.problem(
        `${name}: needs a value right after the colon, like ${example(kind)}; it was ignored.`,
        lexeme.end === this.input.length,
      )
      return null
    }
    this.i++
    if (kind.kind === 'column') {
      if (value.t === 'word')
        return this.textFromWord(
          value.text,
          value.star || this.typing(value),
          kind.column,
          value.exact,
        )
      if (value.t === 'phrase') return this.textFromPhrase(value, kind.column)
      const inner = this.parseGroup(depth)
      return inner ? this.inColumn(inner, kind.column, name) : null
    }
    if (value.t === 'lparen') {
      this.problem(`${name}: takes one value, not brackets, like ${example(kind)}.`)
      // Skip to the matching ')'.
      let open = 1
      while (this.peek() && open > 0) {
        const t = this.peek()?.t
        if (t === 'lparen') open++
        if (t === 'rparen') open--
        this.i++
      }
      return null
    }
    const typing = this.typing(value) || (value.t === 'phrase' && !value.closed)
    const filter = this.filterFor(kind, name, value.text.trim(), typing, value.star)
    if (!filter || !this.countLeaf()) return null
    return { kind: 'filter', filter }
  }

  private filterFor(
    kind: FieldKind,
    name: string,
    value: string,
    typing: boolean,
    star: boolean,
  ): Filter | null {
    const quiet = (message: string): null => {
      if (!typing) this.problem(message)
      return null
    }
    switch (kind.kind) {
      case 'tag':
        if (value.length === 0)
          return quiet('tag: needs a tag name, like tag:climate or tag:"sea level".')
        return typing || star
          ? { type: 'tag', name: value, prefix: true }
          : { type: 'tag', name: value }
      case 'type': {
        const format = FORMATS[value.toLowerCase()]
        if (!format) {
          return quiet(
            `Unknown document type ${shown(value)}: use type:pdf, html, epub, docx, md or txt.`,
          )
        }
        return { type: 'format', format }
      }
      case 'lang': {
        const language = value.toLowerCase()
        if (!/^[a-z]{2,8}(?:[-_][a-z0-9]{1,8})*$/.test(language)) {
          return quiet(
            `Unknown language ${shown(value)}: use a language code, like lang:en or lang:fr.`,
          )
        }
        return { type: 'lang', language }
      }
      case 'identifier': {
        const normalised = normaliseIdentifierQuery(kind.id, value)
        if (!normalised)
          return quiet(`${name}: needs an identifier, like doi:10.1000/xyz or isbn:9780306406157.`)
        return { type: 'identifier', kind: kind.id, value: normalised }
      }
      case 'date':
        if (!validPartialDate(value)) {
          return quiet(
            `${name}: needs a date as YYYY, YYYY-MM or YYYY-MM-DD (like ${name}:2024-04-24), not ${shown(value)}.`,
          )
        }
        return { type: 'date', op: kind.op, date: value }
      case 'has': {
        const what = value.toLowerCase()
        if (what === 'quotes' || what === 'quote' || what === 'highlights')
          return { type: 'has', what: 'quotes' }
        if (what === 'notes' || what === 'note') return { type: 'has', what: 'notes' }
        return quiet(`Unknown has:${value}: use has:quotes or has:notes.`)
      }
      default:
        return null
    }
  }

  /** `title:(a OR "b c")`: narrow every text node inside to the column; filters inside are kept as they are. */
  private inColumn(node: QueryNode, column: TextColumn, name: string): QueryNode {
    switch (node.kind) {
      case 'text':
      case 'near':
        return { ...node, column }
      case 'and':
      case 'or':
        return { ...node, children: node.children.map((c) => this.inColumn(c, column, name)) }
      case 'not':
        return { kind: 'not', child: this.inColumn(node.child, column, name) }
      case 'filter':
        this.problem(`Filters inside ${name}:( … ) apply to the whole document.`)
        return node
    }
  }

  private unknownField(lexeme: Extract<Lexeme, { t: 'field' }>): QueryNode | null {
    const name = lexeme.name.toLowerCase()
    const near = Object.keys(FIELDS).find((f) => name.length >= 3 && closeTo(name, f))
    if (near) {
      this.problem(
        `Unknown filter ${name}: (did you mean ${near}:?). It was searched as words. Filters: ${FIELD_LIST}`,
        lexeme.end === this.input.length,
      )
    }
    // Search `name:value` as the words it contains (URLs, "ratio 3:1", "Note: …").
    const value = lexeme.attached ? this.peek() : undefined
    if (value?.t === 'word') {
      this.i++
      return this.textFromWord(
        `${lexeme.name} ${value.text}`,
        value.star || this.typing(value),
        null,
      )
    }
    return this.textFromWord(lexeme.name, false, null)
  }

  private parseNear(): QueryNode | null {
    this.i++ // the '(' the lexer saw right after NEAR
    const groups: TextNode[] = []
    let distance = DEFAULT_NEAR
    let closed = false
    let ignored = false
    while (this.peek()) {
      const lexeme = this.peek()
      if (!lexeme) break
      this.i++
      if (lexeme.t === 'rparen') {
        closed = true
        break
      }
      if (lexeme.t === 'comma') {
        const number = this.peek()
        if (number?.t === 'word' && /^\d+$/.test(number.text)) {
          this.i++
          distance = Math.min(MAX_NEAR, Number(number.text))
        } else if (!(number?.t === 'rparen' || !number)) ignored = true
        continue
      }
      if (lexeme.t === 'word') {
        const node = this.textFromWord(
          lexeme.text,
          lexeme.star || this.typing(lexeme),
          null,
          lexeme.exact,
        )
        if (node) groups.push(node)
        continue
      }
      if (lexeme.t === 'phrase') {
        const node = this.textFromPhrase(lexeme, null)
        if (node) groups.push(node)
        continue
      }
      if (lexeme.t === 'lparen') {
        // Skip nested brackets entirely.
        let open = 1
        while (this.peek() && open > 0) {
          const t = this.peek()?.t
          if (t === 'lparen') open++
          if (t === 'rparen') open--
          this.i++
        }
      }
      ignored = true
    }
    if (!closed) this.problem('NEAR( was never closed; it was closed at the end.', true)
    if (ignored) {
      this.problem(
        'NEAR( … ) takes words and "phrases" and a distance, like NEAR(coal "power plant", 10); other parts were ignored.',
      )
    }
    if (groups.length === 0) return null
    if (groups.length === 1) return groups[0] ?? null
    const node: NearNode = { kind: 'near', groups, distance, column: null }
    return node
  }
}

function example(kind: FieldKind): string {
  switch (kind.kind) {
    case 'column':
      return kind.column === 'title'
        ? 'title:climate'
        : kind.column === 'authors'
          ? 'author:smith'
          : 'source:bbc'
    case 'tag':
      return 'tag:climate'
    case 'type':
      return 'type:pdf'
    case 'lang':
      return 'lang:en'
    case 'identifier':
      return kind.id === 'doi' ? 'doi:10.1000/xyz' : `${kind.id}:9780306406157`
    case 'date':
      return `${kind.op}:2024-04`
    case 'has':
      return 'has:quotes'
  }
}

/** The form identifiers are stored in (metadata/identifiers.ts): DOIs lower-cased, ISBN/ISSN digits only. */
function normaliseIdentifierQuery(
  kind: 'doi' | 'isbn' | 'arxiv' | 'issn',
  raw: string,
): string | null {
  const v = raw.trim()
  if (!v) return null
  if (kind === 'doi') {
    const m = /10\.\d{4,9}\/\S+/.exec(v.replace(/^https?:\/\/(?:dx\.)?doi\.org\//i, ''))
    return m ? m[0].toLowerCase() : null
  }
  if (kind === 'isbn') return v.replace(/[^\dXx]/g, '').toUpperCase() || null
  if (kind === 'issn') {
    const d = v.replace(/[^\dXx]/g, '').toUpperCase()
    return d.length === 8 ? `${d.slice(0, 4)}-${d.slice(4)}` : null
  }
  return v.replace(/^arxiv:/i, '')
}

function and(children: QueryNode[]): QueryNode | null {
  if (children.length === 0) return null
  return { kind: 'and', children }
}

/** Flatten nested AND/OR, drop empty groups, unwrap single children, cancel double negation. */
export function simplify(node: QueryNode | null): QueryNode | null {
  if (!node) return null
  switch (node.kind) {
    case 'and':
    case 'or': {
      const children: QueryNode[] = []
      for (const child of node.children) {
        const s = simplify(child)
        if (!s) continue
        if (s.kind === node.kind) children.push(...s.children)
        else children.push(s)
      }
      if (children.length === 0) return null
      if (children.length === 1) return children[0] ?? null
      return { kind: node.kind, children }
    }
    case 'not': {
      const child = simplify(node.child)
      if (!child) return null
      return child.kind === 'not' ? child.child : { kind: 'not', child }
    }
    default:
      return node
  }
}

/** Parse any string into a query. Never throws. */
export function parseQuery(input: string, options: ParseOptions = {}): ParsedQuery {
  let text = typeof input === 'string' ? input : ''
  const problems: string[] = []
  if (text.length > MAX_QUERY_CHARS) {
    text = text.slice(0, MAX_QUERY_CHARS)
    problems.push(
      `The query was cut to its first ${MAX_QUERY_CHARS.toLocaleString('en')} characters.`,
    )
  }
  // Control characters and the marker sentinels are not searchable text.
  text = text.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f\uE000\uE001]/g, ' ')
  const parsed = new Parser(lex(text), text, options).parse()
  return { root: parsed.root, problems: [...problems, ...parsed.problems] }
}
