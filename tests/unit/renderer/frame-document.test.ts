// @vitest-environment jsdom
import { describe, expect, it } from 'vitest'
import { buildFrameDocument } from '../../../src/renderer/src/safe-html/frame-document'

describe('buildFrameDocument', () => {
  it("titles the frame's document with the document's title, as text only", () => {
    const hostile = 'Q&A </title><script>alert(1)</script> "x"'
    const html = buildFrameDocument('<p>Body</p>', 'ja', null, hostile)
    const parsed = new DOMParser().parseFromString(html, 'text/html')
    expect(parsed.title).toBe(hostile)
    expect(parsed.querySelectorAll('script')).toHaveLength(0)
    expect(parsed.documentElement.lang).toBe('ja')
    expect(parsed.querySelector('article')?.textContent).toBe('Body')
  })
})
