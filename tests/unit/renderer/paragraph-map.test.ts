// @vitest-environment jsdom
import { describe, expect, it } from 'vitest'
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
