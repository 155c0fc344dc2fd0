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
