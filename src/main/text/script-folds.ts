/**
 * Folding beyond unicode61 for Greek and Arabic-script text (Arabic, Persian, Urdu…), so a search finds a word the
 * way its readers type it. unicode61's `remove_diacritics 2` folds Latin accents only: "γλωσσα" (typed without
 * accents, as Greeks often do) missed "γλώσσα", and Arabic harakat split a word in pieces ("كِتَابٌ" → ك ت اب).
 *
 * - Greek: tonos, dialytika and the polytonic breathings, accents and iota subscript are dropped (ά ΐ ἀ ᾳ → α ι α α),
 *   as Latin accents are today (folded in index and query alike; "Café" = "cafe"). Final sigma ς is already σ in
 *   unicode61; the Greek letter symbols (ϐ ϑ ϕ ϖ ϰ ϱ ϲ ϵ) fold to their letters as NFKD does.
 * - Arabic script, as Lucene's ArabicNormalizer and PersianNormalizer do (and web search engines): hamza-alef forms
 *   أ إ آ ٱ → ا; alef maksura ى and Persian yeh ی → ي; Persian kaf ک → ك; teh marbuta ة and ۀ → ه; tatweel ـ and the
 *   harakat (fatha, kasra, damma, tanwin, shadda, sukun, superscript alef, Quranic marks) dropped inside the word;
 *   Arabic-Indic and Persian digits → 0-9, so ١٣٩٩, ۱۳۹۹ and 1399 are one number.
 * - Arabic's attached article and conjunctions: a word's prefix ال, وال, بال, كال, فال, لل or و is dropped from its
 *   term, with Lucene ArabicStemmer's length guards (a one-letter prefix only from a word of 4+ letters, any prefix
 *   only when 2+ letters remain), so "لغة" finds "اللغة", "واللغة", "باللغة". The lone prepositions ب ل ك ف are
 *   not dropped: too many words start with those letters (بيت, فلسفة, كتاب, لغة), and dropping them made unrelated
 *   words one term (measured on the Arabic Debian handbook page, tests/integration/search/arabic-greek-search.test.ts).
 *
 * The index is fed these folded terms (search-text.ts: a text holding such characters goes in as its terms), so
 * index, query, passages and find-in-document agree; foldCodePoint stays unicode61's own treatment.
 */
import { bmp, REMOVED } from './code-points'

/** The search's folding of the BMP: unicode61's, then the folds above. */
export const searchBmp = new Int32Array(bmp)

const isCombining = (c: number) => c >= 0x0300 && c <= 0x036f

function foldGreek(): void {
  const ranges: [number, number][] = [
    [0x0370, 0x03ff],
    [0x1f00, 0x1fff],
  ]
  for (const [from, to] of ranges) {
    for (let cp = from; cp <= to; cp++) {
      const folded = bmp[cp] ?? -1
      if (folded < 0) continue
      // Accents: the letter of the canonical decomposition. Letter symbols (ϑ ϕ ϲ): their compatibility letter.
      const form = cp >= 0x03d0 && cp <= 0x03f5 ? 'NFKD' : 'NFD'
      const decomposed = String.fromCharCode(folded).normalize(form)
      const base = decomposed.charCodeAt(0)
      if (decomposed.length === 1 && form === 'NFD') continue
      let marksOnly = true
      for (let k = 1; k < decomposed.length; k++)
        if (!isCombining(decomposed.charCodeAt(k))) marksOnly = false
      if (!marksOnly || base < 0x0370 || base > 0x03ff) continue
      const letter = bmp[base] ?? -1
      if (letter >= 0 && letter !== folded) searchBmp[cp] = letter
    }
  }
}

/** Arabic-script letter variants → the letter searched for. */
const ARABIC_LETTERS: readonly [number, number][] = [
  [0x0622, 0x0627], // آ
  [0x0623, 0x0627], // أ
  [0x0625, 0x0627], // إ
  [0x0671, 0x0627], // ٱ
  [0x0649, 0x064a], // ى
  [0x06cc, 0x064a], // ی
  [0x06a9, 0x0643], // ک
  [0x0629, 0x0647], // ة
  [0x06c0, 0x0647], // ۀ
]

/** Marks dropped inside an Arabic-script word (unicode61 makes most of them word breaks). */
const ARABIC_MARKS: readonly [number, number][] = [
  [0x0610, 0x061a],
  [0x0640, 0x0640], // tatweel
  [0x064b, 0x065f],
  [0x0670, 0x0670],
  [0x06d6, 0x06dc],
  [0x06df, 0x06e4],
  [0x06e7, 0x06e8],
  [0x06ea, 0x06ed],
]

function foldArabic(): void {
  for (const [from, to] of ARABIC_LETTERS) searchBmp[from] = to
  for (const [from, to] of ARABIC_MARKS) searchBmp.fill(REMOVED, from, to + 1)
  for (let d = 0; d < 10; d++) {
    searchBmp[0x0660 + d] = 0x30 + d
    searchBmp[0x06f0 + d] = 0x30 + d
  }
}

foldGreek()
foldArabic()

/** Characters whose search folding differs from unicode61's, plus the Arabic letters (their prefixes). */
export const FOLDS_FURTHER_RANGES: readonly [number, number][] = (() => {
  const out: [number, number][] = []
  let start = -1
  for (let cp = 0x80; cp <= 0x10000; cp++) {
    const changed = cp < 0x10000 && (searchBmp[cp] !== bmp[cp] || (cp >= 0x0620 && cp <= 0x064a))
    if (changed && start < 0) start = cp
    else if (!changed && start >= 0) {
      out.push([start, cp - 1])
      start = -1
    }
  }
  return out
})()

const hex = (c: number) => `\\u${c.toString(16).padStart(4, '0')}`

/** Whether a text holds such a character (so the index must be fed its terms: search-text.ts). */
export const FOLDS_FURTHER = new RegExp(
  `[${FOLDS_FURTHER_RANGES.map(([a, b]) => (a === b ? hex(a) : `${hex(a)}-${hex(b)}`)).join('')}]`,
)

const ALEF = 0x0627
const LAM = 0x0644
const WAW = 0x0648
const BEH = 0x0628
const KAF = 0x0643
const FEH = 0x0641

/** Whether a folded term starts with an Arabic letter (the only terms whose prefix may be dropped). */
export const startsArabic = (term: string): boolean => {
  const c = term.charCodeAt(0)
  return c >= 0x0620 && c <= 0x064a
}

/**
 * A folded Arabic term without its attached article or conjunction (see the header): the prefixes of Lucene's
 * ArabicStemmer, tried in its order. A conjunction و may precede another prefix ("وبالكتاب", "وللطلاب"): after it,
 * one more is tried. `original` is the word as printed: the article is written with a bare alef (ا or ٱ), so a word
 * printed with a hamza alef (إليه, ألم) keeps its first letters, although both alefs fold to ا.
 */
export function stripArabicPrefix(term: string, original: string): string {
  let bare = 0 // bit i: the i-th letter of the word is printed as a bare alef
  let i = 0
  for (let k = 0; k < original.length && i < 8; k++) {
    const c = original.charCodeAt(k)
    if ((searchBmp[c] ?? -1) === REMOVED) continue
    if (c === ALEF || c === 0x0671) bare |= 1 << i
    i++
  }
  // Persian writes its conjunction و apart ("و"), so a Persian word starting with و keeps it (یکی "one" is not
  // ویکی "wiki"). Persian-only letters tell such a word: پ چ ژ گ ک ی ۀ.
  const conjunction = !PERSIAN.test(original)
  const once = stripOnce(term, bare, conjunction)
  return once.length === term.length - 1 ? stripOnce(once, bare >> 1, false) : once
}

const PERSIAN = /[\u067e\u0686\u0698\u06af\u06a9\u06cc\u06c0]/

/** Words whose ال is part of the word, not the article: الله (Allah, not له "to him") and الآن ("now", not أن). */
const KEEP_ARTICLE = new Set(['له', 'ان'])

function stripOnce(term: string, bare: number, conjunction: boolean): string {
  const n = term.length
  const at = (i: number) => term.charCodeAt(i)
  const article = (i: number) =>
    at(i) === ALEF &&
    (bare & (1 << i)) !== 0 &&
    at(i + 1) === LAM &&
    !KEEP_ARTICLE.has(term.slice(i + 2))
  // ال, then وال بال كال فال, then لل, then و.
  if (n >= 4 && article(0)) return term.slice(2)
  if (n >= 5 && article(1) && (at(0) === WAW || at(0) === BEH || at(0) === KAF || at(0) === FEH))
    return term.slice(3)
  if (n >= 4 && at(0) === LAM && at(1) === LAM) return term.slice(2)
  if (conjunction && n >= 4 && at(0) === WAW) return term.slice(1)
  return term
}
