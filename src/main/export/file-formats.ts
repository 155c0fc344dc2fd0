/**
 * The export formats: file extension and media type of each. Pure data, kept apart from the renderers so the API's
 * argument schemas can list the formats without loading docx, citation-js and the CSL engine (issue 5 cold start).
 */
import type { ExportFormat } from '@shared/contract'

/** File extension and media type of each format. */
export const FORMATS: Readonly<Record<ExportFormat, { ext: string; mime: string }>> = {
  md: { ext: 'md', mime: 'text/markdown; charset=utf-8' },
  txt: { ext: 'txt', mime: 'text/plain; charset=utf-8' },
  html: { ext: 'html', mime: 'text/html; charset=utf-8' },
  docx: {
    ext: 'docx',
    mime: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  },
  csv: { ext: 'csv', mime: 'text/csv; charset=utf-8' },
  json: { ext: 'json', mime: 'application/json' },
  'csl-json': { ext: 'json', mime: 'application/vnd.citationstyles.csl+json' },
  bibtex: { ext: 'bib', mime: 'application/x-bibtex; charset=utf-8' },
  ris: { ext: 'ris', mime: 'application/x-research-info-systems' },
  w3c: { ext: 'jsonld', mime: 'application/ld+json; profile="http://www.w3.org/ns/anno.jsonld"' },
}

export const EXPORT_FORMATS = Object.keys(FORMATS) as ExportFormat[]
