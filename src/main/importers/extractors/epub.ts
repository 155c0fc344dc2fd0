/**
 * EPUB: the bounded ZIP pre-pass (zip-guard.ts), then JSZip; META-INF/container.xml → OPF → spine order. Metadata
 * from `dc:title`, `dc:creator`, `dc:date`, `dc:publisher`, `dc:language`; chapters kept with their headings in one
 * sanitized HTML document; the table of contents from the EPUB 3 nav document or the EPUB 2 NCX, as text offsets.
 * Hrefs are resolved against the archive root and anything that escapes it is ignored.
 */
import { posix } from 'node:path'
import type { TocEntry } from '@shared/contract'
import JSZip from 'jszip'
// A relative path: import workers run this file outside the bundler in tests, where the alias is unknown.
import { DOCUMENT_PART_PREFIX, partMediaType } from '../../../shared/contract/originals'
import { parseDate } from '../dates'
import {
  byTag,
  type DomDocument,
  type DomElement,
  firstText,
  parseHtmlDocument,
  parseXmlDocument,
} from '../dom'
import { ImportError } from '../errors'
import { normaliseLanguage } from '../html-metadata'
import { htmlToText } from '../html-to-text'
import { splitAuthors } from '../metadata/authors'
import { genericTitle } from '../metadata/finish'
import { candidate, setBest, setField } from '../metadata/provenance'
import { flattenHtml, MAX_DEPTH, nestingDepth } from '../nesting'
import { oneLine } from '../normalise'
import { sanitizeHtml } from '../sanitize'
import type { ExtractedDocument } from '../types'
import { surveyZip } from '../zip-guard'
import { blankDocument, type Extractor } from './common'

/** Drop a DOCTYPE and its internal subset: entity declarations are never honoured. */
export function stripDoctype(xml: string): string {
  return xml.replace(/<!DOCTYPE(?:[^>[]|\[[\s\S]*?\])*>/i, '')
}

/** Resolve an href inside the archive; null when it escapes the root or is not a local path. */
export function resolveHref(
  baseDir: string,
  href: string,
): { path: string; fragment: string } | null {
  if (/^[a-z][a-z0-9+.-]*:/i.test(href)) return null
  const [rawPath = '', fragment = ''] = href.split('#', 2)
  let decoded: string
  try {
    decoded = decodeURIComponent(rawPath.split('?')[0] ?? '')
  } catch {
    return null
  }
  if (decoded.includes('\\')) return null
  const joined = decoded ? posix.normalize(posix.join(baseDir, decoded)) : ''
  if (joined.startsWith('../') || joined === '..' || joined.startsWith('/')) return null
  return { path: joined, fragment }
}

type ManifestItem = { href: string; mediaType: string; properties: string }

async function readEntry(zip: JSZip, path: string): Promise<string | null> {
  const file = zip.file(path)
  return file ? stripDoctype(await file.async('string')) : null
}

/** The level of a TOC link: how many list items (nav) or navPoints (NCX) enclose it, found by walking up. */
function depthOf(el: DomElement, container: string, stopAt: string): number {
  let depth = 0
  let node = el.parentElement
  for (let guard = 0; node && guard < 10_000; guard++) {
    const name = node.localName?.toLowerCase() ?? node.tagName.toLowerCase()
    if (name === container) depth++
    if (name === stopAt) break
    node = node.parentElement
  }
  return Math.max(1, depth)
}

type RawTocEntry = { title: string; level: number; target: { path: string; fragment: string } }

function navToc(nav: DomDocument, baseDir: string): RawTocEntry[] {
  const navs = byTag(nav, 'nav')
  const toc =
    navs.find((n) => (n.getAttribute('epub:type') ?? '').split(/\s+/).includes('toc')) ?? navs[0]
  if (!toc) return []
  const entries: RawTocEntry[] = []
  for (const a of byTag(toc, 'a')) {
    const target = resolveHref(baseDir, a.getAttribute('href') ?? '')
    const title = oneLine(a.textContent ?? '', 300)
    if (target && title) entries.push({ title, level: depthOf(a, 'li', 'nav'), target })
  }
  return entries
}

function ncxToc(ncx: DomDocument, baseDir: string): RawTocEntry[] {
  const entries: RawTocEntry[] = []
  for (const point of byTag(ncx, 'navPoint')) {
    const label = point.getElementsByTagName('text')[0]?.textContent ?? ''
    const src = point.getElementsByTagName('content')[0]?.getAttribute('src') ?? ''
    const target = resolveHref(baseDir, src)
    const title = oneLine(label, 300)
    if (target && title)
      entries.push({ title, level: depthOf(point, 'navpoint', 'navmap'), target })
  }
  return entries
}

/** Marks an href that names a file of the book until `internalLinks` knows where that file's chapter is. */
const INTERNAL_LINK = '\u2063epub:'

/**
 * `#<mark>path#fragment` → `#c<n>-fragment` (or `#chapter-<n>` for a whole file), so the table of contents and
 * cross-references inside the book scroll the reader; a link to a file that is not a chapter loses its href.
 */
function internalLinks(html: string, chapterIndex: ReadonlyMap<string, number>): string {
  return html.replace(
    / href="#\u2063epub:([^"#]*)#([^"]*)"/g,
    (_match, path: string, fragment: string) => {
      const chapter = chapterIndex.get(path.replaceAll('&amp;', '&'))
      if (chapter === undefined) return ''
      return fragment ? ` href="#c${chapter}-${fragment}"` : ` href="#chapter-${chapter}"`
    },
  )
}

export const extractEpub: Extractor = async ({ bytes, path, limits }) => {
  const doc: ExtractedDocument = blankDocument('epub', path)
  doc.citationType = 'book'
  const survey = await surveyZip(bytes, 'EPUB', limits)
  if (survey.entityDeclarations.length > 0)
    doc.warnings.push('XML entity declarations were ignored (never expanded)')

  const zip = await JSZip.loadAsync(bytes, { checkCRC32: false })
  const container = await readEntry(zip, 'META-INF/container.xml')
  if (container === null)
    throw new ImportError('not a valid EPUB: META-INF/container.xml is missing')
  const opfPath = parseXmlDocument(container)
    .getElementsByTagName('rootfile')[0]
    ?.getAttribute('full-path')
  const opfTarget = opfPath ? resolveHref('', opfPath) : null
  if (!opfTarget)
    throw new ImportError('not a valid EPUB: the container names no package (OPF) file')
  const opfXml = await readEntry(zip, opfTarget.path)
  if (opfXml === null)
    throw new ImportError(`not a valid EPUB: the package file ${opfTarget.path} is missing`)
  const opf = parseXmlDocument(opfXml)
  const opfDir = posix.dirname(opfTarget.path) === '.' ? '' : posix.dirname(opfTarget.path)

  const title = firstText(opf, 'dc:title')
  const creators = byTag(opf, 'dc:creator')
  const authors = creators.filter((c) => {
    const role = c.getAttribute('opf:role') ?? c.getAttribute('role')
    return !role || role === 'aut'
  })
  const names = (authors.length > 0 ? authors : creators).flatMap((c) =>
    splitAuthors(c.textContent),
  )
  if (names.length > 0)
    setField(doc, 'authors', names, {
      origin: 'embedded',
      confidence: 0.85,
      detail: 'EPUB dc:creator',
    })
  const dates = byTag(opf, 'dc:date')
  const eventOf = (d: DomElement): string =>
    d.getAttribute('opf:event') ?? d.getAttribute('event') ?? ''
  const publishedEvent = dates.find((d) => /publication|published/i.test(eventOf(d)))
  // A date labelled as the file's modification is never the work's publication (EPUB 2, opf:event).
  const modification = (d: DomElement): boolean => /modif/i.test(eventOf(d))
  const published = publishedEvent ?? dates.find((d) => !modification(d))
  const modifiedEvent = dates.find(modification)
  const publishedText = (published?.textContent ?? '').trim()
  const modified = byTag(opf, 'meta')
    .find((m) => m.getAttribute('property') === 'dcterms:modified')
    ?.textContent?.trim()
  const date = parseDate(publishedText)
  // A dc:date with a time of day equal to dcterms:modified is the build's stamp, not the publication.
  const buildStamp =
    !publishedEvent &&
    /T\d/.test(publishedText) &&
    publishedText.slice(0, 16) === modified?.slice(0, 16)
  if (date && buildStamp) doc.fileDate = date
  else if (!date && modifiedEvent) doc.fileDate = parseDate(modifiedEvent.textContent)
  else if (date)
    setField(doc, 'publishedAt', date, {
      origin: 'embedded',
      confidence: publishedEvent ? 0.85 : 0.7,
      detail: publishedEvent ? 'EPUB dc:date (publication)' : 'EPUB dc:date',
    })
  const publisher = firstText(opf, 'dc:publisher')
  doc.publisher = publisher ? oneLine(publisher, 200) : null
  doc.source = doc.publisher
  doc.language = normaliseLanguage(firstText(opf, 'dc:language'))
  const identifiers = byTag(opf, 'dc:identifier').map((i) => i.textContent ?? '')
  doc.doi = identifiers.map((i) => /\b(10\.\d{4,9}\/\S+)/.exec(i)?.[1]).find(Boolean) ?? null

  const manifest = new Map<string, ManifestItem>()
  for (const item of byTag(opf, 'item')) {
    const id = item.getAttribute('id')
    const href = item.getAttribute('href')
    if (id && href)
      manifest.set(id, {
        href,
        mediaType: item.getAttribute('media-type') ?? '',
        properties: item.getAttribute('properties') ?? '',
      })
  }
  const spine = byTag(opf, 'spine')[0]
  const itemrefs = spine ? byTag(spine, 'itemref') : []
  if (itemrefs.length === 0)
    throw new ImportError('not a valid EPUB: the package has no spine (reading order)')

  const chapterIndex = new Map<string, number>()
  const sections: string[] = []
  for (const ref of itemrefs) {
    const item = manifest.get(ref.getAttribute('idref') ?? '')
    const target = item ? resolveHref(opfDir, item.href) : null
    if (!item || !target) {
      doc.warnings.push('a spine entry points outside the book or to nothing; skipped')
      continue
    }
    if (chapterIndex.has(target.path)) continue
    const xhtml = await readEntry(zip, target.path)
    if (xhtml === null) {
      doc.warnings.push(`chapter ${target.path} is missing; skipped`)
      continue
    }
    const n = sections.length
    if (nestingDepth(xhtml, MAX_DEPTH) > MAX_DEPTH) {
      // A chapter nested absurdly deep is kept as flat paragraphs (see nesting.ts), never handed to a DOM.
      chapterIndex.set(target.path, n)
      sections.push(`<section id="chapter-${n}">${flattenHtml(xhtml)}</section>`)
      doc.warnings.push(
        `chapter ${target.path} is nested more than ${MAX_DEPTH} levels deep; kept as plain paragraphs`,
      )
      continue
    }
    let body = byTag(parseXmlDocument(xhtml), 'body')[0]
    if (!body) body = parseHtmlDocument(xhtml).body ?? undefined
    if (!body) continue
    // Ids repeat across chapter files; prefix them with the chapter so TOC fragments stay unambiguous.
    for (const el of Array.from(body.querySelectorAll('[id]')))
      el.setAttribute('id', `c${n}-${el.getAttribute('id')}`)
    // Links to other files of the book become in-document anchors once every chapter's place is known.
    const chapterDir = posix.dirname(target.path) === '.' ? '' : posix.dirname(target.path)
    for (const anchor of Array.from(body.querySelectorAll('a[href]'))) {
      const link = resolveHref(chapterDir, anchor.getAttribute('href') ?? '')
      if (link)
        anchor.setAttribute('href', `#${INTERNAL_LINK}${link.path || target.path}#${link.fragment}`)
    }
    // Images of the book point at their entry in the original (`app-doc:part/<path>`); the reader shows them
    // from the stored original, never from elsewhere. Anything else stays a placeholder (sanitize.ts).
    for (const img of Array.from(body.querySelectorAll('img[src]'))) {
      const image = resolveHref(chapterDir, img.getAttribute('src') ?? '')
      if (image?.path && partMediaType(image.path))
        img.setAttribute('src', `${DOCUMENT_PART_PREFIX}${image.path}`)
    }
    chapterIndex.set(target.path, n)
    sections.push(`<section id="chapter-${n}">${body.innerHTML}</section>`)
  }
  if (sections.length === 0) throw new ImportError('no readable chapters in the EPUB')

  doc.html = await sanitizeHtml(internalLinks(sections.join('\n'), chapterIndex))
  const converted = htmlToText(doc.html)
  doc.text = converted.text
  if (!doc.text.trim()) throw new ImportError('no text in the EPUB')
  setBest(
    doc,
    'title',
    [
      title ? candidate(oneLine(title, 500), 'embedded', 0.85, 'EPUB dc:title') : null,
      converted.headings[0]
        ? candidate(oneLine(converted.headings[0].title, 500), 'text', 0.6, 'first heading')
        : null,
    ],
    (t) => !genericTitle(t),
  )

  // Table of contents: nav document (EPUB 3), else NCX (EPUB 2), else the headings.
  let raw: RawTocEntry[] = []
  const navItem = [...manifest.values()].find((i) => i.properties.split(/\s+/).includes('nav'))
  const navTarget = navItem ? resolveHref(opfDir, navItem.href) : null
  if (navTarget) {
    const navXml = await readEntry(zip, navTarget.path)
    if (navXml)
      raw = navToc(parseXmlDocument(navXml), posix.dirname(navTarget.path).replace(/^\.$/, ''))
  }
  if (raw.length === 0) {
    const ncxItem =
      manifest.get(spine?.getAttribute('toc') ?? '') ??
      [...manifest.values()].find((i) => /ncx/.test(i.mediaType))
    const ncxTarget = ncxItem ? resolveHref(opfDir, ncxItem.href) : null
    const ncxXml = ncxTarget ? await readEntry(zip, ncxTarget.path) : null
    if (ncxXml && ncxTarget)
      raw = ncxToc(parseXmlDocument(ncxXml), posix.dirname(ncxTarget.path).replace(/^\.$/, ''))
  }
  const toc: TocEntry[] = []
  for (const entry of raw) {
    const chapter = chapterIndex.get(entry.target.path)
    if (chapter === undefined) continue
    const offset =
      (entry.target.fragment
        ? converted.ids.get(`c${chapter}-${entry.target.fragment}`)
        : undefined) ?? converted.ids.get(`chapter-${chapter}`)
    if (offset !== undefined)
      toc.push({ title: entry.title, level: Math.min(entry.level, 6), offset })
  }
  doc.toc =
    toc.length > 0
      ? toc
      : converted.headings
          .filter((h) => h.level <= 3)
          .map((h) => ({ title: h.title, level: h.level, offset: h.offset }))
  if (doc.toc.length === 0) doc.toc = null
  return doc
}
