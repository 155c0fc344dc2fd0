/**
 * Hostile input for the rendering tests (SECURITY.md §2 and §7 checks 11–15), generated here rather than committed as
 * files. Every script payload only sets `__pwned` on its window, its parent or top, or calls `alert`; the tests watch
 * for those. Every remote-load payload points at `evil.example`, which the tests watch for in the request log.
 */

/** One word every hostile document contains, so a search finds them all. */
export const HOSTILE_WORD = 'zanzibarquill'

/** Script payloads in HTML, one per class (SECURITY.md §2 "Script in imported HTML or Markdown", SVG, MathML). */
export const SCRIPT_PAYLOADS: readonly string[] = [
  '<img src=x onerror="top.__pwned=1;alert(1)">',
  '<script>top.__pwned=1;alert(1)</script>',
  '<details open ontoggle="top.__pwned=1">details</details>',
  '<iframe srcdoc="<script>parent.__pwned=1</script>"></iframe>',
  '<object data="javascript:top.__pwned=1"></object>',
  '<embed src="javascript:top.__pwned=1">',
  '<base href="javascript:top.__pwned=1//">',
  '<meta http-equiv="refresh" content="0;url=javascript:top.__pwned=1">',
  '<form action="javascript:top.__pwned=1"><button formaction="javascript:top.__pwned=1">go</button><input autofocus onfocus="top.__pwned=1"></form>',
  '<math><mtext><table><mglyph><style><img src=x onerror="top.__pwned=1"></style></mglyph></table></mtext></math>',
  '<noscript><p title="</noscript><img src=x onerror=top.__pwned=1>"></p></noscript>',
  '<svg onload="top.__pwned=1"><circle r="4"/></svg>',
  '<svg><use href="data:image/svg+xml,&lt;svg id=%22x%22 xmlns=%22http://www.w3.org/2000/svg%22&gt;&lt;image href=%221%22 onerror=%22top.__pwned=1%22/&gt;&lt;/svg&gt;#x"></use></svg>',
  '<svg><style>@import url(https://evil.example/svg-style.css);</style><a href="javascript:top.__pwned=1"><text y="20">svg link</text></a></svg>',
  '<div onmouseover="top.__pwned=1" onclick="top.__pwned=1">hover me</div>',
  '<a href="#" onclick="top.__pwned=1">onclick link</a>',
  '<img src=x onerror="parent.document.body.dataset.pwned=1">',
  '<video><source onerror="top.__pwned=1"></video>',
  '<template><img src=x onerror="top.__pwned=1"></template>',
  '<isindex type=image src=1 onerror=top.__pwned=1>',
]

/** Dangerous links (SECURITY.md §2): all must be inert. */
export const DANGEROUS_LINKS: readonly string[] = [
  'javascript:top.__pwned=1',
  'JaVaScRiPt:top.__pwned=1',
  ' javascript:top.__pwned=1',
  'java&#x09;script:top.__pwned=1',
  '&#106;avascript:top.__pwned=1',
  'vbscript:msgbox(1)',
  'data:text/html,<script>top.__pwned=1</script>',
  'data:text/html;base64,PHNjcmlwdD50b3AuX19wd25lZD0xPC9zY3JpcHQ+',
  'file:///etc/passwd',
  '\\\\evil.example\\share\\x.exe',
  'smb://evil.example/share',
  'ms-msdt:/id PCWDiagnostic',
  'search-ms:query=x',
]

/** Remote-load probes (SECURITY.md §2): none may produce a request. */
export const REMOTE_LOADS: readonly string[] = [
  '<img src="https://evil.example/pixel.png" alt="pixel">',
  '<img srcset="https://evil.example/srcset.png 1x" alt="srcset">',
  '<video poster="https://evil.example/poster.png"></video>',
  '<audio src="https://evil.example/a.mp3" autoplay></audio>',
  '<div style="background:url(https://evil.example/bg.png)">styled</div>',
  '<style>@import url(https://evil.example/import.css); @font-face { font-family: x; src: url(https://evil.example/f.woff) }</style>',
  '<link rel="prefetch" href="https://evil.example/prefetch">',
  '<link rel="stylesheet" href="https://evil.example/sheet.css">',
  '<table background="https://evil.example/table.png"><tr><td>bg</td></tr></table>',
]

/** Content that must survive sanitizing. */
export const BENIGN_HTML = [
  '<h2 id="section">Benign section</h2>',
  '<p><em>emphasis survives</em> and <strong>strong survives</strong>; M&amp;Ms stay M&amp;Ms.</p>',
  '<ul><li>first list item</li><li>second list item</li></ul>',
  '<table><tr><th>head cell</th></tr><tr><td>body cell</td></tr></table>',
  '<pre><code>element.onclick = "not run"</code></pre>',
  '<p><a href="#section">in-page anchor</a></p>',
].join('\n')

/** The same payloads as metadata: titles, authors, tags, notes (SECURITY.md §2 "Metadata sinks"). */
export const METADATA_PAYLOADS = {
  title: 'Title <img src=x onerror="top.__pwned=1;alert(1)"> <script>top.__pwned=1</script>',
  author: 'Author <svg onload="top.__pwned=1">',
  source: 'Source <a href="javascript:top.__pwned=1">src</a>',
  tag: '<img src=x onerror=top.__pwned=1>',
  note: 'Note <img src=x onerror="top.__pwned=1"> [md](javascript:top.__pwned=1) **bold**',
} as const

/** A full hostile HTML document. */
export function hostileHtml(): string {
  const links = DANGEROUS_LINKS.map(
    (href, i) => `<p><a class="hostile-link" href="${href}">hostile link ${i}</a></p>`,
  )
  return `<!doctype html>
<html><head><title>Hostile HTML ${HOSTILE_WORD}</title>
<meta http-equiv="refresh" content="0;url=javascript:top.__pwned=1">
<base href="https://evil.example/">
<script>top.__pwned=1</script>
<link rel="stylesheet" href="https://evil.example/head.css">
</head><body onload="top.__pwned=1">
<article>
<h1>Hostile HTML ${HOSTILE_WORD}</h1>
<p>The hostile document talks about ${HOSTILE_WORD} so a search finds it. This sentence is long enough to quote safely.</p>
${BENIGN_HTML}
${SCRIPT_PAYLOADS.map((p) => `<div class="payload">${p}</div>`).join('\n')}
${REMOTE_LOADS.map((p) => `<div class="remote">${p}</div>`).join('\n')}
${links.join('\n')}
</article>
</body></html>`
}

/** A hostile Markdown document: raw HTML passes through the same sanitizer, links and images must be inert. */
export function hostileMarkdown(): string {
  return `# Hostile Markdown ${HOSTILE_WORD}

The hostile markdown mentions ${HOSTILE_WORD} too. This second sentence is also long enough to quote.

*emphasis survives* and **strong survives**; M&Ms stay M&Ms.

- first list item
- second list item

| head cell |
|-----------|
| body cell |

\`\`\`
element.onclick = "not run"
\`\`\`

${DANGEROUS_LINKS.map((href, i) => `[md hostile link ${i}](${href.replace(/ /g, '%20')})`).join('\n\n')}

![remote image](https://evil.example/md-image.png)

<img src=x onerror="top.__pwned=1">

${SCRIPT_PAYLOADS.slice(0, 12).join('\n\n')}

${REMOTE_LOADS.slice(0, 4).join('\n\n')}
`
}

/** An SVG file with script: not an importable format, so it must be refused or shown inert. */
export function hostileSvg(): string {
  return `<svg xmlns="http://www.w3.org/2000/svg" onload="top.__pwned=1"><script>top.__pwned=1</script><text y="20">${HOSTILE_WORD}</text></svg>`
}

/** Plain text that looks like markup: must be shown as text, never parsed. */
export function hostileText(): string {
  return `Hostile text ${HOSTILE_WORD}\n\n<script>top.__pwned=1</script> <img src=x onerror="top.__pwned=1"> stays literal text. This plain sentence can be quoted safely.\n`
}
