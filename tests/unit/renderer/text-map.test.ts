// @vitest-environment jsdom
import { describe, expect, it } from 'vitest'
import { splitParagraphs } from '../../../src/renderer/src/features/reader/paragraphs'
import { buildTextMap } from '../../../src/renderer/src/features/reader/text-map'

/** A DOM built from HTML the way the reader's frame shows it (the importer's text collapses its whitespace). */
function body(html: string): HTMLElement {
  document.body.innerHTML = html
  return document.body
}

function rangeOver(root: HTMLElement, phrase: string): Range {
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT)
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const at = (node.nodeValue ?? '').indexOf(phrase)
    if (at === -1) continue
    const range = document.createRange()
    range.setStart(node, at)
    range.setEnd(node, at + phrase.length)
    return range
  }
  throw new Error(`“${phrase}” is not in the DOM`)
}

describe('buildTextMap', () => {
  const html = `
    <h2>Holiday   Press Preview</h2>
    <p>So on behalf of the Obama family,
       I wish all of you a <em>joyous</em> and meaningful holiday season.</p>
    <p>Thank you. <img alt="A tree"> (Applause.)</p>`
  const text =
    'Holiday Press Preview\n\nSo on behalf of the Obama family, I wish all of you a joyous and meaningful holiday season.\n\nThank you. (Applause.)'

  it('maps a selection across elements and collapsed whitespace to offsets in the plain text', () => {
    const root = body(html)
    const map = buildTextMap(root, text)
    const range = document.createRange()
    range.setStart(rangeOver(root, 'I wish').startContainer, rangeOver(root, 'I wish').startOffset)
    range.setEnd(
      rangeOver(root, 'holiday season.').endContainer,
      rangeOver(root, 'holiday season.').endOffset,
    )
    const offsets = map.offsetsOf(range)
    expect(offsets).not.toBeNull()
    expect(text.slice(offsets?.start, offsets?.end)).toBe(
      'I wish all of you a joyous and meaningful holiday season.',
    )
  })

  it('maps text offsets back to a DOM range with the same words', () => {
    const root = body(html)
    const map = buildTextMap(root, text)
    const start = text.indexOf('a joyous')
    const range = map.rangeOf(start, start + 'a joyous and meaningful'.length)
    expect(range?.toString()).toBe('a joyous and meaningful')
  })

  it('resynchronises after words the text does not have (alt text, list markers)', () => {
    const root = body(
      '<p>Intro words here.</p><ul><li>• Extra marker</li></ul><p>Closing sentence stays findable.</p>',
    )
    const plain = 'Intro words here.\n\nExtra marker\n\nClosing sentence stays findable.'
    const map = buildTextMap(root, plain)
    const offsets = map.offsetsOf(rangeOver(root, 'Closing sentence'))
    expect(plain.slice(offsets?.start, offsets?.end)).toBe('Closing sentence')
  })

  it('folds typographic quotes and dashes that only one side normalised', () => {
    const root = body('<p>“It’s a great tradition” — he said.</p>')
    const plain = '"It\'s a great tradition" - he said.'
    const map = buildTextMap(root, plain)
    const offsets = map.offsetsOf(rangeOver(root, 'It’s a great'))
    expect(plain.slice(offsets?.start, offsets?.end)).toBe("It's a great")
  })

  it('answers null for a range outside the mapped text', () => {
    const root = body('<p>Only this.</p>')
    const map = buildTextMap(root, 'Something else entirely.')
    expect(map.offsetsOf(rangeOver(root, 'Only this.'))).toBeNull()
  })
})

describe('splitParagraphs', () => {
  it('splits on blank lines and keeps each paragraph’s offset', () => {
    const text = 'First line\nstill first.\n\n  \nSecond.\n\n\nThird.'
    const paragraphs = splitParagraphs(text)
    expect(paragraphs.map((p) => p.text)).toEqual(['First line\nstill first.', 'Second.', 'Third.'])
    for (const paragraph of paragraphs) {
      expect(text.slice(paragraph.start, paragraph.start + paragraph.text.length)).toBe(
        paragraph.text,
      )
    }
  })
})
