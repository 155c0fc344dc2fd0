/** Helpers shared by the extractors. */
import { basename, extname } from 'node:path'
import type { CitationType, DocumentFormat } from '@shared/contract'
import type { ExtractedDocument, ExtractLimits } from '../types'

/** What every extractor receives: the file's bytes (already size-checked) and where they came from. */
export type ExtractInput = {
  bytes: Uint8Array
  path: string
  limits: ExtractLimits
}

export type Extractor = (input: ExtractInput) => Promise<ExtractedDocument>

/** A document with nothing known yet; extractors fill it in. */
export function blankDocument(format: DocumentFormat, path: string): ExtractedDocument {
  return {
    format,
    title: fileTitle(path),
    authors: [],
    publishedAt: null,
    source: null,
    url: null,
    language: null,
    text: '',
    html: null,
    pageStarts: null,
    toc: null,
    pageMeta: null,
    warnings: [],
    citationType: 'document',
    containerTitle: null,
    publisher: null,
    doi: null,
    tags: [],
    provenance: { title: { origin: 'filename', confidence: 0.1, detail: 'file name' } },
    identifiers: [],
    fileDate: null,
  }
}

/** The file name without its extension, tidied for use as a last-resort title. */
export function fileTitle(path: string): string {
  const name = basename(path, extname(path))
  return name.replace(/[_]+/g, ' ').replace(/\s+/g, ' ').trim() || basename(path) || 'Untitled'
}

/** Speeches and remarks are cited as speeches; everything else keeps the format's default. */
export function guessCitationType(title: string, fallback: CitationType): CitationType {
  if (/^(?:remarks|prepared remarks|weekly address|address|speech|statement)\b/i.test(title.trim()))
    return 'speech'
  return fallback
}
