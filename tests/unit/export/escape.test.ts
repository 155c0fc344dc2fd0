import { marked } from 'marked'
import { describe, expect, it } from 'vitest'
import { htmlToRuns } from '../../../src/main/citations/rich-text'
import {
  escapeHtml,
  escapeMarkdown,
  runsToHtml,
  runsToMarkdown,
} from '../../../src/main/export/escape'

describe('escaping', () => {
  it('HTML escapes the five special characters', () => {
    expect(escapeHtml(`<a href="x">'&'</a>`)).toBe(
      '&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;',
    )
  })

  it.each([
    '# not a heading',
    '1. not a list',
    '- not a list',
    '+ not a list',
    '> not a quote',
    '=== not a setext underline',
    '*not emphasis* and _not either_',
    '[not a link](x.org) ![not an image](x.png)',
    '<b>not html</b> &amp; not an entity',
    '`not code` ~~not struck~~ | not | a | table |',
    'back\\slash',
  ])('Markdown shows %j as exactly that text', async (text) => {
    const html = await marked.parse(escapeMarkdown(text))
    expect(html).toBe(
      `<p>${escapeHtml(text)
        .replace(/&#39;/g, "'")
        .replace(/&quot;/g, '"')}</p>\n`,
    )
  })

  it('turns citeproc HTML into runs and back, keeping only our markup', () => {
    const runs = htmlToRuns(
      '<div class="csl-entry"><div class="csl-left-margin">[1]</div><div class="csl-right-inline">M. Obama, <i>T &#60;x&#62; &#38; <span style="font-style:normal;">y</span></i>.</div></div>',
    )
    expect(runs).toEqual([
      { text: '[1] M. Obama, ' },
      { text: 'T <x> & ', italic: true },
      { text: 'y.', italic: false },
    ])
    expect(runsToHtml(runs)).toBe('[1] M. Obama, <i>T &lt;x&gt; &amp; </i>y.')
    expect(runsToMarkdown(runs)).toBe('\\[1\\] M. Obama, *T \\<x\\> \\&* y.')
  })
})
