/** Plain text: any encoding (decode.ts), title and date from the first lines (text-metadata.ts). */
import { decodeText } from '../decode'
import { ImportError } from '../errors'
import { cleanText } from '../normalise'
import { textMetadata } from '../text-metadata'
import { blankDocument, type Extractor, guessCitationType } from './common'

export const extractText: Extractor = async ({ bytes, path }) => {
  const doc = blankDocument('txt', path)
  const { text: raw, encoding } = decodeText(bytes)
  const text = cleanText(raw)
  if (text.trim().length === 0) throw new ImportError('no text: the file holds only whitespace')
  const meta = textMetadata(text)
  doc.text = text
  doc.title = meta.title ?? doc.title
  doc.publishedAt = meta.publishedAt
  doc.citationType = guessCitationType(doc.title, 'document')
  if (raw.includes('\uFFFD') && encoding === 'utf-8')
    doc.warnings.push('some bytes were not valid UTF-8 and show as �')
  return doc
}
