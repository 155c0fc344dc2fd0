/**
 * Word (DOCX) export with the `docx` package: a title, each quote as an indented italic paragraph with its citation
 * (or a real footnote for note styles), notes and tags, then the reference list with hanging indents. Text goes
 * into runs, which docx escapes as XML: nothing in a quote can become markup.
 */
import {
  AlignmentType,
  Document,
  FootnoteReferenceRun,
  HeadingLevel,
  Packer,
  Paragraph,
  TextRun,
} from 'docx'
import type { Run } from '../../citations/rich-text'
import { type ExportModel, exportDate } from '../export-model'

const textRuns = (runs: readonly Run[], size?: number): TextRun[] =>
  runs.map(
    (r) =>
      new TextRun({
        text: r.text,
        italics: r.italic,
        bold: r.bold,
        smallCaps: r.smallCaps,
        superScript: r.superscript,
        subScript: r.subscript,
        size,
      }),
  )

/** Paragraph breaks inside a quote become separate paragraphs; line breaks become breaks. */
function quoteParagraphs(text: string, footnote: number | null): Paragraph[] {
  const paras = text.trim().split(/\n\s*\n/)
  return paras.map((para, i) => {
    const lines = para.split('\n')
    const children: (TextRun | FootnoteReferenceRun)[] = lines.map(
      (line, j) => new TextRun({ text: line, italics: true, break: j > 0 ? 1 : undefined }),
    )
    if (footnote !== null && i === paras.length - 1)
      children.push(new FootnoteReferenceRun(footnote))
    return new Paragraph({ children, indent: { left: 720, right: 720 }, spacing: { before: 240 } })
  })
}

export async function renderDocx(model: ExportModel): Promise<Buffer> {
  const body: Paragraph[] = [
    new Paragraph({ text: model.title, heading: HeadingLevel.TITLE }),
    new Paragraph({
      children: [
        new TextRun({
          text: `${model.entries.length} ${model.entries.length === 1 ? 'quote' : 'quotes'} · ${model.styleLabel} · exported ${exportDate(model)}`,
          color: '666666',
          size: 20,
        }),
      ],
    }),
  ]
  const footnotes: Record<number, { children: Paragraph[] }> = {}
  model.entries.forEach((entry, i) => {
    const note = model.noteStyle ? i + 1 : null
    body.push(...quoteParagraphs(entry.quote.exact, note))
    if (note !== null) {
      footnotes[note] = { children: [new Paragraph({ children: textRuns(entry.inTextRuns) })] }
    } else {
      body.push(
        new Paragraph({
          children: [new TextRun({ text: '— ' }), ...textRuns(entry.inTextRuns)],
          indent: { left: 720, right: 720 },
          alignment: AlignmentType.RIGHT,
        }),
      )
    }
    if (entry.quote.note.trim()) {
      body.push(
        new Paragraph({
          children: [
            new TextRun({ text: 'Note: ', bold: true, size: 20 }),
            new TextRun({ text: entry.quote.note.trim(), size: 20 }),
          ],
          indent: { left: 720 },
        }),
      )
    }
    if (entry.quote.tags.length > 0) {
      body.push(
        new Paragraph({
          children: [
            new TextRun({ text: 'Tags: ', bold: true, size: 20 }),
            new TextRun({ text: entry.quote.tags.map((t) => t.name).join(', '), size: 20 }),
          ],
          indent: { left: 720 },
        }),
      )
    }
  })
  body.push(new Paragraph({ text: model.referencesHeading, heading: HeadingLevel.HEADING_1 }))
  for (const ref of model.references) {
    body.push(
      new Paragraph({
        children: textRuns(ref.runs),
        indent: { left: 720, hanging: 720 },
        spacing: { after: 120 },
      }),
    )
  }
  const doc = new Document({
    creator: 'Lectern',
    title: model.title,
    description: `Quotes with citations (${model.styleLabel})`,
    footnotes,
    sections: [{ children: body }],
  })
  return Packer.toBuffer(doc)
}
