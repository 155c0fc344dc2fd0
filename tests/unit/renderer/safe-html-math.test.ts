// @vitest-environment jsdom
/**
 * The reader's second sanitize pass keeps a DOCX's equation MathML (the listed MathML Core elements and attributes)
 * and nothing of MathML that can link, act or carry HTML; other formats keep no MathML at all.
 */
import { describe, expect, it } from 'vitest'
import { sanitizeDocumentHtml } from '../../../src/renderer/src/safe-html/sanitize'

const EQUATION =
  '<p>where <math data-eq="0" alttext="a/b"><mfrac><mi>a</mi><mi>b</mi></mfrac></math> holds</p>'

describe('sanitizeDocumentHtml and MathML', () => {
  it('keeps an equation for a DOCX and drops MathML for other formats', () => {
    const kept = sanitizeDocumentHtml(EQUATION, null, true)
    expect(kept).toContain(
      '<math data-eq="0" alttext="a/b"><mfrac><mi>a</mi><mi>b</mi></mfrac></math>',
    )
    expect(sanitizeDocumentHtml(EQUATION, null, false)).not.toContain('<math')
  })

  it('drops links, actions, HTML annotations, glyph images, styles and colours inside MathML', () => {
    const hostile = `<p><math href="javascript:top.__pwned=1" display="block"><maction actiontype="statusline"><mi>x</mi></maction><semantics><mi>s</mi><annotation-xml encoding="text/html"><img src=x onerror="top.__pwned=1"></annotation-xml></semantics><mglyph src="https://evil.example/g.png"></mglyph><mi style="color:red" mathcolor="red" mathbackground="url(https://evil.example/b.png)" xlink:href="https://evil.example/" form="prefix" onclick="top.__pwned=1">z</mi></math></p><p form="f" display="d" alttext="t">text</p>`
    const out = sanitizeDocumentHtml(hostile, null, true)
    expect(out).toContain('<math display="block">')
    expect(out).toContain('<mi form="prefix">z</mi>')
    expect(out).not.toMatch(
      /href|maction|semantics|annotation|<img|onerror|mglyph|style=|mathcolor|mathbackground|onclick/,
    )
    // MathML's attributes are allowed on MathML elements only.
    expect(out).toContain('<p>text</p>')
  })
})

describe('sanitizeDocumentHtml and images it cannot show', () => {
  it('draws an unloadable image as its alt text (CSS, not page text), keeps spans and drops a decorative one', () => {
    const out = sanitizeDocumentHtml(
      '<table><tr><td rowspan="2"><img alt="[注意]"></td><th>注意</th></tr></table>' +
        '<p>a<img alt="remote image" src="https://example.invalid/r.png">b<img alt="" src="x.png">c<img src="/y.png">d</p>',
    )
    expect(out).toContain(
      '<td rowspan="2"><span class="image-missing" role="img" aria-label="[注意]" data-alt="[注意]"></span></td>',
    )
    expect(out).toContain(
      '<span class="image-missing" role="img" aria-label="remote image" data-alt="remote image" data-blocked-src="https://example.invalid/r.png"></span>',
    )
    expect(out).toContain('aria-label="Image not loaded"')
    expect(out).not.toContain('<img')
    // The page's text is unchanged: quotes and their offsets see what they saw before.
    expect(out.replace(/<[^>]+>/g, '')).toBe('注意abcd')
  })
})
