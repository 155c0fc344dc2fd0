import { describe, expect, it } from 'vitest'
import { foldCodePoint } from '../../../src/main/text/code-points'
import { tokenize } from '../../../src/main/text/fold'
import { searchBmp } from '../../../src/main/text/script-folds'
import { hasSpecial, indexSplits, needsSplitting } from '../../../src/main/text/scripts'

describe('which texts the index splits beyond unicode61', () => {
  it('agrees, character by character, with the tokenizer (every BMP code point)', () => {
    const differ: string[] = []
    for (let cp = 0x80; cp < 0x10000; cp++) {
      if (cp >= 0xd800 && cp < 0xe000) continue
      // Split by scripts.ts, folded beyond unicode61 (script-folds.ts), or an Arabic letter (its prefix dropped).
      const differs =
        needsSplitting(cp) || searchBmp[cp] !== foldCodePoint(cp) || (cp >= 0x0620 && cp <= 0x064a)
      if (indexSplits(String.fromCharCode(cp)) !== differs) differ.push(cp.toString(16))
    }
    expect(differ).toEqual([])
  })

  it('splits Hangul into bigrams but does not count it as a script written without spaces', () => {
    expect(indexSplits('현재 데비안은')).toBe(true)
    expect(hasSpecial('현재 데비안은')).toBe(false)
    expect(tokenize('데비안은').map((t) => t.term)).toEqual(['데비', '비안', '안은', '은'])
    // A line wrap between two Korean phrases stays a word break (Korean puts spaces between phrases).
    expect(tokenize('데비\n안').map((t) => t.term)).toEqual(['데비', '비', '안'])
  })
})
