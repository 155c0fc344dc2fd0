/**
 * The language of a document that does not declare one, so `lang:` works and citations carry the right `language`.
 *
 * Library chosen by measurement (2026-12, Debian's project history in 10 translations + Debian Reference in
 * Chinese; paragraphs written in another script than the translation's dropped; 431 short samples of 60 characters
 * (20 for Chinese and Japanese), 105 long ones of 500–3,000):
 *   eld 2.1.0 (small database)   short 87.0 %   long 92.4 %   0.07 / 0.66 ms per text
 *   eld 2.1.0 (extra-small)      short 85.8 %   long 92.4 %   0.09 / 0.16 ms
 *   eld 2.1.0 (medium database)  short 87.0 %   long 92.4 %   0.30 / 0.48 ms
 *   tinyld 1.3.4                 short 79.6 %   long 91.4 %   1.67 / 1.79 ms
 *   franc-min 6.2.0              short 65.2 %   long 87.6 %   0.94 / 5.40 ms (no Lithuanian)
 * Most remaining "errors" are English paragraphs left untranslated in the translations. eld (Apache-2.0, no
 * dependencies) it is, with its extra-small database (see load below).
 *
 * A document with several languages gets its main one: up to SAMPLES slices spread over the text are detected
 * separately and each answer votes with the letters written in its language's script (see detectLanguage).
 * Measured 2026-12-07 against 3 slices voting with all their letters, on 1,383 texts whose folder says their language
 * (the Debian Administrator's Handbook in 25 languages, every 6th page; the Debian FAQ in Korean, Russian, Japanese
 * and Chinese; maint-guide-ru; developers-reference-ru; 699 English READMEs of /usr/share/doc): right 894 → 951,
 * 82 answers changed: 66 to the right one, 9 from it (code-heavy handbook pages whose prose is French, Russian,
 * Chinese…, now English), no English README changed; 0.33 → 0.79 ms per text (median).
 * Lines of code are left out of each slice (withoutCode), on the same 1,383 texts (2026-12-07): right 960 → 968,
 * 9 answers changed, each to the folder's language (8 right, one Indonesian page now Malay rather than English), no
 * English README changed; 0.43 → 0.38 ms per text (median).
 */
type Eld = typeof import('eld/extrasmall').eld
let detector: Promise<Eld> | null = null
/**
 * eld ships as ES modules only: loaded with import(), once per thread, on the first document without a declared
 * language: in the main process for small imports, in each import worker for bulk ones (pipeline.ts,
 * WORKER_LANGUAGE_FILES: there its load counts against the first such file's 60 s time limit and fits the worker's
 * memory ceiling). The extra-small database: 31–32 MB of heap and ~1.5–2 s to load on a loaded 2-core machine
 * (small: 52 MB, 3.3 s), same accuracy on long texts (92.4 %), 85.8 % on short ones.
 */
const load = (): Promise<Eld> => {
  detector ??= import('eld/extrasmall').then((m) => m.eld)
  return detector
}

import { malayOrIndonesian } from './indonesian'
import {
  beyondLatin,
  MAX_WEIGHT,
  otherScriptText,
  scriptVotes,
  soleLanguageOfScript,
  writtenInLatin,
} from './language-scripts'
import { setField } from './metadata/provenance'
import type { ExtractedFile } from './types'

const SAMPLES = 8
const LATIN_SAMPLES = 5
const SLICE = 1000
/** Fewer letters than this and no language is claimed: a guess on a title-sized text is wrong too often. */
const MIN_LETTERS = 24

/** Fill in the language of an extracted file that declares none; a failure only leaves it unknown. */
export async function detectMissingLanguage(file: ExtractedFile): Promise<void> {
  if (file.language) return
  try {
    const language = await detectLanguage(file.text)
    // Through setField, so the provenance says "detected" and a person's correction is never replaced.
    if (language && setField(file, 'language', language, { origin: 'detected', confidence: 0.8 })) {
      file.languageSource = 'detected'
    }
  } catch {
    // Unknown language: `lang:` will not find it, nothing else changes.
  }
}

/**
 * The main language of `text`: up to SAMPLES slices spread over it (a licence appended in English left out, see
 * ownText) are detected separately, and each answer votes with the letters of the slice written in that language's
 * script (scriptVotes). A Russian manual whose slices mix Cyrillic prose with English commands, or a Korean page
 * with untranslated English paragraphs, is then not outvoted by the Latin letters of a slice eld calls English.
 */
export async function detectLanguage(
  text: string,
  options: { everySlice?: boolean } = {},
): Promise<string | null> {
  const eld = await load()
  const own = ownText(text)
  const votes = new Map<string, number>()
  // Slices read, and how many each language had votes from: the winner needs two of them once three are read (winner).
  let read = 0
  const slicesOf = new Map<string, number>()
  // A text in Latin letters only samples as before scripts were weighed: 3 slices. Its languages differ in words, not
  // in script, and 8 slices cost a long English text 5 detections instead of 2 (import 10–15 % slower).
  const samples = beyondLatin(own) ? SAMPLES : LATIN_SAMPLES
  const step = Math.max(SLICE, Math.floor(own.length / samples))
  for (let at = 0; at < own.length && votes.size < 32; at += step) {
    // The slices left cannot change the answer: skip them (a long text's first slices usually agree).
    if (!options.everySlice && decided(votes, slicesOf, read, own, at, step)) break
    const slice = withoutCode(presentationFormsUnfolded(own.slice(at, at + SLICE)))
    if (countLetters(slice) < MIN_LETTERS) continue
    read++
    const voted = new Set<string>()
    const result = eld.detect(slice)
    const language =
      result.language && result.isReliable() ? result.language : soleLanguageOfScript(slice)
    if (!language) continue
    if (vote(votes, language, scriptVotes(slice, language))) voted.add(language)
    // The slice's letters in another script (Cyrillic prose around English commands) speak for their own language.
    const other = otherScriptText(slice, language)
    if (other && countLetters(other) >= MIN_LETTERS) {
      const inner = eld.detect(other)
      const its =
        inner.language && inner.isReliable() ? inner.language : soleLanguageOfScript(other)
      if (its && its !== language && vote(votes, its, scriptVotes(other, its))) voted.add(its)
    }
    for (const l of voted) slicesOf.set(l, (slicesOf.get(l) ?? 0) + 1)
  }
  const found = winner(votes, slicesOf, read)
  // eld has no Indonesian: its Malay may be either.
  return found === 'ms' ? malayOrIndonesian(own) : found
}

/**
 * Arabic presentation forms (ﺷﻤﺲ for شمس: the glyphs some PDFs map their text to, samplebook.pdf, lshort-persian)
 * as the letters they show: eld knows only the letters, and read no language in such a text.
 */
function presentationFormsUnfolded(slice: string): string {
  return /[\uFB50-\uFDFF\uFE70-\uFEFF]/.test(slice) ? slice.normalize('NFKC') : slice
}

/** A word of code: a path, an option, a variable, a file name, a call ("/etc/apt", "--purge", "$HOME", "a.conf"). */
const CODE_WORD = /[/\\_=<>{}|$@#~`[\]]|^--?\w|\w\.\w|\(\)/
/** A shell prompt opening a line ("$ ", "# ", "user@host:~$ "). */
const PROMPT = /^\s*(?:[$#%>]|[\w.-]+@[\w.-]+[^\s]*[$#])\s/

/**
 * A line of code, a command or its output: in ASCII (prose in another script never is), and a prompt, or mostly
 * symbols and digits, or a third of its words code words. A translated manual keeps these in English, and a slice of
 * French prose between command listings was read as English (the Debian Administrator's Handbook).
 */
function codeLine(line: string): boolean {
  // A long line with several sentence or clause breaks is prose (most lines of most texts: tested first, cheaply).
  if (line.length > 120 && line.split('. ', 4).length + line.split(', ', 4).length > 5) return false
  if (!/^[\x00-\x7f]*$/.test(line)) return false
  const words = line.split(/\s+/).filter(Boolean)
  if (words.length === 0) return false
  if (PROMPT.test(line)) return true
  const letters = line.replace(/[^A-Za-z]/g, '').length
  if (letters < 0.6 * words.join('').length) return true
  return 3 * words.filter((w) => CODE_WORD.test(w)).length >= words.length
}

/** What every line of code holds at least one of (prose rarely does): a slice without any has none to leave out. */
const CODE_HINT = /[/\\_=<>{}|$@#~`[\]]|--|\(\)|^\s*%/m

/** The slice without its lines of code (the slice itself when nothing but code is in it). */
function withoutCode(slice: string): string {
  if (!CODE_HINT.test(slice)) return slice
  const lines = slice.split('\n')
  const prose = lines.filter((line) => !codeLine(line))
  if (prose.length === lines.length) return slice
  const kept = prose.join('\n')
  return countLetters(kept) >= MIN_LETTERS ? kept : slice
}

function vote(votes: Map<string, number>, language: string, n: number): boolean {
  if (n > 0) votes.set(language, (votes.get(language) ?? 0) + n)
  return n > 0
}

/**
 * The language with the most votes; but a language of another script than Latin wins over a Latin-script one when
 * it has at least a third of its votes. A translated manual keeps commands, code, file names and untranslated terms
 * in English (Debian's Russian, Arabic, Japanese pages: a third to a half of their letters), while an English text
 * rarely quotes a third of its length in Cyrillic, Arabic or CJK. No language when the winner has votes from one
 * slice of three or more: in a table of glyph names (urwcyr.txt) eld calls one slice of four Catalan. (A third of
 * the slices was too much: a TeX package's documentation, English prose between code, lost its English.)
 */
function winner(
  votes: ReadonlyMap<string, number>,
  slicesOf: ReadonlyMap<string, number>,
  read: number,
): string | null {
  const ranked = [...votes.entries()].sort((a, b) => b[1] - a[1])
  const [best] = ranked
  if (!best) return null
  const other = writtenInLatin(best[0])
    ? ranked.find(([language]) => !writtenInLatin(language))
    : undefined
  const [language] = other && 3 * other[1] >= best[1] ? other : best
  return read >= 3 && (slicesOf.get(language) ?? 0) < 2 ? null : language
}

/**
 * The text without a GNU licence printed in full after it (GFDL, GPL, LGPL: "Everyone is permitted to copy and
 * distribute verbatim copies of this license document" opens all of them). Only the English text is official, so a
 * Marathi or Russian manual carries it untranslated, often longer than the manual itself (chhaya.pdf: 2 pages of
 * Marathi, 6 of GFDL). Cut ~400 characters before that sentence (the licence's title and version lines) when what
 * is left still holds enough letters; a text that is only a licence is detected whole.
 */
function ownText(text: string): string {
  const at = text.search(/Everyone is permitted to copy and distribute verbatim copies/i)
  if (at < 0) return text
  const before = text.slice(0, Math.max(0, at - 400))
  return countLetters(before) >= 10 * MIN_LETTERS ? before : text
}

/**
 * True when the winner stays the answer whatever the slices from `at` on vote (a slice gives one language at most a
 * vote per UTF-16 unit, MAX_WEIGHT where it holds Hangul, Han or kana, and none to a language of another script than
 * Latin where it holds no letter beyond Latin): the leading language's votes exceed every other language's (or a new
 * one's) by more than those left; when it is written in Latin letters, no language of another script can reach a
 * third of them; and it had votes from two slices if three or more may be read. So the result is exactly that of
 * detecting every slice. Per 1,000 White House .txt files (English, 13,600 characters on average; 2026-12-07, same
 * run): 0.27 ms each with 3 slices before scripts were weighed, 1.44 ms with 8 slices and a bound of MAX_WEIGHT per
 * character, 0.52 ms now (5 slices for Latin-only text, these bounds). Accuracy over the 1,383 texts of the header:
 * 960 right (964 when every text takes 8 slices).
 */
function decided(
  votes: ReadonlyMap<string, number>,
  slicesOf: ReadonlyMap<string, number>,
  read: number,
  text: string,
  at: number,
  step: number,
): boolean {
  // The most votes the slices left can give one language: a vote per character, MAX_WEIGHT per character only in a
  // slice holding Hangul, Han or kana (counting every character at MAX_WEIGHT kept an English text reading 7 of its 8
  // slices: import 10–15 % slower). The test is instant on text without such characters (a class above Latin-1).
  // And the most a language of another script than Latin can gain: nothing from slices without such letters.
  let left = 0
  let leftNonLatin = 0
  let slices = 0
  for (let next = at; next < text.length; next += step, slices++) {
    const slice = text.slice(next, next + SLICE)
    left += WEIGHTED.test(slice) ? MAX_WEIGHT * slice.length : slice.length
    if (beyondLatin(slice)) leftNonLatin += MAX_WEIGHT * slice.length
  }
  const ranked = [...votes.entries()].sort((a, b) => b[1] - a[1])
  const [best, second] = ranked
  if (!best || best[1] <= (second?.[1] ?? 0) + left) return false
  if (read + slices >= 3 && (slicesOf.get(best[0]) ?? 0) < 2) return false
  if (!writtenInLatin(best[0])) return true
  const other = ranked.find(([language]) => !writtenInLatin(language))?.[1] ?? 0
  return 3 * (other + leftNonLatin) < best[1]
}

/** The characters scriptVotes counts as more than one letter (language-scripts.ts): Hangul, Han, kana. */
const WEIGHTED =
  /[\u1100-\u11ff\u3040-\u30ff\u3131-\u318e\u3400-\u4dbf\u4e00-\u9fff\ua960-\ua97f\uac00-\ud7ff\uf900-\ufaff]|[\ud840-\ud8bf][\udc00-\udfff]/

const LETTER = /^\p{L}$/u

/**
 * Letters (code points of category L) in `text`, as `text.match(/\p{L}/gu).length` counts them, without making an
 * array of one-letter strings: ASCII is tested by its code, anything else by the same Unicode property.
 */
export function countLetters(text: string): number {
  let n = 0
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i)
    if (c < 128) {
      if ((c | 32) >= 97 && (c | 32) <= 122) n++
      continue
    }
    const point = text.codePointAt(i) as number
    if (point > 0xffff) i++
    if (LETTER.test(String.fromCodePoint(point))) n++
  }
  return n
}
