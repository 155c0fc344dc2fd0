import Database from 'better-sqlite3'
import { describe, expect, it } from 'vitest'
import { foldCodePoint, terms, tokenize } from '../../../src/main/search/fold'
import { measureUnicode61 } from '../../../src/main/search/tools/gen-unicode61-table'
import { searchText } from '../../../src/main/text/search-text'

/** The index's own tokenization of each string, via an fts5vocab instance table. */
function indexTerms(texts: string[]): string[][] {
  const db = new Database(':memory:')
  db.exec(`CREATE VIRTUAL TABLE t USING fts5(x, tokenize='unicode61 remove_diacritics 2');
           CREATE VIRTUAL TABLE v USING fts5vocab(t, instance);`)
  const insert = db.prepare('INSERT INTO t(rowid, x) VALUES (?, ?)')
  texts.forEach((text, i) => {
    insert.run(i + 1, text)
  })
  const out: string[][] = texts.map(() => [])
  for (const row of db.prepare('SELECT doc, term FROM v ORDER BY doc, offset').all() as {
    doc: number
    term: string
  }[]) {
    out[row.doc - 1]?.push(row.term)
  }
  db.close()
  return out
}

/** Deterministic pseudo-random numbers (mulberry32) so a failure can be replayed. */
function random(seed: number): () => number {
  let a = seed
  return () => {
    a = (a + 0x6d2b79f5) | 0
    let t = Math.imul(a ^ (a >>> 15), 1 | a)
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

describe('folding matches the FTS5 index (unicode61 remove_diacritics 2)', () => {
  it('treats every code point of the BMP and the first astral plane exactly as SQLite does', () => {
    const measured = measureUnicode61(0, 0x20000)
    const wrong: string[] = []
    for (let cp = 1; cp < 0x20000; cp++) {
      if (cp >= 0xd800 && cp < 0xe000) continue
      if (foldCodePoint(cp) !== measured[cp]) wrong.push(cp.toString(16))
    }
    // When this fails after a better-sqlite3 upgrade, regenerate: see src/main/search/tools/gen-unicode61-table.ts.
    expect(wrong.slice(0, 20)).toEqual([])
  })

  it('splits and folds random mixed-script text into the same terms as the index', () => {
    const next = random(42)
    const alphabet = [
      ...'abcXYZ019 ,.-\'’"“”_/\t\n',
      'é',
      'É',
      'e\u0301',
      'ñ',
      'ß',
      'ø',
      'Œ',
      'İ',
      'ı',
      'ά',
      'Ж',
      'ё',
      '日本',
      '\u0301',
      '\u0305',
      '\uE000',
      '\uE001',
      '😀',
      '𝐀',
      'ǅ',
      '½',
      '²',
      'ﬁ',
      'ニュー',
      'の',
      '史',
      'ภาษา',
      '\u0e48',
      'γλώσσα',
      'ΐ',
      'ἀ',
      'ϑ',
      'اللغة',
      'وبال',
      'كِتَابٌ',
      'ـ',
      'ی',
      'ک',
      'أ',
      '١٢',
      '\u064e',
      'Ａ１',
      'ｶﾞ',
      '\n  ',
      '。',
    ]
    const texts: string[] = []
    for (let n = 0; n < 2000; n++) {
      let s = ''
      const length = 1 + Math.floor(next() * 24)
      for (let i = 0; i < length; i++) s += alphabet[Math.floor(next() * alphabet.length)]
      texts.push(s)
    }
    // The index is fed searchText (unchanged unless the text holds CJK, Thai or width forms: scripts.ts).
    const expected = indexTerms(texts.map(searchText))
    const mismatches = texts
      .map((text, i) => ({ text, ours: terms(text), index: expected[i] ?? [] }))
      .filter((m) => m.ours.join('|') !== m.index.join('|'))
    expect(mismatches.slice(0, 5)).toEqual([])
  })

  it('folds case, accents and typographic apostrophes the same way', () => {
    expect(terms('Café CAFÉ cafe\u0301 Naïve')).toEqual(['cafe', 'cafe', 'cafe', 'naive'])
    expect(terms("don’t don't")).toEqual(['don', 't', 'don', 't'])
    expect(terms('Mombasa–Nairobi')).toEqual(['mombasa', 'nairobi'])
  })

  it('keeps a word whole across a soft hyphen, a zero-width space or a word joiner, in queries and in the index', () => {
    const text =
      'Die Bundes\u00adregierung, Eisen\u00adbahn\u00adverbindung, foo\u200bbar, a\u2060b \u00ad end'
    const expected = ['die', 'bundesregierung', 'eisenbahnverbindung', 'foobar', 'ab', 'end']
    expect(terms(text)).toEqual(expected)
    // The index is fed the same terms (unicode61 alone would split each word there).
    expect(indexTerms([searchText(text)])[0]).toEqual(expected)
    expect(indexTerms([text])[0]).toContain('bundes')
    // Offsets still cover the word as printed, soft hyphen included (passages mark the whole word).
    const word = tokenize(text)[1]
    expect(text.slice(word?.start, word?.end)).toBe('Bundes\u00adregierung')
  })

  it('folds Greek accents like Latin ones: tonos, dialytika, polytonic marks, capitals, final sigma', () => {
    const greek = terms('γλώσσα ΓΛΏΣΣΑ Γλώσσα γλωσσα λόγος ΛΌΓΟΣ ϊ ΐ Ϋ ἀρχή ᾠδή ϑεός')
    expect(greek).toEqual([
      'γλωσσα',
      'γλωσσα',
      'γλωσσα',
      'γλωσσα',
      'λογοσ',
      'λογοσ',
      'ι',
      'ι',
      'υ',
      'αρχη',
      'ωδη',
      'θεοσ',
    ])
  })

  it('folds Arabic-script letter variants, harakat, tatweel and digits, and drops an attached article', () => {
    // Hamza-alef forms, alef maksura, Persian yeh and kaf, teh marbuta; vowel marks and tatweel inside a word.
    expect(terms('أحمد إسلام آمن ٱسم')).toEqual(terms('احمد اسلام امن اسم'))
    expect(terms('حتى فی کتاب لغة')).toEqual(terms('حتي في كتاب لغه'))
    expect(terms('كِتَابٌ كتـــاب')).toEqual(['كتاب', 'كتاب'])
    expect(terms('١٣٩٩ ۱۳۹۹')).toEqual(['1399', '1399'])
    // The article and conjunctions: a bare word is the term of its prefixed forms.
    expect(terms('اللغة واللغة باللغة لغة')).toEqual(['لغه', 'لغه', 'لغه', 'لغه'])
    expect(terms('الكتاب بالكتاب وبالكتاب والكتاب فالكتاب كالكتاب للكتاب')).toEqual(
      Array(7).fill('كتاب'),
    )
    // Not dropped: the lone prepositions, a short word's letters, a hamza alef, Allah and "now", Persian و.
    expect(terms('بيت فلسفة كتاب ولد الى إليه الله الآن ویکی یکی')).toEqual([
      'بيت',
      'فلسفه',
      'كتاب',
      'ولد',
      'الي',
      'اليه',
      'الله',
      'الان',
      'ويكي',
      'يكي',
    ])
  })

  it('reports offsets into the original text', () => {
    const text = 'Le Café, naïve.'
    expect(tokenize(text).map((t) => text.slice(t.start, t.end))).toEqual(['Le', 'Café', 'naïve'])
    const astral = '😀 𝐀bc'
    expect(tokenize(astral).map((t) => astral.slice(t.start, t.end))).toEqual(['𝐀bc'])
    const arabic = 'في كِتَابٍ، بالكتاب'
    expect(tokenize(arabic).map((t) => arabic.slice(t.start, t.end))).toEqual([
      'في',
      'كِتَابٍ',
      'بالكتاب',
    ])
  })
})
