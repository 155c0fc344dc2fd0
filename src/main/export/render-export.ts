/** `export.render`: a basket in one format and style, in memory (for the preview, the clipboard and saving). */
import type { ExportArgs, ExportFormat, ExportPreview } from '@shared/contract'
import type { Db } from '../db/connection'
import { resolveBasket } from './basket'
import { buildExportModel, type ExportModel } from './export-model'
import { FORMATS } from './file-formats'
import { defaultFileName } from './file-names'
import { renderBibtex, renderRis } from './formats/bibliographic'
import { renderCslJson, renderCsv, renderJson } from './formats/data'
import { renderDocx } from './formats/docx'
import { renderHtml } from './formats/html'
import { renderMarkdown } from './formats/markdown'
import { renderPlainText } from './formats/plain-text'
import { renderWebAnnotation } from './formats/web-annotation'

// The format table lives in ./file-formats (no dependencies) so handler schemas can use it without the renderers.
export { EXPORT_FORMATS, FORMATS } from './file-formats'

/** The bytes of one format. */
export async function renderFormat(model: ExportModel, format: ExportFormat): Promise<Buffer> {
  switch (format) {
    case 'md':
      return Buffer.from(renderMarkdown(model), 'utf8')
    case 'txt':
      return Buffer.from(renderPlainText(model), 'utf8')
    case 'html':
      return Buffer.from(renderHtml(model), 'utf8')
    case 'docx':
      return renderDocx(model)
    case 'csv':
      return Buffer.from(renderCsv(model), 'utf8')
    case 'json':
      return Buffer.from(renderJson(model), 'utf8')
    case 'csl-json':
      return Buffer.from(renderCslJson(model), 'utf8')
    case 'bibtex':
      return Buffer.from(renderBibtex(model), 'utf8')
    case 'ris':
      return Buffer.from(renderRis(model), 'utf8')
    case 'w3c':
      return Buffer.from(renderWebAnnotation(model), 'utf8')
  }
}

export type RenderedExport = { bytes: Buffer; preview: ExportPreview }

/** Resolve the basket, cite it and write it in the requested format. */
export async function renderExport(
  db: Db,
  args: ExportArgs,
  now: Date = new Date(),
): Promise<RenderedExport> {
  const basket = resolveBasket(db, args.selection)
  const model = buildExportModel(db, basket, args.style, now)
  const bytes = await renderFormat(model, args.format)
  const binary = args.format === 'docx'
  return {
    bytes,
    preview: {
      content: bytes.toString(binary ? 'base64' : 'utf8'),
      encoding: binary ? 'base64' : 'utf8',
      mime: FORMATS[args.format].mime,
      fileName: defaultFileName(basket.title, model.exportedAt, FORMATS[args.format].ext),
      quoteCount: basket.quotes.length,
      documentIds: [...new Set(basket.quotes.map((quote) => quote.documentId))],
    },
  }
}
