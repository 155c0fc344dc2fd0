import type { CitationStyle, ExportFormat, QuoteSelection } from '@shared/contract'
import { z } from 'zod'
import { CITATION_STYLES } from '../../citations/styles'
import { EXPORT_FORMATS } from '../../export/file-formats'
import { documentsRepository } from '../../library/documents.repository'
import { getQuote } from '../../quotes/quote-rows'
import { defineHandlers } from '../handler-types'
import { documentId, MAX_NAME, name, path, quoteId } from '../schemas'

const style = z.enum(CITATION_STYLES as [CitationStyle, ...CitationStyle[]])
const format = z.enum(EXPORT_FORMATS as [ExportFormat, ...ExportFormat[]])
const selection: z.ZodType<QuoteSelection> = z.union([
  // An empty list passes here so the handler can say clearly that there is nothing to export.
  z.object({ quoteIds: z.array(quoteId).max(10_000) }).strict(),
  z.object({ tag: name }).strict(),
  z.object({ documentId }).strict(),
  z.object({ comparisonId: z.number().int().positive().max(Number.MAX_SAFE_INTEGER) }).strict(),
  z.object({ all: z.literal(true) }).strict(),
])
const exportArgs = { selection, format, style: style.optional() }

// The export stack (docx, citation-js with citeproc and bundled CSL styles, linkedom) is loaded on the first call,
// not at start: it is most of what a process would otherwise require before answering anything (issue 5 cold start).
export const exportHandlers = defineHandlers({
  'export.render': {
    schema: z.object(exportArgs).strict(),
    run: async (args, backend) => {
      const { renderExport } = await import('../../export/render-export')
      return (await renderExport(backend.db, args)).preview
    },
  },
  'export.save': {
    schema: z
      .object({
        ...exportArgs,
        path,
        fileName: z
          .string()
          .max(MAX_NAME * 5)
          .optional(),
        overwrite: z.boolean().optional(),
      })
      .strict(),
    run: async (args, backend) => {
      const { saveExport } = await import('../../export/save-export')
      return saveExport(backend, args)
    },
  },
  'export.cite': {
    schema: z.object({ quoteId, style }).strict(),
    run: async (args, backend) => {
      const [{ citeQuotes }, { citableDocuments }, { htmlToRuns }, { runsToHtml }] =
        await Promise.all([
          import('../../citations/cite-quotes'),
          import('../../citations/csl-item'),
          import('../../citations/rich-text'),
          import('../../export/escape'),
        ])
      const quote = getQuote(backend.db, args.quoteId)
      const documents = citableDocuments(
        documentsRepository.citationRows(backend.db, [quote.documentId]),
      )
      const cited = citeQuotes(documents, [quote], args.style)
      const reference = cited.references[0]
      return {
        inText: cited.quotes[0]?.inText ?? '',
        reference: reference?.text ?? '',
        referenceHtml: reference ? runsToHtml(htmlToRuns(reference.html)) : '',
      }
    },
  },
})
