/**
 * Language detection on real documents that declare no language and mix scripts (trial of eleven scripts): a Russian
 * FAQ whose title page and untranslated paragraphs are English, a short Korean page naming its English authors, a
 * Marathi manual followed by the GFDL in English. Extracted by the real extractors, detected by the real eld.
 */
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { extractFile } from '../../../src/main/importers/extract'
import { detectLanguage } from '../../../src/main/importers/language'
import { scriptVotes, soleLanguageOfScript } from '../../../src/main/importers/language-scripts'

const FIXTURES = join(__dirname, '../../fixtures/documents')
const LIMITS = { maxFileBytes: 20_000_000, maxZipBytes: 50_000_000, maxZipEntries: 10_000 }
const textOf = async (file: string): Promise<string> =>
  (await extractFile(join(FIXTURES, file), LIMITS)).text

describe('detectLanguage on documents in two scripts', () => {
  it('a Russian TXT with an English title page and English passages is Russian (was English)', async () => {
    expect(await detectLanguage(await textOf('debian/debian-faq.ru.txt'))).toBe('ru')
  })

  it('a short Korean page naming English authors is Korean (was unknown: eld unsure)', async () => {
    expect(await detectLanguage(await textOf('debian/debian-faq-faqinfo.ko.html'))).toBe('ko')
  })

  it('a Marathi PDF followed by the GFDL in English is Marathi (was English)', async () => {
    expect(await detectLanguage(await textOf('texlive/chhaya.pdf'))).toBe('mr')
  })

  it('English stays English, with or without a licence or a few foreign words', async () => {
    for (const file of ['debian/manifesto.en.html', 'debian/maint-guide-first.en.html']) {
      expect(await detectLanguage(await textOf(file)), file).toBe('en')
    }
  })
})

describe('script votes', () => {
  it('count only the letters of the language’s script, a Hangul syllable as its jamo', () => {
    expect(scriptVotes('apt-get 패키지', 'ko')).toBe(2 + 2 + 2)
    expect(scriptVotes('한글', 'ko')).toBe(3 + 3)
    expect(scriptVotes('apt-get пакет', 'ru')).toBe(5)
    expect(scriptVotes('apt-get пакет', 'en')).toBe(6)
    expect(scriptVotes('छाया', 'mr')).toBe(4)
  })

  it('a script one language alone writes decides only when it holds half the letters', () => {
    expect(soleLanguageOfScript('이 FAQ의 초판은 Dassen이 만들고 유지했습니다')).toBe('ko')
    expect(soleLanguageOfScript('The Korean word 초판 in an English sentence')).toBeNull()
    expect(soleLanguageOfScript('Свободное программное обеспечение')).toBeNull()
  })
})
