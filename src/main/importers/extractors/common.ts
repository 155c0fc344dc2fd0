/** Helpers shared by the extractors. */
import { basename, dirname, extname } from 'node:path'
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

/**
 * File names that name no work, only its role in a folder: a library of such files would hold ten rows called
 * "README". Also with a copy number, version or language ("Document1", "paper (2)", "main-v2", "readme.fr").
 */
const GENERIC_FILE_NAME =
  /^(?:read[ _-]?me(?:[ _-]?first)?|index|main|document|doc|paper|article|untitled(?: document)?|new document|draft|final|manual|notes?|news|changes|change ?log|todo|authors|install(?:ation)?|faq|history|thanks|bugs|copying|licen[cs]e|contributing|usage|intro(?:duction)?|overview|report|slides|thesis|output|text|home|default|contents|toc|file)(?:[ ._-]?(?:\d{1,3}|\(\d{1,3}\)|copy|final|v\d+(?:\.\d+)*|[a-z]{2}(?:[-_][a-z]{2,4})?))?$/i

/** Folders that say where files are kept, not what they are about: the next folder up names the work. */
const STORAGE_FOLDER =
  /^(?:docs?|documentation|html?|pdf|txt|text|tmp|temp|downloads?|desktop|documents|files?|src|sources?|out|output|build|dist|share|usr|local|opt|var|home|root|users|data|misc|latest|current|[.]+)$/i

/**
 * A folder named by a machine, not a person: an upload's batch (a UUID: the web host stages a browser upload in
 * `incoming/<batch>/`), a hash, a temporary folder's random name. Nothing above it was chosen for this file.
 */
const MACHINE_FOLDER =
  /^(?:[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}|[0-9a-f]{16,}|tmp[\w-]*)$/i

const tidy = (name: string): string => name.replace(/[_]+/g, ' ').replace(/\s+/g, ' ').trim()

/**
 * The file name without its extension, tidied for use as a last-resort title. A generic name ("README", "index",
 * "main") gets the name of the folder it is in ("/usr/share/doc/libmpfr6/README" → "libmpfr6 README"), skipping
 * storage folders ("doc", "html"), so that ten READMEs are ten titles; a file with no folder chosen by a person (a
 * single browser upload, whose folder is the upload's batch id) keeps its name alone.
 */
export function fileTitle(path: string): string {
  const name = tidy(basename(path, extname(path))) || basename(path) || 'Untitled'
  if (!GENERIC_FILE_NAME.test(name)) return name
  const folders = dirname(path).split(/[\\/]/).filter(Boolean)
  for (let i = folders.length - 1, tries = 0; i >= 0 && tries < 3; i--, tries++) {
    const folder = folders[i] ?? ''
    if (MACHINE_FOLDER.test(folder)) break
    if (STORAGE_FOLDER.test(folder)) continue
    return `${tidy(folder)} ${name}`
  }
  return name
}

/** Speeches and remarks are cited as speeches; everything else keeps the format's default. */
export function guessCitationType(title: string, fallback: CitationType): CitationType {
  if (/^(?:remarks|prepared remarks|weekly address|address|speech|statement)\b/i.test(title.trim()))
    return 'speech'
  return fallback
}
