/**
 * The citation styles Lectern offers: pure data, kept apart from the CSL engine so the API's argument schemas can
 * list the styles without loading citation-js and citeproc (about 60 ms at every CLI start; issue 5 cold start).
 */
import type { CitationStyle } from '@shared/contract'

/** Each Lectern style: its CSL template and the locale it is written for. */
export const STYLES: Readonly<
  Record<CitationStyle, { template: string; locale: string; label: string; note: boolean }>
> = {
  apa: { template: 'apa', locale: 'en-US', label: 'APA 7th edition', note: false },
  mla: {
    template: 'modern-language-association',
    locale: 'en-US',
    label: 'MLA 9th edition',
    note: false,
  },
  'chicago-author-date': {
    template: 'chicago-author-date',
    locale: 'en-US',
    label: 'Chicago 17th edition (author-date)',
    note: false,
  },
  'chicago-note': {
    template: 'chicago-note-bibliography',
    locale: 'en-US',
    label: 'Chicago 17th edition (notes and bibliography)',
    note: true,
  },
  harvard: {
    template: 'harvard1',
    locale: 'en-GB',
    label: 'Harvard (Cite Them Right 12th edition)',
    note: false,
  },
  ieee: { template: 'ieee', locale: 'en-US', label: 'IEEE', note: false },
  vancouver: { template: 'vancouver', locale: 'en-US', label: 'Vancouver', note: false },
}

export const CITATION_STYLES = Object.keys(STYLES) as CitationStyle[]
