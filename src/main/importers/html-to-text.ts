/**
 * HTML → the plain text that search, quotes and offsets refer to. A streaming walk (htmlparser2 callbacks, no DOM,
 * no recursion), so 100,000 nested elements cost no stack. Block elements separate paragraphs with a blank line,
 * list items and table rows with a newline; whitespace collapses except inside <pre>. Records where headings and
 * elements with an id begin, for tables of contents.
 */
import { Parser } from 'htmlparser2'

export type HeadingMark = { level: number; title: string; offset: number }

export type HtmlText = {
  text: string
  headings: HeadingMark[]
  /** Offset in `text` where the element with each id begins (first occurrence). */
  ids: Map<string, number>
}

const PARAGRAPH = new Set([
  'p',
  'div',
  'section',
  'article',
  'main',
  'header',
  'footer',
  'aside',
  'nav',
  'blockquote',
  'figure',
  'figcaption',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'ul',
  'ol',
  'dl',
  'table',
  'pre',
  'hr',
  'address',
  'details',
  'summary',
  'fieldset',
  'body',
  'center',
])
const LINE = new Set(['li', 'tr', 'dt', 'dd', 'caption', 'thead', 'tbody', 'tfoot'])
const CELL = new Set(['td', 'th'])
/**
 * Never text: scripts and the like, and ruby's readings (`<rt>`, with the brackets `<rp>` shows where ruby is not
 * supported). Readings glued into the words they gloss ("羅生門らしょうもんの下で") made the sentence unfindable and
 * its quotes untrue; the reader still shows them over the words (text-map.ts leaves them out of the alignment).
 */
const SKIP = new Set([
  'rt',
  'rp',
  'script',
  'style',
  'template',
  'noscript',
  'head',
  'title',
  'iframe',
  'object',
  'svg',
  'math',
])
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g

/**
 * Convert HTML to plain text (already clean: no control characters, no trailing spaces, `\n` line ends).
 * `equations`: the linear text of each equation, for `<math data-eq="i">` (DOCX, see extractors/omml.ts).
 */
export function htmlToText(html: string, equations: readonly string[] = []): HtmlText {
  const out: string[] = []
  let length = 0
  let pendingBreak = 0 // 0 none, 1 newline, 2 blank line
  let pendingSpace = false
  let atLineStart = true
  let skipDepth = 0
  let preDepth = 0
  const headings: HeadingMark[] = []
  const ids = new Map<string, number>()
  let pendingIds: string[] = []
  let heading: { level: number; parts: string[]; offset: number } | null = null
  let blockMath = false

  const push = (s: string): void => {
    out.push(s)
    length += s.length
    atLineStart = s.endsWith('\n')
  }
  const flushSeparators = (): void => {
    if (length > 0 && pendingBreak > 0) {
      const sep = pendingBreak === 2 ? (atLineStart ? '\n' : '\n\n') : atLineStart ? '' : '\n'
      if (sep) push(sep)
    } else if (pendingSpace && !atLineStart && length > 0) push(' ')
    pendingBreak = 0
    pendingSpace = false
    if (pendingIds.length > 0) {
      for (const id of pendingIds) if (!ids.has(id)) ids.set(id, length)
      pendingIds = []
    }
    if (heading && heading.offset < 0) heading.offset = length
  }
  const breakAtLeast = (n: number): void => {
    if (n > pendingBreak) pendingBreak = n
  }

  /** Text outside <pre> collapses its whitespace; inside, it is kept as is. */
  const emitText = (raw: string): void => {
    let s = raw
    CONTROL.lastIndex = 0
    if (CONTROL.test(s)) s = s.replace(CONTROL, '')
    if (s.includes('\r')) s = s.replace(/\r\n?/g, '\n')
    if (preDepth > 0) {
      if (s.length === 0) return
      flushSeparators()
      push(s)
      heading?.parts.push(s)
      return
    }
    s = s.replace(/[ \t\n\f]+/g, ' ')
    if (s === '' || (s === ' ' && (atLineStart || pendingBreak > 0))) {
      if (s === ' ') pendingSpace = true
      return
    }
    if (s.startsWith(' ')) {
      pendingSpace = true
      s = s.slice(1)
    }
    let trailing = false
    if (s.endsWith(' ')) {
      trailing = true
      s = s.slice(0, -1)
    }
    if (s.length > 0) {
      flushSeparators()
      push(s)
      heading?.parts.push(s)
    }
    if (trailing) pendingSpace = true
  }

  const parser = new Parser(
    {
      onopentag(name, attrs) {
        if (skipDepth > 0) {
          skipDepth++
          return
        }
        if (name === 'math') {
          // An equation's text is its linear form, in place (a MathML element's own text is not: `a/b` shows as a
          // fraction of two mi elements).
          blockMath = attrs.display === 'block'
          if (blockMath) breakAtLeast(1)
          const linear = attrs['data-eq'] ? equations[Number(attrs['data-eq'])] : undefined
          if (linear) emitText(linear)
        }
        if (SKIP.has(name)) {
          skipDepth++
          return
        }
        if (attrs.id) pendingIds.push(attrs.id)
        if (name === 'br') {
          pendingBreak = pendingBreak >= 1 ? 2 : 1
          if (pendingBreak === 1 && atLineStart && length > 0) pendingBreak = 2
          return
        }
        if (name === 'pre') preDepth++
        if (PARAGRAPH.has(name)) breakAtLeast(2)
        else if (LINE.has(name)) breakAtLeast(1)
        else if (CELL.has(name)) pendingSpace = true
        const level = /^h([1-6])$/.exec(name)
        if (level) heading = { level: Number(level[1]), parts: [], offset: -1 }
      },
      ontext(raw) {
        if (skipDepth > 0) return
        emitText(raw)
      },
      onclosetag(name) {
        if (skipDepth > 0) {
          skipDepth--
          // A display equation stands on its own line.
          if (skipDepth === 0 && name === 'math' && blockMath) breakAtLeast(1)
          return
        }
        if (name === 'pre' && preDepth > 0) preDepth--
        if (PARAGRAPH.has(name)) breakAtLeast(2)
        else if (LINE.has(name)) breakAtLeast(1)
        else if (CELL.has(name)) pendingSpace = true
        if (heading && /^h[1-6]$/.test(name)) {
          const title = heading.parts.join(' ').replace(/\s+/g, ' ').trim()
          if (title && heading.offset >= 0)
            headings.push({
              level: heading.level,
              title: title.slice(0, 300),
              offset: heading.offset,
            })
          heading = null
        }
      },
    },
    { decodeEntities: true, lowerCaseTags: true, recognizeSelfClosing: true },
  )
  parser.write(html)
  parser.end()
  return { text: out.join(''), headings, ids }
}

/** Tag depth of an HTML string without building a DOM (htmlparser2 closes implied tags). */
export function htmlDepth(html: string, stopAt = Number.POSITIVE_INFINITY): number {
  let depth = 0
  let max = 0
  const parser = new Parser(
    {
      onopentag() {
        depth++
        if (depth > max) max = depth
        if (max > stopAt) parser.pause()
      },
      onclosetag() {
        depth--
      },
    },
    { decodeEntities: false, lowerCaseTags: true },
  )
  parser.write(html)
  parser.end()
  return max
}
