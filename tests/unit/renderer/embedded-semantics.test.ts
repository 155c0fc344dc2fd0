// @vitest-environment jsdom
/**
 * The reader's sanitize pass keeps a document's words but not a whole page's semantics (axe inside real documents'
 * frames found these in Sphinx-made EPUB chapters: a second main landmark, captions with role="heading" and no
 * level, empty header cells).
 */
import { describe, expect, it } from 'vitest'
import { sanitizeDocumentHtml } from '../../../src/renderer/src/safe-html/sanitize'

function shown(html: string): Document {
  return new DOMParser().parseFromString(`<body>${sanitizeDocumentHtml(html)}</body>`, 'text/html')
}

describe("a document's semantics inside the app", () => {
  it('drops page landmarks, keeps other roles, and gives a role="heading" its implicit level', () => {
    const doc = shown(`
      <div class="body" role="main"><p>Chapter text</p></div>
      <nav role="navigation"><a href="#x">x</a></nav>
      <div role="note">A note</div>
      <p class="caption" role="heading"><span>Contents</span></p>
      <p role="heading" aria-level="4">Deep</p>`)
    expect(doc.querySelector('.body')?.hasAttribute('role')).toBe(false)
    expect(doc.querySelector('.body')?.textContent).toBe('Chapter text')
    expect(doc.querySelector('[role="navigation"]')).toBeNull()
    expect(doc.querySelector('div[role="note"]')?.textContent).toBe('A note')
    expect(doc.querySelector('.caption')?.getAttribute('aria-level')).toBe('2')
    expect(doc.querySelector('[aria-level="4"]')?.textContent).toBe('Deep')
  })

  it('turns an empty header cell into a data cell with its spans; a header cell with words stays', () => {
    const doc =
      shown(`<table><thead><tr><th colspan="2" class="head"> </th><th>Option</th></tr></thead>
      <tbody><tr><td>a</td><td>b</td><td>c</td></tr></tbody></table>`)
    const cells = [...doc.querySelectorAll('thead tr > *')]
    expect(cells.map((cell) => cell.tagName)).toEqual(['TD', 'TH'])
    expect(cells[0]?.getAttribute('colspan')).toBe('2')
    expect(cells[0]?.getAttribute('class')).toBe('head')
    expect(cells[1]?.textContent).toBe('Option')
  })
})
