/** Plain text: any encoding (decode.ts), title and date from the first lines (text-metadata.ts). */
import { decodeText } from '../decode'
import { ImportError } from '../errors'
import { setField } from '../metadata/provenance'
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
  if (meta.title)
    setField(
      doc,
      'title',
      meta.title,
      meta.titleGuessed
        ? { origin: 'guessed', confidence: 0.2, detail: 'first sentence' }
        : { origin: 'text', confidence: 0.6, detail: 'first line' },
    )
  if (meta.publishedAt)
    setField(doc, 'publishedAt', meta.publishedAt, {
      origin: 'text',
      confidence: 0.7,
      detail: 'date line',
    })
  doc.citationType = guessCitationType(doc.title, 'document')
  if (raw.includes('\uFFFD') && encoding === 'utf-8')
    doc.warnings.push('some bytes were not valid UTF-8 and show as �')
  return doc
}
