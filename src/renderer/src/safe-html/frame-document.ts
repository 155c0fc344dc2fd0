import { frameCsp } from './purify-config'

/**
 * Typography of the document frame. Only inline styles may apply inside it (its CSP), so the reader's look lives
 * here. Highlights use the CSS Custom Highlight API, which marks ranges without touching the sanitized DOM.
 * A block without a `dir` of its own (or an ancestor's) takes its direction from its first letter (unicode-bidi:
 * plaintext, as dir="auto"): Arabic, Hebrew and Persian paragraphs read and align right to left, Latin ones left to
 * right, in one document (trial 8: RTL paragraphs were set left to right, their final "." at the wrong end).
 * Greek takes a Latin serif face that has it ('Lectern Greek Serif', Greek code points only) before the CJK fonts:
 * Noto Serif CJK draws the tonos beside the vowel, so "βιβλίο" read as "βιβλιό" (fold8, handbook pages).
 */
const FRAME_STYLE = `
@font-face { font-family: 'Lectern Greek Serif'; src: local('Noto Serif'), local('NotoSerif-Regular'), local('DejaVu Serif'), local('DejaVuSerif'), local('Liberation Serif'), local('Times New Roman'); unicode-range: U+0370-03FF, U+1F00-1FFF; }
:root { color-scheme: light dark; --reader-size: 19px; }
html { font-size: var(--reader-size); }
body {
  margin: 0; padding: 2rem 1.5rem 40vh;
  font-family: Charter, 'Bitstream Charter', 'Sitka Text', Cambria, 'Iowan Old Style', Georgia, 'Lectern Greek Serif', 'Noto Serif CJK JP', 'Noto Serif CJK SC', 'Source Han Serif', 'Hiragino Mincho ProN', 'Yu Mincho', SimSun, 'Songti SC', 'Noto Sans CJK JP', 'Noto Sans CJK SC', 'Microsoft YaHei', serif;
  line-height: 1.6; color: #1f1d1a; background: #fffdf8;
  overflow-wrap: break-word;
}
article { max-width: 38em; margin: 0 auto; }
h1, h2, h3, h4, h5, h6 { font-family: system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif; line-height: 1.25; margin: 1.6em 0 0.6em; }
h1 { font-size: 1.6em; } h2 { font-size: 1.35em; } h3 { font-size: 1.15em; } h4, h5, h6 { font-size: 1em; }
p { margin: 0 0 1em; }
blockquote { margin: 1em 0; padding-left: 1em; border-left: 3px solid #c9c2b5; color: #4a453d; }
pre, code { font-family: ui-monospace, 'SFMono-Regular', Menlo, Consolas, monospace; font-size: 0.85em; }
pre { overflow-x: auto; padding: 0.75em; background: #f3efe6; border-radius: 4px; }
table { border-collapse: collapse; margin: 1em 0; font-size: 0.9em; }
th, td { border: 1px solid #d8d1c4; padding: 0.3em 0.6em; text-align: start; vertical-align: top; }
:where(p, li, dt, dd, h1, h2, h3, h4, h5, h6, blockquote, figcaption, caption, th, td):not([dir], [dir] *) { unicode-bidi: plaintext; text-align: start; }
img { max-width: 100%; height: auto; }
span.image-missing { display: inline-block; max-width: 100%; padding: 0 0.3em; border: 1px dashed #b9b1a3; border-radius: 3px; color: #5f594f; font-size: 0.85em; line-height: 1.4; word-break: keep-all; vertical-align: baseline; }
span.image-missing::before { content: attr(data-alt); }
a[href] { color: #1d5fa8; }
a:not([href]) { color: inherit; text-decoration: none; }
p.centred { text-align: center; }
hr { border: none; border-top: 1px solid #d8d1c4; margin: 2em 0; }
math { font-family: 'Latin Modern Math', 'STIX Two Math', 'Cambria Math', 'DejaVu Math TeX Gyre', 'TeX Gyre Termes Math', math; }
math[display="block"] { margin: 0.6em 0; overflow-x: auto; overflow-y: hidden; }
math[data-wide] {
  padding-bottom: 4px;
  background:
    linear-gradient(to right, #fffdf8 30%, rgba(255, 253, 248, 0)) left / 3em 100% no-repeat local,
    linear-gradient(to left, #fffdf8 30%, rgba(255, 253, 248, 0)) right / 3em 100% no-repeat local,
    linear-gradient(to right, rgba(60, 50, 30, 0.22), transparent) left / 12px 100% no-repeat scroll,
    linear-gradient(to left, rgba(60, 50, 30, 0.22), transparent) right / 12px 100% no-repeat scroll;
}
math[display="block"]::-webkit-scrollbar { height: 9px; }
math[display="block"]::-webkit-scrollbar-track { background: #ece6da; border-radius: 5px; }
math[display="block"]::-webkit-scrollbar-thumb { background: #8f8779; border-radius: 5px; }
math[data-wide]:focus-visible, pre[data-wide]:focus-visible { outline: 2px solid #1a73e8; outline-offset: 2px; }
::highlight(quote-yellow) { background-color: rgba(250, 214, 70, 0.55); }
::highlight(quote-green) { background-color: rgba(110, 200, 120, 0.45); }
::highlight(quote-blue) { background-color: rgba(100, 170, 240, 0.45); }
::highlight(quote-pink) { background-color: rgba(245, 130, 180, 0.45); }
::highlight(quote-purple) { background-color: rgba(170, 130, 230, 0.45); }
::highlight(quote-orange) { background-color: rgba(250, 160, 70, 0.5); }
::highlight(find-match) { background-color: rgba(255, 235, 59, 0.9); color: #000; }
::highlight(find-current) { background-color: #ff9632; color: #000; }
::highlight(flash) { background-color: rgba(255, 150, 50, 0.6); }
::highlight(caret) { background-color: rgba(26, 115, 232, 0.3); text-decoration: underline 3px #1a73e8; }
@media (prefers-color-scheme: dark) {
  body { color: #e6e1d8; background: #1c1b19; }
  blockquote { border-color: #57524a; color: #c8c1b5; }
  pre { background: #2a2825; }
  th, td { border-color: #4a463f; }
  span.image-missing { border-color: #6a645a; color: #bdb6aa; }
  math[data-wide] {
    background:
      linear-gradient(to right, #1c1b19 30%, rgba(28, 27, 25, 0)) left / 3em 100% no-repeat local,
      linear-gradient(to left, #1c1b19 30%, rgba(28, 27, 25, 0)) right / 3em 100% no-repeat local,
      linear-gradient(to right, rgba(255, 255, 255, 0.2), transparent) left / 12px 100% no-repeat scroll,
      linear-gradient(to left, rgba(255, 255, 255, 0.2), transparent) right / 12px 100% no-repeat scroll;
  }
  math[display="block"]::-webkit-scrollbar-track { background: #2e2b27; }
  math[display="block"]::-webkit-scrollbar-thumb { background: #8a8376; }
  a[href] { color: #8cb8ef; }
  ::highlight(quote-yellow) { background-color: rgba(200, 160, 20, 0.5); }
  ::highlight(find-match) { background-color: rgba(180, 150, 20, 0.8); color: #fff; }
}
`

/**
 * The complete srcdoc for sanitized body HTML: its own CSP first, then the document's title (what a screen reader
 * announces for the frame's document; axe `document-title`), the reader styles, then the content.
 */
export function buildFrameDocument(
  sanitizedBody: string,
  language: string | null,
  filesSource: string | null = null,
  title = '',
): string {
  const lang = language && /^[A-Za-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$/.test(language) ? language : 'en'
  return `<!doctype html><html lang="${lang}"><head><meta charset="utf-8"><meta http-equiv="Content-Security-Policy" content="${frameCsp(filesSource)}"><meta name="referrer" content="no-referrer"><title>${escapeText(title)}</title><style>${FRAME_STYLE}</style></head><body><article>${sanitizedBody}</article></body></html>`
}

/** A document's own words as text in markup: a title may hold `</title><script>` (hostile input). */
function escapeText(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`)
}
