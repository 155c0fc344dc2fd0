/**
 * HTML export: a standalone page (no scripts, a CSP that allows none) with each quote as a <blockquote> and its
 * citation, then the reference list. All text is escaped; citeproc's formatting is rebuilt from parsed runs.
 */
import { escapeHtml, runsToHtml } from '../escape'
import { type ExportModel, exportDate } from '../export-model'

const paragraphs = (text: string): string =>
  text
    .trim()
    .split(/\n\s*\n/)
    .map((p) => `<p>${escapeHtml(p).replace(/\n/g, '<br>')}</p>`)
    .join('')

const STYLE = `body{font-family:Georgia,serif;max-width:46rem;margin:2rem auto;padding:0 1rem;line-height:1.5;color:#222}
blockquote{margin:1.5rem 0 .25rem;padding-left:1rem;border-left:4px solid #ccc}
.citation{margin:.25rem 0 0 1.25rem;color:#444}.meta{color:#666;font-size:.9rem}
.references p{padding-left:2rem;text-indent:-2rem}`

export function renderHtml(model: ExportModel): string {
  const title = escapeHtml(model.title)
  const parts: string[] = [
    '<!DOCTYPE html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">`,
    `<title>${title}</title>`,
    `<style>${STYLE}</style>`,
    '</head>',
    '<body>',
    `<h1>${title}</h1>`,
    `<p class="meta">${model.entries.length} ${model.entries.length === 1 ? 'quote' : 'quotes'} · ${escapeHtml(model.styleLabel)} · exported ${exportDate(model)}</p>`,
  ]
  model.entries.forEach((entry, i) => {
    const noteRef = model.noteStyle ? `<sup><a href="#note-${i + 1}">${i + 1}</a></sup>` : ''
    parts.push(
      `<blockquote id="quote-${entry.quote.id}">${paragraphs(entry.quote.exact)}${noteRef}</blockquote>`,
    )
    if (!model.noteStyle) parts.push(`<p class="citation">— ${runsToHtml(entry.inTextRuns)}</p>`)
    if (entry.quote.note.trim()) {
      parts.push(`<p class="meta">Note: ${escapeHtml(entry.quote.note.trim())}</p>`)
    }
    if (entry.quote.tags.length > 0) {
      parts.push(
        `<p class="meta">Tags: ${entry.quote.tags.map((t) => escapeHtml(t.name)).join(', ')}</p>`,
      )
    }
  })
  if (model.noteStyle) {
    parts.push('<h2>Notes</h2>', '<ol class="notes">')
    model.entries.forEach((entry, i) => {
      parts.push(`<li id="note-${i + 1}">${runsToHtml(entry.inTextRuns)}</li>`)
    })
    parts.push('</ol>')
  }
  parts.push(`<h2>${model.referencesHeading}</h2>`, '<div class="references">')
  for (const ref of model.references) parts.push(`<p>${runsToHtml(ref.runs)}</p>`)
  parts.push('</div>', '</body>', '</html>')
  return `${parts.join('\n')}\n`
}
