/**
 * A document's stem pairs computed where it is extracted (the import worker), so the main thread, which writes every
 * document and is the import's bottleneck, only writes them (stem-pairs-writer.ts). Profiled on the 3,458 White House
 * .txt files (pool of 2, 2026-12-06): stemming on the main thread was 7.8 s of its 48 s busy.
 */
import { stemLanguage, stemPairs } from '../text/stemming'
import { encodePairs, pairKey, pairKeys } from './stem-dictionary'
import type { ExtractedFile, FileStems } from './types'

/** The pairs of the file's title and text in its language; undefined when the language has no stemmer. */
export function fileStems(
  file: Pick<ExtractedFile, 'language' | 'title' | 'text'>,
): FileStems | undefined {
  const { language } = file
  if (!language || !stemLanguage(language)) return undefined
  return encodePairs(language, stemPairs(language, [file.title, file.text]))
}

/**
 * The keys of a document's pairs: those computed at extraction when they are for exactly these fields and this thread
 * received their dictionary, else computed now (a re-import keeping a person's title or language, or a language
 * detected after extraction).
 */
export function stemKeys(
  file: Pick<ExtractedFile, 'title' | 'text' | 'stems'> | undefined,
  language: string,
  title: string | null,
  text: string | null,
): string[] {
  const stems = file?.stems
  if (stems && stems.language === language && file.title === title && file.text === text) {
    const keys = pairKeys(stems)
    if (keys) return keys
  }
  return stemPairs(language, [title, text]).map(pairKey)
}
