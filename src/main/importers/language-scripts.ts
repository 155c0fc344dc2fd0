/**
 * Which letters of a text a language detector's answer speaks for: a language is written in one script (two for
 * Serbian, Kurdish, Japanese, Korean), and only the letters in that script count as text in that language. Used by
 * language.ts to weigh each slice's vote.
 */

/** The scripts each of eld's languages is written in; a language not listed is written in Latin letters. */
const SCRIPTS: Record<string, string[]> = {
  am: ['Ethiopic'],
  ar: ['Arabic'],
  be: ['Cyrillic'],
  bg: ['Cyrillic'],
  bn: ['Bengali'],
  el: ['Greek'],
  fa: ['Arabic'],
  gu: ['Gujarati'],
  he: ['Hebrew'],
  hi: ['Devanagari'],
  hy: ['Armenian'],
  ja: ['Hiragana', 'Katakana', 'Han'],
  ka: ['Georgian'],
  kn: ['Kannada'],
  ko: ['Hangul', 'Han'],
  ku: ['Latin', 'Arabic'],
  lo: ['Lao'],
  ml: ['Malayalam'],
  mr: ['Devanagari'],
  or: ['Oriya'],
  pa: ['Gurmukhi'],
  ru: ['Cyrillic'],
  sr: ['Cyrillic', 'Latin'],
  ta: ['Tamil'],
  te: ['Telugu'],
  th: ['Thai'],
  uk: ['Cyrillic'],
  ur: ['Arabic'],
  zh: ['Han'],
}

/**
 * Scripts one language alone writes among those eld knows: a slice mostly in one of them is in that language even
 * when eld calls its guess unreliable (a short Korean page naming its English authors: faqinfo.ko.html).
 */
const SOLE_LANGUAGE: [string, string][] = [
  ['Hangul', 'ko'],
  ['Hiragana', 'ja'],
  ['Katakana', 'ja'],
  ['Thai', 'th'],
  ['Greek', 'el'],
  ['Georgian', 'ka'],
  ['Armenian', 'hy'],
  ['Lao', 'lo'],
  ['Gujarati', 'gu'],
  ['Gurmukhi', 'pa'],
  ['Oriya', 'or'],
  ['Tamil', 'ta'],
  ['Telugu', 'te'],
  ['Kannada', 'kn'],
  ['Malayalam', 'ml'],
]

/**
 * A Hangul syllable is two or three letters of the alphabet (jamo): counted so, not as one Latin letter. Likewise a
 * Chinese character is most of a word (1.5 characters a word against English's 4.7 letters): 3; a kana is a
 * syllable: 2. Counted as one letter each, a Chinese manual whose code samples are in English (zhnumber.pdf) was
 * voted English.
 */
export const MAX_WEIGHT = 3
const HAN = /\p{Script=Han}/u
const KANA = /[\p{Script=Hiragana}\p{Script=Katakana}]/u
const HANGUL_FIRST = 0xac00
const HANGUL_LAST = 0xd7a3

const LETTER_OR_MARK = /[\p{L}\p{M}]/u
const scriptPattern = new Map<string, RegExp>()
function inScripts(language: string): RegExp {
  let re = scriptPattern.get(language)
  if (!re) {
    const scripts = SCRIPTS[language] ?? ['Latin']
    re = new RegExp(`[${scripts.map((s) => `\\p{Script=${s}}`).join('')}]`, 'u')
    scriptPattern.set(language, re)
  }
  return re
}

/**
 * The letters (and combining marks: an abugida's vowel signs are letters to its readers) of `slice` written in the
 * script of `language`, a Hangul syllable counting as its jamo.
 */
export function scriptVotes(slice: string, language: string): number {
  const script = inScripts(language)
  let n = 0
  for (const char of slice) {
    const point = char.codePointAt(0) as number
    if (point < 128) {
      // ASCII letters are Latin: a vote only for a language written in Latin letters.
      if ((point | 32) >= 97 && (point | 32) <= 122 && script.test(char)) n++
      continue
    }
    if (point >= HANGUL_FIRST && point <= HANGUL_LAST) {
      if (script.test(char)) n += (point - HANGUL_FIRST) % 28 === 0 ? 2 : 3
      continue
    }
    if (LETTER_OR_MARK.test(char) && script.test(char))
      n += point < 0x3040 ? 1 : HAN.test(char) ? 3 : KANA.test(char) ? 2 : 1
  }
  return n
}

const SOLE_SCRIPTS = SOLE_LANGUAGE.map(([script, language]) => ({
  re: new RegExp(`\\p{Script=${script}}`, 'u'),
  language,
}))

/** The language whose own script holds at least half the letters of `slice`, if there is one (SOLE_LANGUAGE). */
export function soleLanguageOfScript(slice: string): string | null {
  const counts = new Map<string, number>()
  let letters = 0
  for (const char of slice) {
    if (char.charCodeAt(0) < 128) {
      if (/[A-Za-z]/.test(char)) letters++
      continue
    }
    if (!LETTER_OR_MARK.test(char)) continue
    letters++
    const sole = SOLE_SCRIPTS.find((s) => s.re.test(char))
    if (sole) counts.set(sole.language, (counts.get(sole.language) ?? 0) + 1)
  }
  for (const [language, n] of counts) if (2 * n >= letters) return language
  return null
}

/** Whether `text` holds a character beyond Latin, IPA and general punctuation (a letter of another script may). */
export const beyondLatin = (text: string): boolean => BEYOND_LATIN.test(text)
const BEYOND_LATIN = /[^\u0000-\u024f\u1e00-\u1eff\u2000-\u206f]/

export const writtenInLatin = (language: string): boolean =>
  !SCRIPTS[language] || language === 'sr' || language === 'ku'

/**
 * The words of `slice` in no script of `language` (Cyrillic words in a slice read as English), spaces between them,
 * or null when there are none.
 */
export function otherScriptText(slice: string, language: string): string | null {
  // A slice in Latin letters only has no other script's words for a language written in Latin (most slices).
  if (writtenInLatin(language) && !beyondLatin(slice)) return null
  const own = inScripts(language)
  const words = slice.split(/\s+/).filter((w) => /[\p{L}]/u.test(w))
  const foreign = words.filter((w) => {
    const first = /\p{L}/u.exec(w)?.[0]
    return first !== undefined && !own.test(first)
  })
  if (foreign.length === 0) return null
  return foreign.join(' ')
}
