/** Glyph-level repairs of pdf.js text: ligature code points unfolded, TeX's two-glyph accents composed. */

/** Ligature code points folded into letters, so "ﬁnd" is searchable and quotable as "find". */
const LIGATURES: Record<string, string> = {
  ﬀ: 'ff',
  ﬁ: 'fi',
  ﬂ: 'fl',
  ﬃ: 'ffi',
  ﬄ: 'ffl',
  ﬅ: 'st',
  ﬆ: 'st',
}

export const unfoldLigatures = (text: string): string =>
  text.replace(/[\ufb00-\ufb06]/g, (l) => LIGATURES[l] ?? l)

/**
 * TeX sets an accented letter as two glyphs, the spacing accent and then the letter ("f¨ ugt" for "fügt"): put the
 * accent back on its letter as the combining mark and compose (NFC), as poppler does. Only spacing accents that have
 * no other use in running text are joined, and only onto a following letter.
 */
const COMBINING: Record<string, string> = {
  '¨': '\u0308',
  '´': '\u0301',
  ˆ: '\u0302',
  '˜': '\u0303',
  '¯': '\u0304',
  '˘': '\u0306',
  '˙': '\u0307',
  '˚': '\u030a',
  '˝': '\u030b',
  ˇ: '\u030c',
}

export const composeAccents = (text: string): string =>
  text.replace(/([¨´ˆ˜¯˘˙˚˝ˇ]) ?(\p{L})/gu, (_m, accent: string, letter: string) =>
    `${letter}${COMBINING[accent] ?? ''}`.normalize('NFC'),
  )
