/**
 * Title and date from the top of a plain-text (or Markdown) body: a leading date line becomes the published date
 * and never starts the title; a first line that reads as a title is the title; otherwise the title is derived
 * from the first sentence.
 */
import type { PartialDate } from '@shared/contract'
import { leadingDateLine } from './dates'
import { oneLine } from './normalise'

export type TextMetadata = {
  title: string | null
  publishedAt: PartialDate | null
  /** The title is the first sentence (no title line was found): shown with a "title guessed" mark. */
  titleGuessed?: boolean
}

const HEAD_CHARS = 16 * 1024
const MAX_TITLE_CHARS = 200
const MAX_TITLE_WORDS = 25
const MAX_SENTENCE_TITLE = 400

/** Does this line read as a title: short, has letters, and does not end like a sentence or a clause? */
export function readsAsTitle(line: string): boolean {
  const t = line.trim()
  if (t.length < 2 || t.length > MAX_TITLE_CHARS) return false
  if (!/\p{L}/u.test(t)) return false
  if (t.split(/\s+/).length > MAX_TITLE_WORDS) return false
  if (/[.,;:]$/.test(t) && !/\b(?:[A-Z]\.){2,}$/.test(t)) return false // "U.S." may end a title
  if (/^(?:https?:\/\/|www\.)\S+$/i.test(t)) return false
  if (/^[-*+>|]\s/.test(t)) return false
  return true
}

const ABBREVIATION =
  /\b(?:Mr|Mrs|Ms|Dr|Prof|St|Sr|Jr|No|vs|etc|e\.g|i\.e|Gen|Gov|Sen|Rep|Inc|Ltd|Co|[A-Z])\.$/

/**
 * A title from the first sentence of a body, whole (a cut sentence misquotes the source). Only a "sentence" longer than
 * MAX_SENTENCE_TITLE (no sentence end found) is cut, at a word boundary, with "…".
 */
export function titleFromFirstSentence(body: string): string | null {
  // Rules ("==========" under a title, "%%%%" round a comment block) are decoration, never words of a title.
  const paragraph = (body.trim().split(/\n\s*\n/, 1)[0] ?? '')
    .split('\n')
    .filter((line) => !/^\s*([=\-*~^#+_%])\1{2,}\s*$/.test(line))
    .join('\n')
  const flat = oneLine(paragraph, 2000)
  if (!/\p{L}/u.test(flat)) return null
  // Chinese and Japanese sentence ends need no space after them.
  const re = /[.!?…](?=["'”’)\]]*(?:\s|$))|[。！？]/g
  let end = -1
  for (let m = re.exec(flat); m; m = re.exec(flat)) {
    const upTo = flat.slice(0, m.index + 1)
    if (m.index >= 10 && !ABBREVIATION.test(upTo)) {
      end = m.index
      break
    }
  }
  // A final full stop is dropped (citation styles add their own); "?" and "!" are part of the words.
  // Marks set apart round a boxed line ("* * * About the french translations … * * *") are no words either.
  const sentence = (end >= 0 ? flat.slice(0, end + 1) : flat)
    .replace(/[.]$/, '')
    .replace(/^(?:[*#=~_%|+-]+\s+)+|(?:\s+[*#=~_%|+-]+)+$/g, '')
    .trim()
  return oneLine(sentence, MAX_SENTENCE_TITLE)
}

/**
 * Look at the first lines of a text. `skipLines` lets Markdown pass a body whose heading it already used.
 */
export function textMetadata(text: string): TextMetadata {
  const head = text.slice(0, HEAD_CHARS)
  const lines = head.split('\n')
  let i = 0
  const nextNonEmpty = (from: number): number => {
    let k = from
    while (k < lines.length && (lines[k] ?? '').trim() === '') k++
    return k
  }
  i = nextNonEmpty(0)
  if (i >= lines.length) return { title: null, publishedAt: null }

  let publishedAt: PartialDate | null = null
  let firstLine = lines[i] ?? ''
  const dated = leadingDateLine(firstLine)
  let restOfLineIsBody = false
  if (dated) {
    publishedAt = dated.date
    if (dated.rest) {
      firstLine = dated.rest
      restOfLineIsBody = true
    } else {
      i = nextNonEmpty(i + 1)
      firstLine = lines[i] ?? ''
    }
  }

  // A title line: short and not a sentence, and (when it shares its line with a date) the whole line.
  const nextLine = lines[i + 1] ?? ''
  const titleLine =
    readsAsTitle(firstLine) && (!restOfLineIsBody || nextLine.trim() === '')
      ? oneLine(firstLine)
      : null

  if (titleLine && !publishedAt) {
    // A date line just under the title (speech transcripts, press releases).
    for (
      let k = nextNonEmpty(i + 1), seen = 0;
      k < lines.length && seen < 3;
      k = nextNonEmpty(k + 1), seen++
    ) {
      const d = leadingDateLine(lines[k] ?? '')
      if (d && !d.rest) {
        publishedAt = d.date
        break
      }
    }
  }
  if (titleLine) return { title: titleLine, publishedAt }

  const body = [firstLine, ...lines.slice(i + 1)].join('\n')
  const guessed = titleFromFirstSentence(body)
  return { title: guessed, publishedAt, titleGuessed: guessed !== null }
}
