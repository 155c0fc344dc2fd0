/**
 * Dates printed with Gregorian month names in Devanagari, Arabic, Persian and Thai script, in their own digits
 * (src/main/importers/dates.ts). Only what the page prints: a Thai Buddhist-era year becomes its CE year, a Hijri
 * date gives no date at all, an impossible day gives none.
 */
import { describe, expect, it } from 'vitest'
import { dateAtStart, parseDate } from '../../../src/main/importers/dates'
import { genericTitle } from '../../../src/main/importers/metadata/finish'
import { firstPageLayout, logicalOrder } from '../../../src/main/importers/metadata/pdf-first-page'
import { headMetadata } from '../../../src/main/importers/metadata/text-head'

describe('dates in Devanagari, Arabic, Persian and Thai', () => {
  it('reads the Gregorian day in the script’s own digits', () => {
    expect(parseDate('०८ डिसेंबर, २०२१')).toBe('2021-12-08') // Marathi (chhaya.pdf's title page)
    expect(parseDate('१५ अगस्त १९४७')).toBe('1947-08-15') // Hindi
    expect(parseDate('٢٥ ديسمبر ٢٠٢١')).toBe('2021-12-25') // Arabic-Indic digits
    expect(parseDate('۱۲ دسامبر ۲۰۲۲')).toBe('2022-12-12') // Persian digits, Persian name of December
    expect(parseDate('30 เมษายน 2017')).toBe('2017-04-30') // thaienum.pdf: a CE year
    expect(parseDate('मई 2020')).toBe('2020-05')
  })

  it('turns a Thai Buddhist-era year into its CE year, and keeps a CE one', () => {
    expect(parseDate('16 ธันวาคม พ.ศ. 2566')).toBe('2023-12-16')
    expect(parseDate('16 ธันวาคม 2566')).toBe('2023-12-16')
    expect(parseDate('๑๖ ธันวาคม ๒๕๖๖')).toBe('2023-12-16')
    expect(parseDate('5 มีนาคม ค.ศ. 2020')).toBe('2020-03-05')
  })

  it('reads Levantine month names, Thai abbreviations and Arabic presentation forms', () => {
    expect(parseDate('١٦ كانون الأول ٢٠٠٦')).toBe('2006-12-16')
    expect(parseDate('١٦ ﻛﺎﻧﻮن اﻷول ٢٠٠٦')).toBe('2006-12-16') // samplebook.pdf's text, presentation forms
    expect(parseDate('4 تشرين الثاني 1999')).toBe('1999-11-04')
    expect(parseDate('3 ม.ค. 2567')).toBe('2024-01-03')
    // The length is that of the text as given, so what follows the date is cut where it starts.
    expect(dateAtStart('١٦ ﻛﺎﻧﻮن اﻷول ٢٠٠٦ x')?.length).toBe('١٦ ﻛﺎﻧﻮن اﻷول ٢٠٠٦'.length)
  })

  it('gives no date for a Hijri date or an impossible day, rather than a wrong one', () => {
    expect(parseDate('٤ ذو القعدة ١٤٤٢')).toBeNull() // arabic-book.pdf
    expect(parseDate('12 مه 1401')).toBeNull() // a solar Hijri year beside a Gregorian month name
    expect(parseDate('31 फरवरी 2020')).toBeNull()
    expect(dateAtStart('मेरा 2020')).toBeNull() // "मे" (May) only as a whole word
  })
})

describe('titles in scripts with vowel signs', () => {
  it('a Devanagari word is a word: its vowel signs count as letters', () => {
    expect(genericTitle('छाया')).toBe(false)
    expect(genericTitle('R R a')).toBe(true)
  })

  it('the largest type on page 1 is the title even when each letter carries a mark', () => {
    const layout = firstPageLayout([
      { text: 'छाया', x: 250, right: 290, y: 760, size: 17.2 },
      { text: 'निरंजन', x: 245, right: 295, y: 730, size: 12 },
      ...Array.from({ length: 12 }, (_, i) => ({
        text: 'भाषावैज्ञानिक लेखनात अपरिचित भाषांतील उदाहरणांची छाया देणे ही एक अनिवार्य गोष्ट आहे.',
        x: 100,
        right: 500,
        y: 650 - 12 * i,
        size: 9,
      })),
    ])
    expect(layout.title).toBe('छाया')
  })

  it('a byline label before the names under the title is not part of a name (lshort-zh-cn: "英文作者：")', () => {
    const layout = firstPageLayout([
      { text: '一份（不太）简短的 LaTeX 2ε 介绍', x: 150, right: 450, y: 700, size: 20.7 },
      { text: '英文作者： Tobias Oetiker', x: 220, right: 380, y: 640, size: 12 },
      {
        text: 'Hubert Partl, Irene Hyna and Elisabeth Schlegl',
        x: 180,
        right: 420,
        y: 625,
        size: 12,
      },
      ...Array.from({ length: 12 }, (_, i) => ({
        text: '本文介绍 LaTeX 的基本用法，适合初学者阅读。这一段是正文，用于确定正文字号。',
        x: 100,
        right: 500,
        y: 560 - 12 * i,
        size: 10,
      })),
    ])
    expect(layout.authors).toEqual([
      'Tobias Oetiker',
      'Hubert Partl',
      'Irene Hyna',
      'Elisabeth Schlegl',
    ])
  })
})

describe('bylines in scripts without capitals', () => {
  const authorsOf = (text: string): string[] | undefined => headMetadata(text).authors?.value

  it('reads the name after a Thai, Marathi, Arabic or Persian byline label', () => {
    expect(authorsOf('แพ็กเกจ thaienum\n\nโดย อภพงศ์ จันทร์ทอง\n\nเนื้อหา')).toEqual(['อภพงศ์ จันทร์ทอง'])
    expect(authorsOf('छाया\n\nलेखक: निरंजन\n\nसारांश')).toEqual(['निरंजन'])
    expect(authorsOf('شمس النهار\n\nتأليف: توفيق الحكيم\n\nنص')).toEqual(['توفيق الحكيم'])
    expect(authorsOf('راهنما\n\nنویسنده: وفا خلیقی\n\nمتن')).toEqual(['وفا خلیقی'])
  })

  it('takes no name from a sentence that opens with the same letters', () => {
    // "โดยทั่วไป" is "in general": Thai writes no space between words.
    expect(authorsOf('หัวข้อ\n\nโดยทั่วไป ระบบ\n\nเนื้อหา')).toBeUndefined()
    expect(authorsOf('Title\n\nby the way this is text\n\nbody')).toBeUndefined()
  })
})

describe('a version’s date labelled in Marathi', () => {
  it('reads "आवृत्ती: ०.६ (१६ डिसेंबर, २०२१)" under the title as the date of that version', () => {
    // aalok's README.txt (texlive-lang-other), its Marathi block.
    const head = headMetadata(
      'आलोक\n\nलाटेक्-वर्ग:         आलोक\nलेखक:            निरंजन\nआवृत्ती:            ०.६ (१६ डिसेंबर, २०२१)\nवर्णन:             आलोक मराठी नियतकालिकाच्या अक्षरजुळणीकरिता लाटेक्-वर्ग.\n',
    )
    expect(head.date?.value).toBe('2021-12-16')
    expect(head.authors?.value).toEqual(['निरंजन'])
  })
})

describe('a PDF title in the order its glyphs were drawn', () => {
  it('puts a Devanagari pre-base vowel sign back after its consonants', () => {
    expect(logicalOrder('िमस पाल')).toBe('मिस पाल') // xetex-misspaal.pdf
    expect(logicalOrder('िस्त थ')).toBe('स्ति थ') // after a whole conjunct
    expect(logicalOrder('छाया')).toBe('छाया')
  })

  it('refuses vocalised Arabic given left to right rather than cite it reversed', () => {
    expect(logicalOrder('ِفاَّلَع ٱْل ِلْيَذُه ٱْل ي َأِب ُةَجاَجَد')).toBeNull() // al-Jahiz.pdf
    expect(logicalOrder('دَجاجَةُ أَبي ٱلْهُذَيْلِ ٱلْعَلّافِ')).toBe('دَجاجَةُ أَبي ٱلْهُذَيْلِ ٱلْعَلّافِ')
  })
})
