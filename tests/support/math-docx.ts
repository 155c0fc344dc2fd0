/**
 * Real .docx files with Office Math, written by the `docx` package as Word writes them (`m:oMath` inside the
 * paragraph, between ordinary runs), for the equation tests. The hostile one carries markup and links where a
 * converter might copy them into the reader.
 */
import {
  Document,
  ExternalHyperlink,
  MathFraction,
  MathRun,
  MathSubScript,
  MathSum,
  MathSuperScript,
  Math as OfficeMath,
  Packer,
  Paragraph,
  TextRun,
} from 'docx'

/** The sentence around the inline equation `x=2`, as the stored text must read it. */
export const INLINE_SENTENCE = 'The bound is tight where x=2 holds for every admissible solution.'

/** A short paper: inline equations inside sentences, and one display equation. */
export async function inlineMathDocx(): Promise<Buffer> {
  const doc = new Document({
    creator: 'Lectern tests',
    title: 'Bounds on admissible solutions',
    sections: [
      {
        children: [
          new Paragraph({ text: 'Bounds on admissible solutions', heading: 'Heading1' }),
          new Paragraph({
            children: [
              new TextRun('The bound is tight where '),
              new OfficeMath({ children: [new MathRun('x=2')] }),
              new TextRun(' holds for every admissible solution.'),
            ],
          }),
          new Paragraph({
            children: [
              new TextRun('Its mean is '),
              new OfficeMath({
                children: [
                  new MathFraction({
                    numerator: [new MathRun('a+b')],
                    denominator: [new MathRun('2')],
                  }),
                ],
              }),
              new TextRun(', and the squares add up to '),
              new OfficeMath({
                children: [
                  new MathSum({
                    subScript: [new MathRun('k=1')],
                    superScript: [new MathRun('n')],
                    children: [
                      new MathSuperScript({
                        children: [
                          new MathSubScript({
                            children: [new MathRun('x')],
                            subScript: [new MathRun('k')],
                          }),
                        ],
                        superScript: [new MathRun('2')],
                      }),
                    ],
                  }),
                ],
              }),
              new TextRun(' in every case we measured.'),
            ],
          }),
        ],
      },
    ],
  })
  return Packer.toBuffer(doc)
}

/** Markup and links inside equations: text that looks like HTML, a `javascript:` link around a math run. */
export async function hostileMathDocx(word: string): Promise<Buffer> {
  const doc = new Document({
    title: `Hostile equations ${word}`,
    sections: [
      {
        children: [
          new Paragraph({ text: `Hostile equations ${word}`, heading: 'Heading1' }),
          new Paragraph({
            children: [
              new TextRun(`The ${word} equation `),
              new OfficeMath({
                children: [
                  new MathRun('<img src=x onerror="top.__pwned=1">'),
                  new MathRun('"><script>top.__pwned=1</script>'),
                  new MathFraction({
                    numerator: [new MathRun('<svg onload=top.__pwned=1>')],
                    denominator: [new MathRun('2')],
                  }),
                ],
              }),
              new TextRun(' is shown as text.'),
            ],
          }),
          new Paragraph({
            children: [
              new TextRun('A linked equation '),
              new ExternalHyperlink({
                link: 'javascript:top.__pwned=1',
                children: [new TextRun('link')],
              }),
              new TextRun(' stays inert.'),
            ],
          }),
        ],
      },
    ],
  })
  const bytes = await Packer.toBuffer(doc)
  return linkInsideEquation(bytes)
}

/**
 * The `docx` package cannot put a hyperlink inside an equation; Word can (the Latin Modern test file has one). Move
 * the paragraph's hyperlink into the equation and give the equation's `m:chr` a quote-breaking value.
 */
async function linkInsideEquation(bytes: Buffer): Promise<Buffer> {
  const { default: JSZip } = await import('jszip')
  const zip = await JSZip.loadAsync(bytes)
  const file = zip.file('word/document.xml')
  if (!file) throw new Error('no document.xml')
  let xml = await file.async('string')
  const link = /<w:hyperlink\b[\s\S]*?<\/w:hyperlink>/.exec(xml)?.[0]
  if (!link) throw new Error('no hyperlink to move')
  const mathLink = link.replace(/<w:r>[\s\S]*<\/w:r>/, '<m:r><m:t>linked</m:t></m:r>')
  xml = xml.replace(
    '</m:oMath>',
    `${mathLink}<m:d><m:dPr><m:begChr m:val="&quot;&gt;&lt;img src=x onerror=top.__pwned=1&gt;"/></m:dPr><m:e><m:r><m:t>y</m:t></m:r></m:e></m:d></m:oMath>`,
  )
  zip.file('word/document.xml', xml)
  return zip.generateAsync({ type: 'nodebuffer' })
}
