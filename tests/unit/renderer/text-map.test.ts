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

  it('keeps the indentation of a paragraph’s first line (a code sample in a plain-text file)', () => {
    const text = 'Setup:\n\n    cd ~/projects\n    git clone x\n\nDone.'
    const paragraphs = splitParagraphs(text)
    expect(paragraphs.map((p) => p.text)).toEqual([
      'Setup:',
      '    cd ~/projects\n    git clone x',
      'Done.',
    ])
    expect(paragraphs[1]?.start).toBe(text.indexOf('    cd'))
  })
})

describe('buildTextMap over equations (MathML of a Word file, linear text in the stored text)', () => {
  // As the DOCX importer stores them: the MathML's own characters are not the linear text (no "(", ")", "/", "^").
  const html = `<p>Its mean is <math data-eq="0" alttext="(a+b)/2"><mfrac><mrow><mi>a</mi><mo>+</mo><mi>b</mi></mrow><mrow><mn>2</mn></mrow></mfrac></math>, and the squares add up to <math data-eq="1" alttext="∑_(k=1)^n (x_k)^2"><mrow><munderover><mo>∑</mo><mrow><mi>k</mi><mo>=</mo><mn>1</mn></mrow><mrow><mi>n</mi></mrow></munderover><mrow><msup><mrow><msub><mrow><mi>x</mi></mrow><mrow><mi>k</mi></mrow></msub></mrow><mrow><mn>2</mn></mrow></msup></mrow></mrow></math> in every case.</p><p>Next paragraph.</p>`
  const text =
    'Its mean is (a+b)/2, and the squares add up to ∑_(k=1)^n (x_k)^2 in every case.\n\nNext paragraph.'

  it('maps a selection across an equation to offsets that take the whole equation in', () => {
    const root = body(html)
    const map = buildTextMap(root, text)
    const range = document.createRange()
    const from = rangeOver(root, 'mean is')
    const to = rangeOver(root, ' in every')
    range.setStart(from.startContainer, from.startOffset)
    range.setEnd(to.endContainer, to.endOffset)
    const offsets = map.offsetsOf(range)
    expect(offsets && text.slice(offsets.start, offsets.end)).toBe(
      'mean is (a+b)/2, and the squares add up to ∑_(k=1)^n (x_k)^2 in every',
    )
  })

  it('keeps the words after an equation mapped, and a selection inside it lands on its linear text', () => {
    const root = body(html)
    const map = buildTextMap(root, text)
    const words = map.offsetsOf(rangeOver(root, ', and the squares'))
    expect(words && text.slice(words.start, words.end)).toBe(', and the squares')
    const b = map.offsetsOf(rangeOver(root, 'b'))
    expect(b).toEqual({ start: text.indexOf('b)/2'), end: text.indexOf('b)/2') + 1 })
    const start = text.indexOf('squares')
    expect(map.rangeOf(start, start + 'squares'.length)?.toString()).toBe('squares')
    const sum = text.indexOf('∑')
    expect(map.rangeOf(sum, text.indexOf(' in every'))?.toString()).toBe('∑k=1nxk2')
  })
})
