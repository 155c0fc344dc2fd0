/**
 * Escaping for every text format Lectern writes. Quote text, notes, titles and citation fields are untrusted: an
 * export must show them as text, never as markup, links or spreadsheet formulas (SECURITY.md §5).
 */
import type { Run } from '../citations/rich-text'

const HTML_ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
}

/** Text → HTML text or attribute value. */
export const escapeHtml = (text: string): string =>
  text.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c] ?? c)

/** Runs → HTML with only our own tags. */
export function runsToHtml(runs: readonly Run[]): string {
  return runs
    .map((r) => {
      let html = escapeHtml(r.text)
      if (r.smallCaps) html = `<span style="font-variant:small-caps">${html}</span>`
      if (r.superscript) html = `<sup>${html}</sup>`
      if (r.subscript) html = `<sub>${html}</sub>`
      if (r.bold) html = `<b>${html}</b>`
      if (r.italic) html = `<i>${html}</i>`
      return html
    })
    .join('')
}

/** Characters that are markup anywhere in a CommonMark/GFM line. */
const MD_INLINE = /[\\`*_[\]<>|~&]/g
/** Constructs that are markup only at the start of a line: headings, lists, quotes, rules, setext underlines. */
const MD_LINE_START = /^(\s*)([#+\-=>]|\d+[.)])/

/**
 * Text → Markdown that renders as exactly this text: inline markup characters are backslash-escaped (CommonMark
 * allows that for any ASCII punctuation) and so are line-start constructs. Newlines are kept.
 */
export function escapeMarkdown(text: string): string {
  return text
    .split('\n')
    .map((line) =>
      line
        .replace(MD_INLINE, (c) => `\\${c}`)
        .replace(MD_LINE_START, (_m, space: string, mark: string) =>
          /^\d/.test(mark)
            ? `${space}${mark.slice(0, -1)}\\${mark.slice(-1)}`
            : `${space}\\${mark}`,
        ),
    )
    .join('\n')
}

/** Runs → Markdown: escaped text, `*italic*` and `**bold**` (whitespace kept outside the markers). */
export function runsToMarkdown(runs: readonly Run[]): string {
  return runs
    .map((r) => {
      const text = escapeMarkdown(r.text)
      if (!r.italic && !r.bold) return text
      const m = /^(\s*)(.*?)(\s*)$/s.exec(text)
      const [lead, body, trail] = [m?.[1] ?? '', m?.[2] ?? text, m?.[3] ?? '']
      if (!body) return text
      const mark = r.bold && r.italic ? '***' : r.bold ? '**' : '*'
      return `${lead}${mark}${body}${mark}${trail}`
    })
    .join('')
}

/** A cell that a spreadsheet would run as a formula, DDE or command when it starts this way. */
const FORMULA_START = /^[=+\-@\t\r\u0000]/

/**
 * One RFC 4180 field. Strings starting with `=`, `+`, `-`, `@`, tab, CR or NUL get a leading `'` (OWASP's formula
 * injection advice; quoting alone does not help, spreadsheets evaluate after unquoting); then fields with a quote,
 * comma or line break are quoted with inner quotes doubled.
 */
export function csvField(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return ''
  let text = String(value)
  if (typeof value === 'string' && FORMULA_START.test(text)) text = `'${text}`
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text
}

/** One CSV record, CRLF-terminated as RFC 4180 says. */
export const csvRecord = (fields: readonly (string | number | null | undefined)[]): string =>
  `${fields.map(csvField).join(',')}\r\n`
