/**
 * How a document's stem pairs cross from the import worker that stemmed it to the main thread that writes them: as
 * numbers in a dictionary each worker builds as it goes, a pair's text crossing once per worker instead of once per
 * document that holds it. The White House .txt files hold ~290 pairs each but ~30,000 distinct pairs in all: the
 * worker no longer joins ~1 M `stem\tword` strings, nor the main thread splits them and hashes each against the pairs
 * already stored (its stem-pairs-writer.ts loop took ~10 % of the main thread's import time, 2026-12-06 profile); the
 * main thread's copies of a dictionary's keys are the same strings every time, whose hashes V8 keeps.
 *
 * The main thread records a dictionary's new keys when the worker's answer arrives (the worker pool's message
 * handler, in the order the worker sent them), before and whether or not the file is ever written, so a later file
 * naming an earlier file's pairs always finds them. A dictionary it does not hold (evicted, or a key missing) makes
 * the writer stem the text again (file-stems.ts): slower, never wrong.
 */
import { randomUUID } from 'node:crypto'
import type { FileStems } from './types'

/** A pair as the writer keys it: `stem\tword` (both folded letters: never a tab or a newline). */
export const pairKey = (pair: readonly string[]): string => `${pair[0]}\t${pair[1]}`

/** Pairs per dictionary before its worker starts another: bounds both sides' memory (~20 bytes a pair). */
const DICTIONARY_LIMIT = 200_000

// The worker's side: pair (stemPairs returns the same array for a pair each time) → its number.
let dictionary = randomUUID()
let numbers = new Map<readonly string[], number>()

/** A document's pairs as this thread's dictionary numbers them, defining the pairs it meets for the first time. */
export function encodePairs(language: string, pairs: readonly (readonly string[])[]): FileStems {
  if (numbers.size + pairs.length > DICTIONARY_LIMIT) {
    dictionary = randomUUID()
    numbers = new Map()
  }
  const first = numbers.size
  const define: string[] = []
  const ids = new Uint32Array(pairs.length)
  for (let i = 0; i < pairs.length; i++) {
    const pair = pairs[i] as readonly string[]
    let id = numbers.get(pair)
    if (id === undefined) {
      id = numbers.size
      numbers.set(pair, id)
      define.push(pairKey(pair))
    }
    ids[i] = id
  }
  return { language, dictionary, first, define: define.join('\n'), ids }
}

// The main thread's side: dictionary → its keys by number. A few at once: one per live worker, and replacements.
const KEPT_DICTIONARIES = 6
const received = new Map<string, string[]>()

/** Record the pairs a worker's answer defines (call as each answer arrives, in order). */
export function receivePairs(stems: FileStems): void {
  let keys = received.get(stems.dictionary)
  if (!keys) {
    keys = []
    received.set(stems.dictionary, keys)
    for (const old of received.keys()) {
      if (received.size <= KEPT_DICTIONARIES) break
      received.delete(old)
    }
  }
  if (stems.define === '') return
  const defined = stems.define.split('\n')
  for (let k = 0; k < defined.length; k++) keys[stems.first + k] = defined[k] as string
}

/** The document's pair keys, or null when a pair is not known here (the caller stems the text itself). */
export function pairKeys(stems: FileStems): string[] | null {
  const keys = received.get(stems.dictionary)
  if (!keys) return null
  const out = new Array<string>(stems.ids.length)
  for (let i = 0; i < stems.ids.length; i++) {
    const key = keys[stems.ids[i] as number]
    if (key === undefined) return null
    out[i] = key
  }
  return out
}
