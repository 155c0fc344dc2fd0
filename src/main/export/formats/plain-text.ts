/** Plain-text export: numbered quotes in typographic quotation marks, their citations, then the references. */
import { type ExportModel, exportDate } from '../export-model'

const indent = (text: string, pad: string): string =>
  text
    .trim()
    .split('\n')
    .map((line, i) => (i === 0 || !line.trim() ? line : `${pad}${line}`))
    .join('\n')

export function renderPlainText(model: ExportModel): string {
  const out: string[] = []
  out.push(model.title, '')
  out.push(
    `${model.entries.length} ${model.entries.length === 1 ? 'quote' : 'quotes'} · ${model.styleLabel} · exported ${exportDate(model)}`,
    '',
  )
  model.entries.forEach((entry, i) => {
    const n = `${i + 1}. `
    const pad = ' '.repeat(n.length)
    const quote = `“${indent(entry.quote.exact, `${pad} `)}”`
    out.push(model.noteStyle ? `${n}${quote} [${i + 1}]` : `${n}${quote}`)
    if (!model.noteStyle) out.push(`${pad}${entry.inText}`)
    if (entry.quote.note.trim()) out.push(`${pad}Note: ${indent(entry.quote.note, `${pad}      `)}`)
    if (entry.quote.tags.length > 0) {
      out.push(`${pad}Tags: ${entry.quote.tags.map((t) => t.name).join(', ')}`)
    }
    out.push('')
  })
  if (model.noteStyle) {
    out.push('Notes', '')
    model.entries.forEach((entry, i) => {
      out.push(`[${i + 1}] ${entry.inText}`)
    })
    out.push('')
  }
  out.push(model.referencesHeading, '')
  for (const ref of model.references) out.push(ref.text, '')
  return `${out.join('\n').trimEnd()}\n`
}
