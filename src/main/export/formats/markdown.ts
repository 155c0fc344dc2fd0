/** Markdown export: each quote as a block quote with its citation, then the reference list. Everything escaped. */
import { escapeMarkdown, runsToMarkdown } from '../escape'
import { type ExportModel, exportDate } from '../export-model'

const blockquote = (text: string): string =>
  escapeMarkdown(text.trim())
    .split('\n')
    .map((line) => (line.trim() ? `> ${line}` : '>'))
    .join('\n')

export function renderMarkdown(model: ExportModel): string {
  const out: string[] = []
  out.push(`# ${escapeMarkdown(model.title)}`, '')
  out.push(
    `${model.entries.length} ${model.entries.length === 1 ? 'quote' : 'quotes'} · ${escapeMarkdown(model.styleLabel)} · exported ${exportDate(model)}`,
    '',
  )
  model.entries.forEach((entry, i) => {
    if (model.noteStyle) {
      out.push(`${blockquote(entry.quote.exact)}[^${i + 1}]`, '')
    } else {
      out.push(blockquote(entry.quote.exact), '>', `> — ${runsToMarkdown(entry.inTextRuns)}`, '')
    }
    if (entry.quote.note.trim())
      out.push(`**Note:** ${escapeMarkdown(entry.quote.note.trim())}`, '')
    if (entry.quote.tags.length > 0) {
      out.push(`**Tags:** ${entry.quote.tags.map((t) => escapeMarkdown(t.name)).join(', ')}`, '')
    }
  })
  if (model.noteStyle) {
    model.entries.forEach((entry, i) => {
      out.push(`[^${i + 1}]: ${runsToMarkdown(entry.inTextRuns)}`)
    })
    out.push('')
  }
  out.push(`## ${model.referencesHeading}`, '')
  for (const ref of model.references) out.push(runsToMarkdown(ref.runs), '')
  return `${out.join('\n').trimEnd()}\n`
}
