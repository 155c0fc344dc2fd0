/**
 * PDF metadata weighed against the first page, as a reader sees it: the largest type near the top is the title, the
 * name lines under it (affiliations, e-mail and URL lines skipped) are the authors, a date line under them is the
 * date. The Info dictionary and XMP are believed when the page agrees (their title or an author's surname is on the
 * page); generic values ("Microsoft Word - draft.docx", logins, tool names) are dropped. The creation date is a file
 * stamp unless its year is printed on the first pages. Only the first pages are ever read here.
 */
import type { PartialDate } from '@shared/contract'
import { parseDate } from '../dates'
import { oneLine } from '../normalise'
import type { ExtractedDocument } from '../types'
import { cleanName, looksLikeName, splitAuthors } from './authors'
import { type Candidate, candidate, setBest } from './provenance'
import { dateInLine } from './text-head'

/** A positioned run of text on page 1 (what pdf.ts calls a fragment). */
export type PageFragment = { text: string; x: number; right: number; y: number; size: number }

export type PdfEmbedded = {
  title: string | null
  author: string | null
  creationDate: string | null
  xmpDate: string | null
}

const JUNK_TITLE =
  /^(?:untitled|microsoft (?:word|powerpoint|excel)\b|document\d*$|slide \d+$|presentation\d*$|\s*$)|\.(?:docx?|pptx?|pdf|tex|dvi|indd|qxd|rtf|odt)$/i

/**
 * The largest type on page 1 that is not the work's title: a section heading ("Contents of this document" in
 * amsfndoc.pdf), or the labels of a figure-only page ("R R a" in transistor.pdf). Numbered headings ("1 TeX
 * distributions") are left alone: "10 Years of Debian" is a title too.
 */
const SECTION_HEADING =
  /^(?:(?:table of )?contents(?: of this (?:document|manual|book))?|abstract|introduction|preface|foreword|acknowledge?ments?|index|summary|overview)$/i
export function notATitle(title: string): boolean {
  // A word of three letters, or any character of a script written without spaces ("数学" is a title).
  return (
    SECTION_HEADING.test(title.trim()) ||
    !/\p{L}{3}|[\p{sc=Han}\p{sc=Hiragana}\p{sc=Katakana}\p{sc=Hangul}\p{sc=Thai}]/u.test(title)
  )
}

const AFFILIATION =
  /\b(?:universit|institut|department|dept\.|laborator|college|school|centre|center|inc\.?$|ltd|gmbh|corporation|faculty|academy|hospital|@|https?:|www\.)/i

/** The LaTeX logos come out of pdf.js as spaced capitals ("L AT EX", "T EX"). */
export function tidyLogos(s: string): string {
  return s
    .replace(/\bL\s*A\s*T\s*E\s*X\b/g, 'LaTeX')
    .replace(/\b(pdf|Xe|Lua|e|)T\s*E\s*X\b/g, (_m, p: string) => `${p}TeX`)
    .replace(/\s*[∗⋆†‡]+\s*$/u, '')
    .replace(/\s+/g, ' ')
    .trim()
}

const fold = (s: string): string =>
  tidyLogos(s)
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim()

type Line = { text: string; y: number; size: number }

/**
 * Fragments → visual lines, top to bottom. A fragment belongs to a line when its baseline is within half the line's
 * type size (raised and lowered letters of logos stay on their line), and a line's fragments are read left to right.
 */
function toLines(fragments: PageFragment[]): Line[] {
  const groups: { y: number; size: number; parts: PageFragment[] }[] = []
  for (const f of [...fragments].sort((a, b) => b.size - a.size)) {
    const group = groups.find((g) => Math.abs(g.y - f.y) <= 0.5 * g.size)
    if (group) group.parts.push(f)
    else groups.push({ y: f.y, size: f.size, parts: [f] })
  }
  return groups
    .sort((a, b) => b.y - a.y)
    .map((g) => {
      const parts = g.parts.sort((a, b) => a.x - b.x)
      let text = ''
      let right = Number.NEGATIVE_INFINITY
      for (const p of parts) {
        const gap = p.x - right
        text += text && gap > 0.15 * g.size ? ` ${p.text}` : p.text
        right = Math.max(right, p.right)
      }
      return { text: tidyLogos(text), y: g.y, size: g.size }
    })
    .filter((l) => /\S/.test(l.text))
}

type Layout = { title: string | null; authors: string[]; date: PartialDate | null }

/** Title, authors and date from the layout of page 1. */
export function firstPageLayout(fragments: PageFragment[]): Layout {
  const none: Layout = { title: null, authors: [], date: null }
  const lines = toLines(fragments).slice(0, 40)
  const worded = lines.filter((l) => /\p{L}{2}/u.test(l.text))
  if (worded.length === 0) return none
  // The body size: the size most characters on the page are set in.
  const chars = new Map<number, number>()
  for (const l of worded)
    chars.set(Math.round(l.size), (chars.get(Math.round(l.size)) ?? 0) + l.text.length)
  const body = [...chars.entries()].sort((a, b) => b[1] - a[1])[0]?.[0] ?? 10
  // The title: the first run of the largest type in the top part of the page, clearly bigger than the body text.
  const top = worded.slice(0, 15)
  const biggest = Math.max(...top.map((l) => l.size))
  if (biggest < body * 1.15) return none
  const start = lines.findIndex((l) => Math.abs(l.size - biggest) < 0.5 && /\p{L}{2}/u.test(l.text))
  let end = start
  while (end + 1 < lines.length && Math.abs((lines[end + 1]?.size ?? 0) - biggest) < 0.5) end++
  const title = oneLine(
    lines
      .slice(start, end + 1)
      .map((l) => l.text)
      .join(' '),
    300,
  )
  // Under the title: names, then maybe a date; stop at the first line of prose or a heading.
  const authors: string[] = []
  let date: PartialDate | null = null
  for (const line of lines.slice(end + 1, end + 10)) {
    const text = line.text.trim()
    const dated = dateInLine(text)
    if (dated && (dated.keyword || text.length <= dated.date.length + 12)) {
      date = dated.date
      break
    }
    if (AFFILIATION.test(text)) continue
    const words = text.split(/\s+/)
    if (
      words.length > 10 ||
      /[.:;]$/.test(text) ||
      /^(?:abstract|introduction|contents|\d+(?:\.\d+)*\s)/i.test(text)
    )
      break
    for (const name of splitAuthors(text))
      if (looksLikeName(name) && name.split(/\s+/).length >= 2 && !authors.includes(name))
        authors.push(name)
  }
  return { title: title.length >= 3 ? tidyLogos(title) : null, authors, date }
}

/** Weigh the PDF's embedded metadata against page 1 and set title, authors and date with their provenance. */
export function applyPdfMetadata(
  doc: ExtractedDocument,
  embedded: PdfEmbedded,
  fragments: PageFragment[],
  firstPagesText: string,
): void {
  const pageFold = ` ${fold(firstPagesText.slice(0, 20_000))} `
  const layout = firstPageLayout(fragments)

  const infoTitle =
    embedded.title && !JUNK_TITLE.test(embedded.title) ? oneLine(embedded.title, 500) : null
  const titleOnPage = infoTitle !== null && pageFold.includes(` ${fold(infoTitle)} `)
  setBest(doc, 'title', [
    infoTitle
      ? candidate(
          infoTitle,
          'embedded',
          titleOnPage ? 0.9 : 0.6,
          titleOnPage ? 'PDF Info Title, printed on page 1' : 'PDF Info Title',
        )
      : null,
    layout.title && !notATitle(layout.title)
      ? candidate(layout.title, 'text', 0.8, 'first page, largest type')
      : null,
  ])

  const infoAuthors = splitAuthors(embedded.author).filter((a) => cleanName(a) !== null)
  const surnameOnPage = infoAuthors.some((a) => {
    const last = fold(a).split(' ').pop()
    return !!last && pageFold.includes(` ${last} `)
  })
  // The same people in both: the page prints them as a reader sees them (order, accents, one name per person),
  // where Info may run two into one ("…, Khaled Hosny \040Elie Roux" in luatex-hyphen.pdf).
  const surname = (name: string): string => fold(name).split(' ').pop() ?? ''
  const infoFold = ` ${fold(embedded.author ?? '')} `
  const layoutFold = ` ${layout.authors.map(fold).join(' ')} `
  const sameNames =
    infoAuthors.length > 0 &&
    layout.authors.length > 0 &&
    infoAuthors.every((a) => layoutFold.includes(` ${surname(a)} `)) &&
    layout.authors.every((a) => infoFold.includes(` ${surname(a)} `))
  setBest(
    doc,
    'authors',
    [
      infoAuthors.length > 0
        ? candidate(
            infoAuthors,
            'embedded',
            surnameOnPage ? 0.9 : 0.55,
            surnameOnPage ? 'PDF Info Author, printed on page 1' : 'PDF Info Author',
          )
        : null,
      layout.authors.length > 0
        ? sameNames
          ? candidate(
              layout.authors,
              'text',
              0.92,
              'first page, under the title (the PDF Info Author names them too)',
            )
          : candidate(layout.authors, 'text', 0.75, 'first page, under the title')
        : null,
    ],
    (a) => a.length > 0,
  )

  const created = parseDate(embedded.creationDate) ?? parseDate(embedded.xmpDate)
  const createdYearPrinted =
    created !== null && new RegExp(`(?<!\\d)${created.slice(0, 4)}(?!\\d)`).test(firstPagesText)
  const dates: (Candidate<PartialDate> | null)[] = [
    layout.date ? candidate(layout.date, 'text', 0.85, 'first page, under the title') : null,
    created && createdYearPrinted
      ? candidate(created, 'embedded', 0.45, 'PDF creation date (its year is printed on page 1)')
      : null,
  ]
  setBest(doc, 'publishedAt', dates)
  if (created && !(created && createdYearPrinted)) doc.fileDate = created
}
