// @vitest-environment jsdom
import { describe, expect, it } from 'vitest'
import { placePageMarks } from '../../../src/renderer/src/features/reader/page-marks'
import { buildParagraphMap } from '../../../src/renderer/src/features/reader/paragraph-map'
import { splitParagraphs } from '../../../src/renderer/src/features/reader/paragraphs'

const text = 'First paragraph here.\n\nSecond one, a little longer.\n\n\nThird and last.'
const paragraphs = splitParagraphs(text)

/** Render some of the paragraphs the way TextBody does (a windowed body mounts only a few). */
function mount(indices: number[]): HTMLElement {
  document.body.innerHTML = ''
  const root = document.createElement('div')
  for (const index of indices) {
    const p = document.createElement('p')
    p.setAttribute('data-p', String(index))
    p.textContent = paragraphs[index]?.text ?? ''
    root.append(p)
  }
  document.body.append(root)
  return root
}

function textNode(root: HTMLElement, index: number): Text {
  return root.querySelector(`[data-p="${index}"]`)?.firstChild as Text
}

describe('buildParagraphMap', () => {
  it('maps selections inside and across paragraphs to exact text offsets', () => {
    const root = mount([0, 1, 2])
    const map = buildParagraphMap(root, paragraphs)
    const range = document.createRange()
    range.setStart(textNode(root, 0), 6)
    range.setEnd(textNode(root, 1), 10)
    const offsets = map.offsetsOf(range)
    expect(offsets).not.toBeNull()
    expect(text.slice(offsets?.start, offsets?.end)).toBe('paragraph here.\n\nSecond one')

    // A boundary on the container (a triple-click selects whole paragraphs this way).
    range.setStart(root, 1)
    range.setEnd(root, 2)
    const whole = map.offsetsOf(range)
    expect(text.slice(whole?.start, whole?.end)).toBe('Second one, a little longer.')
  })

  it('gives ranges for passages in mounted paragraphs only, clipped to what is mounted', () => {
    const all = buildParagraphMap(mount([0, 1, 2]), paragraphs)
    const start = text.indexOf('little')
    expect(all.rangeOf(start, start + 'little longer'.length)?.toString()).toBe('little longer')
    const across = all.rangeOf(text.indexOf('here'), text.indexOf('and last'))
    expect(across?.toString()).toBe('here.Second one, a little longer.Third ')

    // Windowed: only the last paragraph is in the DOM.
    const windowed = buildParagraphMap(mount([2]), paragraphs)
    expect(windowed.rangeOf(start, start + 6)).toBeNull()
    expect(windowed.rangeOf(text.indexOf('here'), text.indexOf('and last'))?.toString()).toBe(
      'Third ',
    )
    expect(windowed.rangeOf(text.indexOf('last'), text.length)?.toString()).toBe('last.')
  })

  it('ignores selections outside its paragraphs', () => {
    const root = mount([0])
    const map = buildParagraphMap(root, paragraphs)
    const outside = document.createElement('span')
    outside.textContent = 'elsewhere'
    document.body.append(outside)
    const range = document.createRange()
    range.selectNodeContents(outside)
    expect(map.offsetsOf(range)).toBeNull()
  })
})

describe('page marks inside a paragraph', () => {
  // Page 2 begins inside the second paragraph ("…run over | the break…"), page 3 with the third, after its indent.
  const paged = 'Page one opens.\n\nA sentence run over the break ends here.\n\n  Page three opens.'
  const pagedParagraphs = splitParagraphs(paged)
  const starts = new Map([
    [0, 'i'],
    [paged.indexOf('the break'), '2'],
    [paged.indexOf('Page three'), '3'],
  ])

  it('places a page start inside the paragraph it falls in, and one in leading space above its paragraph', () => {
    const marks = placePageMarks(pagedParagraphs, starts)
    expect([...marks.above]).toEqual([
      [0, 'i'],
      [2, '3'],
    ])
    expect([...marks.inside]).toEqual([[1, [{ at: 'A sentence run over '.length, label: '2' }]]])
    // A start in the blank lines between paragraphs marks the next paragraph.
    const between = placePageMarks(pagedParagraphs, new Map([[paged.indexOf('\n\nA'), '7']]))
    expect([...between.above]).toEqual([[1, '7']])
    expect(between.inside.size).toBe(0)
  })

  /** Mount as TextBody does: text nodes around an empty mark element where a page begins. */
  function mountWithMarks(): HTMLElement {
    document.body.innerHTML = ''
    const root = document.createElement('div')
    const marks = placePageMarks(pagedParagraphs, starts)
    pagedParagraphs.forEach((paragraph, index) => {
      const p = document.createElement('p')
      p.setAttribute('data-p', String(index))
      let from = 0
      for (const mark of marks.inside.get(index) ?? []) {
        p.append(paragraph.text.slice(from, mark.at))
        const span = document.createElement('span')
        span.className = 'page-mark'
        span.setAttribute('data-page-label', mark.label)
        p.append(span)
        from = mark.at
      }
      p.append(paragraph.text.slice(from))
      root.append(p)
    })
    document.body.append(root)
    return root
  }

  it('maps selections across a page mark to the exact text, and ranges over it to text nodes only', () => {
    const root = mountWithMarks()
    const map = buildParagraphMap(root, pagedParagraphs)
    const p = root.querySelector('[data-p="1"]') as HTMLElement
    const [before, mark, after] = [...p.childNodes] as [Text, HTMLElement, Text]
    expect(mark.className).toBe('page-mark')

    const range = document.createRange()
    range.setStart(before, 2)
    range.setEnd(after, 'the break'.length)
    const offsets = map.offsetsOf(range)
    expect(paged.slice(offsets?.start, offsets?.end)).toBe('sentence run over the break')

    // Boundaries on the mark, and on the paragraph between its children, are the page's first character.
    range.setStart(mark, 0)
    range.setEnd(after, 3)
    expect(paged.slice(map.offsetsOf(range)?.start, map.offsetsOf(range)?.end)).toBe('the')
    range.setStart(p, 2)
    expect(map.offsetsOf(range)?.start).toBe(paged.indexOf('the break'))
    range.setStart(p, 0)
    range.setEnd(p, 3)
    expect(paged.slice(map.offsetsOf(range)?.start, map.offsetsOf(range)?.end)).toBe(
      pagedParagraphs[1]?.text,
    )

    // Back from text offsets: the same words, in the text nodes, never starting or ending on the mark.
    const words = map.rangeOf(paged.indexOf('over'), paged.indexOf(' ends'))
    expect(words?.toString()).toBe('over the break')
    expect(words?.startContainer).toBe(before)
    expect(words?.endContainer).toBe(after)
    const fromPageStart = map.rangeOf(paged.indexOf('the break'), paged.indexOf(' break'))
    expect(fromPageStart?.startContainer).toBe(after)
    expect(fromPageStart?.toString()).toBe('the')
    const toPageEnd = map.rangeOf(paged.indexOf('over'), paged.indexOf('the break'))
    expect(toPageEnd?.endContainer).toBe(before)
    expect(toPageEnd?.toString()).toBe('over ')
  })
})
