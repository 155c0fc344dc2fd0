/**
 * The spelling a page prints of a name or title that embedded metadata gives in plain ASCII: PDF Info Author
 * "Petr Olsak" where page 1 prints "Petr Olšák" (encdoc-e.pdf). Info strings are often typed without accents (old
 * tools wrote PDFDocEncoding or 7-bit strings); a citation must spell the name as the work does. Only the same words
 * in the same order are taken, differing in accents (and, for names, in case): never another name.
 */

/** Letters that carry no combining mark to drop but still stand for a plain Latin letter. */
const BASE: Record<string, string> = {
  ø: 'o',
  ł: 'l',
  đ: 'd',
  ð: 'd',
  ß: 'ss',
  æ: 'ae',
  œ: 'oe',
  ı: 'i',
  þ: 'th',
}

/** Without accents: "Olšák" → "Olsak", "Łukasz" → "Lukasz" (case kept). */
export function withoutAccents(s: string): string {
  return s
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .replace(/[øłđðßæœıþ]/g, (c) => BASE[c] ?? c)
    .replace(/[ØŁĐÐÆŒÞ]/g, (c) => (BASE[c.toLowerCase()] ?? c).toUpperCase())
    .normalize('NFC')
}

/** Lower case, no accents, words only: what two spellings of one name have in common. */
export function foldName(s: string): string {
  // Most words are plain ASCII: no normalising needed.
  const lower = s.toLowerCase()
  return (/^[\x20-\x7e]*$/.test(lower) ? lower : withoutAccents(lower))
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim()
}

const WORD = /[\p{L}\p{M}\p{N}]+(?:['’.-][\p{L}\p{M}\p{N}]+)*/gu

type Word = { text: string; start: number; end: number }

function words(s: string): Word[] {
  return [...s.matchAll(WORD)].map((m) => ({
    text: m[0],
    start: m.index ?? 0,
    end: (m.index ?? 0) + m[0].length,
  }))
}

// The page's words, kept for the next call: a title and each author are looked up in the same page.
let lastPage = ''
let lastWords: Word[] = []
function pageWords(s: string): Word[] {
  if (s !== lastPage) {
    lastPage = s
    lastWords = words(s)
  }
  return lastWords
}

/** Does a printed word fold to `folded`? Lengths first: folding every word of a page costs milliseconds. */
function sameWord(printed: string, folded: string): boolean {
  if (Math.abs(printed.length - folded.length) > 2) return false
  const c = printed.charCodeAt(0)
  // An ASCII first letter must be the folded one's.
  if (c < 0x80 && String.fromCharCode(c).toLowerCase() !== folded[0]) return false
  if (/^[A-Za-z0-9]+$/.test(printed)) return printed.toLowerCase() === folded
  return foldName(printed) === folded
}

const upper = (s: string): boolean => s === s.toUpperCase() && s !== s.toLowerCase()
const lower = (s: string): boolean => s === s.toLowerCase() && s !== s.toUpperCase()

/**
 * The page's spelling of `value` when the page prints the same words with accents the value lacks (or, with
 * `caseToo`, in mixed case where the value is all capitals or all lower case); otherwise null. The printed words
 * must follow each other with only spaces between them (a line break counts as a space).
 */
export function printedSpelling(
  value: string,
  pageText: string,
  options: { caseToo?: boolean } = {},
): string | null {
  const wanted = words(value)
  if (wanted.length === 0 || wanted.length > 30) return null
  // Plain ASCII only: a value with accents of its own was typed with care.
  if (/[^\x20-\x7e]/.test(value)) return null
  const folded = wanted.map((w) => foldName(w.text))
  const first = folded[0] ?? ''
  const page = pageWords(pageText)
  for (let i = 0; i + wanted.length <= page.length; i++) {
    if (!sameWord(page[i]?.text ?? '', first)) continue
    let same = true
    for (let k = 1; k < wanted.length && same; k++) {
      const p = page[i + k] as Word
      const gap = pageText.slice((page[i + k - 1] as Word).end, p.start)
      same = /^\s+$/.test(gap) && sameWord(p.text, folded[k] ?? '')
    }
    if (!same) continue
    const printed = wanted
      .map((w, k) => {
        const p = (page[i + k] as Word).text
        // The value's own spelling of a word, unless the page adds accents (or proper case) to it.
        if (withoutAccents(p) === w.text) return p
        if (options.caseToo && (upper(w.text) || lower(w.text)) && !upper(p) && !lower(p)) return p
        return w.text
      })
      .reduce((out, word, k) => {
        if (k === 0) return word
        const before = value.slice((wanted[k - 1] as Word).end, (wanted[k] as Word).start)
        return out + before + word
      }, '')
    const lead = value.slice(0, wanted[0]?.start ?? 0)
    const tail = value.slice(wanted[wanted.length - 1]?.end ?? value.length)
    const result = lead + printed + tail
    // Printed as the value spells it here: another place on the page may print it with its accents.
    if (result !== value) return result
  }
  return null
}
