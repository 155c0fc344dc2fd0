/**
 * A .docx with ruby, a simple field and a right-to-left embedding, as Word writes them (`<w:r><w:ruby>` with `<w:rt>` reading runs and `<w:rubyBase>` base runs,
 * Word's `w:rubyPr` for Japanese), for the ruby tests: the `docx` package writes the document, then each run holding
 * a placeholder word is replaced by Word's ruby markup. Text: the opening of 芥川龍之介「羅生門」(1915, public
 * domain).
 */
import { Document, Packer, Paragraph, TextRun } from 'docx'
import JSZip from 'jszip'

/** The first sentence as the stored text must read it: the base words, no readings. */
export const RASHOMON_SENTENCE =
  'ある日の暮方の事である。一人の下人が、羅生門の下で雨やみを待っていた。'

const RUBIES: Record<string, [base: string, reading: string]> = {
  RUBYONE: ['下人', 'げにん'],
  RUBYTWO: ['羅生門', 'らしょうもん'],
}

/** Word's ruby run: the outer run's properties, then the ruby (reading first, base second, as Word orders them). */
function wordRuby(base: string, reading: string): string {
  return (
    '<w:r><w:rPr><w:rFonts w:hint="eastAsia"/></w:rPr><w:ruby><w:rubyPr><w:rubyAlign w:val="distributeSpace"/>' +
    '<w:hps w:val="10"/><w:hpsRaise w:val="18"/><w:hpsBaseText w:val="21"/><w:lid w:val="ja-JP"/></w:rubyPr>' +
    `<w:rt><w:r w:rsidR="00A1"><w:rPr><w:sz w:val="10"/></w:rPr><w:t>${reading}</w:t></w:r></w:rt>` +
    `<w:rubyBase><w:r w:rsidR="00A1"><w:rPr><w:rFonts w:hint="eastAsia"/></w:rPr><w:t>${base}</w:t></w:r></w:rubyBase>` +
    '</w:ruby></w:r>'
  )
}

/** A sentence whose last word is a simple field's result (a cross-reference), as the stored text must read it. */
export const FIELD_SENTENCE = 'The figures are in Table 2 of the appendix.'
/** An English sentence holding an Arabic phrase inside Word's `<w:dir w:val="rtl">` embedding. */
export const BIDI_SENTENCE = 'The report is titled اللغة العربية in the original.'

const FIELD =
  '<w:fldSimple w:instr=" REF _Ref123 \\h "><w:r><w:t>Table 2</w:t></w:r></w:fldSimple>' +
  '<w:fldSimple w:instr=" PAGE "/>'
const BIDI =
  '<w:dir w:val="rtl"><w:r><w:rPr><w:rtl/></w:rPr><w:t xml:space="preserve">اللغة العربية</w:t></w:r></w:dir>'

export async function rubyDocx(): Promise<Buffer> {
  const doc = new Document({
    creator: 'Lectern tests',
    title: '羅生門',
    sections: [
      {
        children: [
          new Paragraph({ text: '羅生門', heading: 'Heading1' }),
          new Paragraph({
            children: [
              new TextRun('ある日の暮方の事である。一人の'),
              new TextRun('RUBYONE'),
              new TextRun('が、'),
              new TextRun('RUBYTWO'),
              new TextRun('の下で雨やみを待っていた。'),
            ],
          }),
          new Paragraph({
            children: [
              new TextRun('The figures are in '),
              new TextRun('FIELDONE'),
              new TextRun(' of the appendix.'),
            ],
          }),
          new Paragraph({
            children: [
              new TextRun('The report is titled '),
              new TextRun('BIDIONE'),
              new TextRun(' in the original.'),
            ],
          }),
        ],
      },
    ],
  })
  const zip = await JSZip.loadAsync(await Packer.toBuffer(doc))
  let xml = (await zip.file('word/document.xml')?.async('string')) ?? ''
  for (const [placeholder, [base, reading]] of Object.entries(RUBIES)) {
    const run = new RegExp(`<w:r>(?:(?!</w:r>).)*?<w:t[^>]*>${placeholder}</w:t></w:r>`, 's')
    if (!run.test(xml)) throw new Error(`no run for ${placeholder}`)
    xml = xml.replace(run, wordRuby(base, reading))
  }
  for (const [placeholder, markup] of [
    ['FIELDONE', FIELD],
    ['BIDIONE', BIDI],
  ] as const) {
    const run = new RegExp(`<w:r>(?:(?!</w:r>).)*?<w:t[^>]*>${placeholder}</w:t></w:r>`, 's')
    if (!run.test(xml)) throw new Error(`no run for ${placeholder}`)
    xml = xml.replace(run, markup)
  }
  zip.file('word/document.xml', xml)
  return zip.generateAsync({ type: 'nodebuffer' })
}
