/**
 * Markdown: YAML front matter (title, author(s), date, tags, source/url, language), display HTML from `marked`
 * (sanitized: raw HTML in Markdown is as hostile as any web page), plain text derived from that HTML so quotes
 * selected in the reader match the stored text.
 */
import { Marked } from 'marked'
import { parse as parseYaml } from 'yaml'
import { parseDate } from '../dates'
import { decodeText } from '../decode'
import { ImportError } from '../errors'
import { normaliseLanguage, splitByline } from '../html-metadata'
import { htmlToText } from '../html-to-text'
import { splitAuthors } from '../metadata/authors'
import { candidate, setBest, setField } from '../metadata/provenance'
import { MAX_DEPTH, nestingDepth } from '../nesting'
import { cleanText, oneLine } from '../normalise'
import { SanitizerUnavailableError, sanitizeHtml } from '../sanitize'
import { textMetadata } from '../text-metadata'
import { blankDocument, type Extractor, guessCitationType } from './common'

const FRONT_MATTER = /^---[ \t]*\n([\s\S]{0,65536}?)\n(?:---|\.\.\.)[ \t]*(?:\n|$)/

type FrontMatter = Record<string, unknown>

/** Split `---\nyaml\n---` off the top. Bad YAML is a warning, never a failure. */
export function splitFrontMatter(text: string): {
  data: FrontMatter
  body: string
  warning?: string
} {
  const m = FRONT_MATTER.exec(text)
  if (!m) return { data: {}, body: text }
  const body = text.slice(m[0].length)
  try {
    // maxAliasCount bounds alias expansion (the YAML "billion laughs"); the default schema keeps dates as strings.
    const data: unknown = parseYaml(m[1] ?? '', {
      maxAliasCount: 20,
      uniqueKeys: false,
      prettyErrors: false,
    })
    if (typeof data === 'object' && data !== null && !Array.isArray(data))
      return { data: data as FrontMatter, body }
    return { data: {}, body, warning: 'front matter is not a key: value map; ignored' }
  } catch (error) {
    const why = error instanceof Error ? error.message.split('\n')[0] : 'unreadable'
    return { data: {}, body, warning: `front matter ignored (${why})` }
  }
}

const str = (v: unknown): string | null => {
  if (typeof v === 'string') return v.trim() || null
  if (typeof v === 'number') return String(v)
  if (v instanceof Date && !Number.isNaN(v.getTime())) return v.toISOString().slice(0, 10)
  return null
}

const list = (v: unknown): string[] => {
  if (Array.isArray(v))
    return v
      .map((x) =>
        typeof x === 'object' && x !== null ? str((x as { name?: unknown }).name) : str(x),
      )
      .filter((x): x is string => !!x)
  const s = str(v)
  return s ? s.split(/\s*[,;]\s*/).filter(Boolean) : []
}

const pick = (data: FrontMatter, ...keys: string[]): unknown => {
  for (const k of keys) {
    for (const actual of Object.keys(data)) if (actual.toLowerCase() === k) return data[actual]
  }
  return undefined
}

const marked = new Marked({ gfm: true, breaks: false, async: false })

export const extractMarkdown: Extractor = async ({ bytes, path }) => {
  const doc = blankDocument('md', path)
  const { text: raw } = decodeText(bytes)
  const source = cleanText(raw)
  const { data, body, warning } = splitFrontMatter(source)
  if (warning) doc.warnings.push(warning)
  if (body.trim().length === 0 && Object.keys(data).length === 0)
    throw new ImportError('no text: the file holds only whitespace')

  let html: string | null = null
  let text: string
  let headings: { level: number; title: string; offset: number }[] = []
  try {
    const rendered = marked.parse(body) as string
    // Deeply nested quotes or lists would make the sanitizer's DOM crawl: keep such a file as plain text.
    if (nestingDepth(rendered, MAX_DEPTH) > MAX_DEPTH) throw new RangeError('nested too deeply')
    html = await sanitizeHtml(rendered)
    const converted = htmlToText(html)
    text = converted.text
    headings = converted.headings
  } catch (error) {
    // Pathological Markdown (say, 100,000 nested quotes) must not cost the document: keep it as plain text.
    if (error instanceof SanitizerUnavailableError) throw error
    html = null
    text = cleanText(body)
    doc.warnings.push('Markdown could not be rendered; shown as plain text')
  }
  if (text.trim().length === 0) text = cleanText(body)
  if (text.trim().length === 0)
    throw new ImportError('no text: the Markdown file has front matter but no body')
  doc.text = text
  doc.html = html

  const fmTitle = str(pick(data, 'title'))
  const heading =
    headings.find((h) => h.level === 1) ?? (headings[0]?.offset === 0 ? headings[0] : undefined)
  const fromText = textMetadata(text)
  setBest(doc, 'title', [
    fmTitle ? candidate(oneLine(fmTitle, 500), 'embedded', 0.95, 'front matter title') : null,
    heading ? candidate(oneLine(heading.title, 500), 'text', 0.85, 'first heading') : null,
    fromText.title
      ? fromText.titleGuessed
        ? candidate(fromText.title, 'guessed', 0.2, 'first sentence')
        : candidate(fromText.title, 'text', 0.6, 'first line')
      : null,
  ])
  const fmDate = parseDate(str(pick(data, 'date', 'published', 'publishdate', 'pubdate')))
  setBest(doc, 'publishedAt', [
    fmDate ? candidate(fmDate, 'embedded', 0.95, 'front matter date') : null,
    fromText.publishedAt ? candidate(fromText.publishedAt, 'text', 0.7, 'date line') : null,
  ])
  const fmAuthors = list(pick(data, 'authors', 'author', 'creator', 'byline'))
    .flatMap(splitByline)
    .flatMap((a) => splitAuthors(a))
  if (fmAuthors.length > 0)
    setField(doc, 'authors', fmAuthors, {
      origin: 'embedded',
      confidence: 0.95,
      detail: 'front matter author',
    })
  doc.tags = list(pick(data, 'tags', 'keywords', 'categories'))
  const url = str(pick(data, 'url', 'link', 'canonical', 'source_url'))
  const sourceField = str(pick(data, 'source', 'publisher', 'site', 'site_name'))
  if (sourceField && /^https?:\/\//i.test(sourceField)) doc.url = sourceField
  else doc.source = sourceField
  if (url && /^https?:\/\//i.test(url)) doc.url = url
  doc.publisher = str(pick(data, 'publisher'))
  doc.language = normaliseLanguage(str(pick(data, 'lang', 'language')))
  doc.doi = str(pick(data, 'doi'))
  doc.citationType = guessCitationType(doc.title, doc.url ? 'webpage' : 'document')
  return doc
}
