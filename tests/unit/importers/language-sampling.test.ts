/**
 * Language detection stops early when the slices left cannot change its answer (src/main/importers/language.ts), and
 * counts letters without a regex match array. Both must give exactly what detecting every slice gave: checked here
 * against that algorithm, written out as it was, on real texts in many languages and on mixtures where slices
 * disagree.
 */
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { countLetters, detectLanguage } from '../../../src/main/importers/language'

const FIXTURES = join(__dirname, '../../fixtures/documents')

/** detectLanguage without the early stop: every slice detected. */
const everySlice = (text: string): Promise<string | null> =>
  detectLanguage(text, { everySlice: true })

/** The fixtures' plain texts (text, Markdown, HTML source: detection only sees characters). */
function realTexts(): { name: string; text: string }[] {
  const out: { name: string; text: string }[] = []
  for (const folder of ['debian', 'whitehouse', 'python']) {
    for (const name of readdirSync(join(FIXTURES, folder))) {
      if (!/\.(txt|md|html|rst)$/.test(name)) continue
      out.push({
        name: `${folder}/${name}`,
        text: readFileSync(join(FIXTURES, folder, name), 'utf8'),
      })
    }
  }
  return out
}

describe('countLetters', () => {
  it('counts what /\\p{L}/gu matches, astral letters, marks and lone surrogates included', () => {
    const samples = [
      'The President, 2014: "We will win."',
      'Ça déjà vu — naïve façade',
      'Свободное программное обеспечение',
      '自由软件と日本語のテキスト、ｶﾀｶﾅ',
      'ภาษาไทย มีสระ และวรรณยุกต์',
      '𝒜𝓁𝓅𝒽𝒶 𠀀𠀁 emoji 😀 and combining é',
      'lone \ud800 high and \udc00 low surrogates',
      'ﬁ ligature, ǅ titlecase, ª ordinal',
      '',
    ]
    for (const text of [...samples, ...realTexts().map((t) => t.text.slice(0, 5000))]) {
      expect(countLetters(text), text.slice(0, 40)).toBe(text.match(/\p{L}/gu)?.length ?? 0)
    }
  })
})

describe('detectLanguage', () => {
  it('gives what detecting every slice gave, on real texts of every length', async () => {
    let compared = 0
    for (const { name, text } of realTexts()) {
      // Whole documents, and cuts of them: short texts have one slice, long ones stop early.
      for (const length of [80, 900, 2500, 4000, 12000, text.length]) {
        const part = text.slice(0, length)
        expect(await detectLanguage(part), `${name} at ${length}`).toBe(await everySlice(part))
        compared++
      }
    }
    expect(compared).toBeGreaterThan(60)
  })

  it('gives what detecting every slice gave where slices disagree', async () => {
    const texts = realTexts().filter((t) => t.text.length > 3000)
    const languages = new Set<string | null>()
    for (const a of texts.slice(0, 8)) {
      for (const b of texts.slice(0, 8)) {
        if (a === b) continue
        // Two documents end to end, in proportions that make the last slice decide or not.
        for (const [n, m] of [
          [2000, 1200],
          [3000, 3000],
          [1500, 4000],
        ] as const) {
          const mixed = `${a.text.slice(0, n)}\n\n${b.text.slice(0, m)}`
          const expected = await everySlice(mixed)
          languages.add(expected)
          expect(await detectLanguage(mixed), `${a.name} + ${b.name} (${n}/${m})`).toBe(expected)
        }
      }
    }
    expect(languages.size).toBeGreaterThan(3)
  })
})

describe('lines of code', () => {
  const listing = [
    '$ dpkg-source -x package_1.2-3.dsc',
    'dpkg-source: info: extracting package in package-1.2',
    '$ ls -l package-1.2/debian/',
    '-rw-r--r-- 1 rhertzog rhertzog 1240 Jan 12 10:35 changelog',
    '-rw-r--r-- 1 rhertzog rhertzog 2104 Jan 12 10:35 control',
    '$ apt-get source --download-only package=1.2-3',
    'Get:1 http://deb.debian.org/debian bookworm/main package 1.2-3 (dsc) [1,234 B]',
  ].join('\n')

  it('leave German between English command listings German (the real page that was not: fixtures.test.ts)', async () => {
    const german = [
      'Ein Quellpaket besteht gewöhnlich aus drei Dateien, einer .dsc-, einer .orig.tar.gz- und einer .debian.tar.xz-Datei.',
      'Sie erlauben es, Binärpakete für die gewünschten Rechnerarchitekturen zu erzeugen.',
      listing,
      listing,
      'Die Datei ist eine kurze Textdatei, die das Quellpaket beschreibt und angibt, welche anderen Dateien dazugehören.',
      listing,
      listing,
    ].join('\n')
    expect(await detectLanguage(german)).toBe('de')
  })

  it('leave English prose English, and a text of code alone is still read', async () => {
    const english = [
      'A source package is usually made of three files, which allow building binary packages for any architecture.',
      listing,
      'The file is a short text file which describes the source package and lists the other files it is made of.',
      listing,
    ].join('\n')
    expect(await detectLanguage(english)).toBe('en')
    expect(await detectLanguage(`${listing}\n${listing}\n${listing}`)).not.toBeNull()
  })
})
