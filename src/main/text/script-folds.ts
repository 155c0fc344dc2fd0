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

/**
 * Invisible characters inside words, which unicode61 makes word breaks: the soft hyphen (U+00AD, where a long word
 * may break: German pages mark it in most compounds, "Bundes&shy;regierung"), the zero-width space (U+200B, left
 * inside words by editors and CMSs) and the word joiners (U+2060, U+FEFF). The page prints one word, so "Bundesregierung"
 * must find it; they are dropped from the term. Not in FOLDS_FURTHER_RANGES below (migration 0190 re-indexes for
 * them); indexSplits finds them with indexOf (scripts.ts).
 */
export const INVISIBLE_IN_WORDS: readonly number[] = [0x00ad, 0x200b, 0x2060, 0xfeff]

/** Whether a text holds one of INVISIBLE_IN_WORDS (indexOf: a Latin-1 class would make V8 scan English text). */
export function hasInvisibleInWords(text: string): boolean {
  for (const cp of INVISIBLE_IN_WORDS) if (text.indexOf(String.fromCharCode(cp)) >= 0) return true
  return false
}

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

// After FOLDS_FURTHER_RANGES: those ranges (and migration 0180's class) stay the Greek and Arabic-script folds.
for (const cp of INVISIBLE_IN_WORDS) searchBmp[cp] = REMOVED

/** 1 for the characters of FOLDS_FURTHER_RANGES. */
const furtherTable = new Uint8Array(0x10000)
for (const [from, to] of FOLDS_FURTHER_RANGES) furtherTable.fill(1, from, to + 1)

/** The blocks holding them (Greek, Arabic, Greek Extended): a class of three ranges keeps V8's scan of English fast. */
const BLOCKS = /[\u0370-\u03ff\u0600-\u06ff\u1f00-\u1fff]/

/**
 * Whether a text holds a character the search folds beyond unicode61 (so the index must be fed its terms:
 * search-text.ts). A regex with every range of the table scanned English text 3.5x slower (tokenizer-scripts bench).
 */
export function foldsFurther(text: string): boolean {
  const at = text.search(BLOCKS)
  if (at < 0) return false
  for (let i = at; i < text.length; i++) if (furtherTable[text.charCodeAt(i)] === 1) return true
  return false
}

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
 * one more is tried. `text.slice(start, end)` is the word as printed: the article is written with a bare alef (ا or
 * ٱ), so a word printed with a hamza alef (إليه, ألم) keeps its first letters, although both alefs fold to ا.
 */
export function stripArabicPrefix(term: string, text: string, start: number, end: number): string {
  if (term.length < 4) return term
  const first = term.charCodeAt(0)
  if (
    first !== ALEF &&
    first !== WAW &&
    first !== BEH &&
    first !== KAF &&
    first !== FEH &&
    first !== LAM
  )
    return term
  let bare = 0 // bit i: the i-th letter of the word (i < 3) is printed as a bare alef
  let persian = false
  for (let k = start, i = 0; k < end; k++) {
    const c = text.charCodeAt(k)
    if ((searchBmp[c] ?? -1) === REMOVED) continue
    if (i < 3 && (c === ALEF || c === 0x0671)) bare |= 1 << i
    // Persian writes its conjunction و apart ("و"), so a Persian word starting with و keeps it (یکی "one" is not
    // ویکی "wiki"). Persian-only letters tell such a word: پ چ ژ گ ک ی ۀ.
    if (
      c === 0x067e ||
      c === 0x0686 ||
      c === 0x0698 ||
      c === 0x06af ||
      c === 0x06a9 ||
      c === 0x06cc ||
      c === 0x06c0
    )
      persian = true
    i++
    if (i >= 3 && first !== WAW) break
  }
  const once = stripOnce(term, bare, !persian)
  return once.length === term.length - 1 ? stripOnce(once, bare >> 1, false) : once
}

/** Words whose ال is part of the word, not the article: الله (Allah, not له "to him") and الآن ("now", not أن). */
const KEEP_ARTICLE = new Set(['له', 'ان'])

/** Whether `term` has the article ال at `i`: a bare alef, a lam, and not الله or الآن (KEEP_ARTICLE). */
function articleAt(term: string, i: number, bare: number): boolean {
  if (term.charCodeAt(i) !== ALEF || (bare & (1 << i)) === 0 || term.charCodeAt(i + 1) !== LAM)
    return false
  return term.length - i - 2 !== 2 || !KEEP_ARTICLE.has(term.slice(i + 2))
}

function stripOnce(term: string, bare: number, conjunction: boolean): string {
  const n = term.length
  const first = term.charCodeAt(0)
  // ال, then وال بال كال فال, then لل, then و.
  if (n >= 4 && articleAt(term, 0, bare)) return term.slice(2)
  if (
    n >= 5 &&
    (first === WAW || first === BEH || first === KAF || first === FEH) &&
    articleAt(term, 1, bare)
  )
    return term.slice(3)
  if (n >= 4 && first === LAM && term.charCodeAt(1) === LAM) return term.slice(2)
  if (conjunction && n >= 4 && first === WAW) return term.slice(1)
  return term
}
