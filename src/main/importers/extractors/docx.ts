/**
 * DOCX: the bounded ZIP pre-pass (zip-guard.ts), then mammoth (headings, lists, tables, emphasis kept), display HTML
 * sanitized, plain text derived from it. Metadata from `docProps/core.xml`. Embedded images are named by their entry in
 * the original (`app-doc:part/word/media/…`), which the reader shows through the file route; linked (remote) images
 * keep only their alt text.
 */
import { createHash } from 'node:crypto'
import JSZip from 'jszip'
// A relative path: import workers run this file outside the bundler in tests, where the alias is unknown.
import { DOCUMENT_PART_PREFIX, partMediaType } from '../../../shared/contract/originals'
import { parseDate } from '../dates'
import { firstText, parseXmlDocument } from '../dom'
import { ImportError } from '../errors'
import { normaliseLanguage } from '../html-metadata'
import { htmlToText } from '../html-to-text'
import { splitAuthors } from '../metadata/authors'
import { candidate, setBest, setField } from '../metadata/provenance'
import { flattenHtml, MAX_DEPTH, nestingDepth } from '../nesting'
import { oneLine } from '../normalise'
import { sanitizeHtml } from '../sanitize'
import { textMetadata } from '../text-metadata'
import type { ExtractedDocument } from '../types'
import { surveyZip } from '../zip-guard'
import { blankDocument, type Extractor, guessCitationType } from './common'
import { equationSlots, hasEquations, placeEquations, replaceEquations } from './docx-equations'
import { hasRuby, rubyBaseOnly } from './docx-ruby'
import { hasWrappers, unwrapRuns } from './docx-wrappers'
import { stripDoctype } from './epub'
import type { ConvertedMath } from './omml'

/** A style name no real document has, given to the paragraphs that `centreParagraphs` marks. */
const CENTRED = 'Lectern: centred paragraph'

type MammothElement = {
  type?: string
  alignment?: string | null
  styleName?: string | null
  children?: unknown[]
}

/**
 * mammoth reads a paragraph's alignment (`<w:jc w:val="center">`) but writes no trace of it: a centred equation that
 * Word sets inline (Latin Modern Math's test file: the over/underbrace line) came out left-aligned. A centred
 * paragraph without a style of its own gets a marker style that CODE_STYLE_MAP turns into `<p class="centred">`;
 * styled paragraphs (headings, captions) keep their own mapping.
 */
function centreParagraphs(element: MammothElement): MammothElement {
  const children = element.children?.map((child) => centreParagraphs(child as MammothElement))
  const next = children ? { ...element, children } : element
  if (next.type === 'paragraph' && next.alignment === 'center' && !next.styleName)
    return { ...next, styleName: CENTRED }
  return next
}

/**
 * Word's code styles (built-in "HTML Code"/"HTML Preformatted", pandoc's "Source Code"/"Verbatim Char", the common
 * custom "Code"/"Code Char") become <pre>/<code>, which the reader sets in monospace; mammoth's default map would
 * make them plain paragraphs in the serif body font.
 */
const CODE_STYLE_MAP = [
  "p[style-name='Source Code'] => pre:separator('\\n')",
  "p[style-name='HTML Preformatted'] => pre:separator('\\n')",
  "p[style-name='Code'] => pre:separator('\\n')",
  "r[style-name='Verbatim Char'] => code",
  "r[style-name='HTML Code'] => code",
  "r[style-name='Code Char'] => code",
  // Paragraphs Word centres by hand (no style of their own): a centred equation on its own line, a centred caption.
  `p[style-name='${CENTRED}'] => p.centred:fresh`,
]

const sha256 = (data: Uint8Array): string => createHash('sha256').update(data).digest('hex')

/** The displayable images under `word/` by content hash → their path in the archive. */
async function mediaEntries(zip: JSZip): Promise<Map<string, string>> {
  const byHash = new Map<string, string>()
  for (const entry of Object.values(zip.files)) {
    if (entry.dir || !entry.name.startsWith('word/') || !partMediaType(entry.name)) continue
    const hash = sha256(await entry.async('uint8array'))
    if (!byHash.has(hash)) byHash.set(hash, entry.name)
  }
  return byHash
}

/** The parts mammoth converts (each may hold equations, ruby, fields). */
const CONVERTED_PARTS = [
  'word/document.xml',
  'word/footnotes.xml',
  'word/endnotes.xml',
  'word/comments.xml',
]

/**
 * The archive for mammoth: as it came when no part holds an equation, ruby or wrapper; otherwise rebuilt (stored, not
 * compressed: the survey bounded its size) with each equation replaced by a placeholder run (docx-equations.ts),
 * each ruby by its base text (docx-ruby.ts) and the runs of fields and bidi wrappers unwrapped (docx-wrappers.ts).
 */
async function preparedForMammoth(
  zip: JSZip,
  buffer: Buffer,
  equations: ConvertedMath[],
): Promise<{ buffer: Buffer; slots: ReturnType<typeof equationSlots> | null }> {
  const slots = equationSlots()
  let changed = false
  for (const name of CONVERTED_PARTS) {
    const entry = zip.file(name)
    if (!entry) continue
    const xml = await entry.async('string')
    const unwrapped = hasWrappers(xml) ? unwrapRuns(xml) : xml
    const withBases = hasRuby(unwrapped) ? rubyBaseOnly(unwrapped) : unwrapped
    const edited = hasEquations(withBases)
      ? replaceEquations(withBases, slots, equations)
      : withBases
    if (edited === xml) continue
    zip.file(name, edited)
    changed = true
  }
  if (!changed) return { buffer, slots: null }
  return { buffer: await zip.generateAsync({ type: 'nodebuffer', compression: 'STORE' }), slots }
}

const JUNK_TITLE = /^(?:untitled|document\d*|title|microsoft word.*)$/i

export const extractDocx: Extractor = async ({ bytes, path, limits }) => {
  const doc: ExtractedDocument = blankDocument('docx', path)
  const survey = await surveyZip(bytes, 'DOCX', limits)
  if (!survey.names.includes('word/document.xml'))
    throw new ImportError('not a valid DOCX: the archive has no word/document.xml')
  if (survey.entityDeclarations.length > 0)
    throw new ImportError(
      'DOCX rejected: its XML declares entities (never expanded; possible entity-expansion attack)',
    )

  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  const zip = await JSZip.loadAsync(bytes, { checkCRC32: false })
  const mediaByHash = await mediaEntries(zip)
  const equations: ConvertedMath[] = []
  const input = await preparedForMammoth(zip, buffer, equations)
  let html: string
  // Loaded with the first DOCX: ~0.2 s of CPU an import worker need not pay for other formats (sanitize.ts).
  const { default: mammoth } = await import('mammoth')
  try {
    const result = await mammoth.convertToHtml(
      { buffer: input.buffer },
      {
        // mammoth does not say which entry an image came from; its bytes do (the survey bounded their size).
        convertImage: mammoth.images.imgElement(async (image) => {
          const path = mediaByHash.get(sha256(await image.readAsBuffer()))
          return { src: path ? `${DOCUMENT_PART_PREFIX}${path}` : '' } // mammoth adds the alt text itself
        }),
        includeDefaultStyleMap: true,
        styleMap: CODE_STYLE_MAP,
        transformDocument: centreParagraphs,
      },
    )
    html = result.value
    if (input.slots) {
      const placed = placeEquations(html, input.slots, equations)
      html = placed.html
      if (placed.missing > 0)
        doc.warnings.push(
          `${placed.missing} of ${equations.length} equations are in a part of the document that is not shown`,
        )
    }
  } catch (error) {
    const message = error instanceof Error ? error.message.split('\n')[0] : String(error)
    throw new ImportError(`cannot read DOCX: ${oneLine(message ?? 'unknown error', 200)}`)
  }
  if (nestingDepth(html, MAX_DEPTH) > MAX_DEPTH) {
    html = flattenHtml(html)
    doc.warnings.push(
      `the document is nested more than ${MAX_DEPTH} levels deep; kept as plain paragraphs`,
    )
  }
  doc.html = await sanitizeHtml(html, { math: equations.length > 0 })
  const converted = htmlToText(
    doc.html,
    equations.map((e) => e.linear),
  )
  doc.text = converted.text
  if (!doc.text.trim()) throw new ImportError('no text in the DOCX')

  const coreXml = await zip.file('docProps/core.xml')?.async('string')
  const core = coreXml ? parseXmlDocument(stripDoctype(coreXml)) : null
  const coreTitle = core ? firstText(core, 'dc:title') : null
  const fromText = textMetadata(doc.text)
  const heading = converted.headings.find((h) => h.level === 1) ?? converted.headings[0]
  setBest(doc, 'title', [
    coreTitle && !JUNK_TITLE.test(coreTitle)
      ? candidate(oneLine(coreTitle, 500), 'embedded', 0.8, 'DOCX core title')
      : null,
    heading
      ? candidate(oneLine(heading.title, 500), 'text', 0.8, 'Title style / first heading')
      : null,
    fromText.title
      ? fromText.titleGuessed
        ? candidate(fromText.title, 'guessed', 0.2, 'first sentence')
        : candidate(fromText.title, 'text', 0.6, 'first line')
      : null,
  ])
  // dc:creator is often a login or the template's author; lastModifiedBy is whoever saved it last: neither wins
  // over a name printed in the document (the finisher weighs them against "Author:" lines).
  const creator = core ? firstText(core, 'dc:creator') : null
  const creators = splitAuthors(creator)
  if (creators.length > 0)
    setField(doc, 'authors', creators, {
      origin: 'embedded',
      confidence: 0.7,
      detail: 'DOCX core creator',
    })
  if (fromText.publishedAt)
    setField(doc, 'publishedAt', fromText.publishedAt, {
      origin: 'text',
      confidence: 0.7,
      detail: 'date line',
    })
  // Core-property dates say when the file was made, not when the work was published.
  doc.fileDate = parseDate(
    core ? (firstText(core, 'dcterms:created') ?? firstText(core, 'dcterms:modified')) : null,
  )
  doc.language = normaliseLanguage(core ? firstText(core, 'dc:language') : null)
  doc.citationType = guessCitationType(doc.title, 'document')
  if (converted.headings.length >= 3)
    doc.toc = converted.headings.map((h) => ({ title: h.title, level: h.level, offset: h.offset }))
  return doc
}
