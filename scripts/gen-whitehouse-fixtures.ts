/**
 * Writes the White House fixtures in tests/fixtures/documents/whitehouse/ from the public-domain corpus
 * (../shared/corpus/whitehouse-remarks-2009-2015, or LECTERN_CORPUS): one speech each as .txt, .md, .html and .docx.
 * The .html page and the .docx file are GENERATED here from the speech text (there is no original file of those
 * kinds in the corpus); the text itself is verbatim. Run: npx tsx --tsconfig tsconfig.node.json scripts/gen-whitehouse-fixtures.ts
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { gunzipSync } from 'node:zlib'
import { Document, HeadingLevel, Packer, Paragraph, TextRun } from 'docx'

type Speech = {
  id: string
  title: string
  text: string
  date: string | null
  url: string
  speaker: string
}

const corpus = resolve(
  process.env.LECTERN_CORPUS ?? join(__dirname, '..', '..', 'shared', 'corpus'),
)
const out = join(__dirname, '..', 'tests', 'fixtures', 'documents', 'whitehouse')

function load(): Map<string, Speech> {
  const raw = gunzipSync(
    readFileSync(join(corpus, 'whitehouse-remarks-2009-2015', 'articles.jsonl.gz')),
  ).toString('utf8')
  const map = new Map<string, Speech>()
  for (const line of raw.split('\n'))
    if (line.trim()) {
      const s = JSON.parse(line) as Speech
      map.set(s.id, s)
    }
  return map
}

const longDate = (iso: string): string =>
  new Date(`${iso}T12:00:00Z`).toLocaleDateString('en-US', {
    month: 'long',
    day: 'numeric',
    year: 'numeric',
    timeZone: 'UTC',
  })

const escapeHtml = (s: string): string =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;')

async function main(): Promise<void> {
  const speeches = load()
  const get = (id: string): Speech => {
    const s = speeches.get(id)
    if (!s) throw new Error(`speech ${id} not in the corpus`)
    return s
  }
  mkdirSync(out, { recursive: true })

  // .txt: title line, date line, body (the shape of the original whitehouse.gov captures).
  const ebola = get('wh-2014-10-28-remarks-president-ebola')
  writeFileSync(
    join(out, 'remarks-president-ebola.txt'),
    `${ebola.title}\n\n${longDate(ebola.date as string)}\n\n${ebola.text}\n`,
  )

  // .md: front matter with title, author, date, tags, source and url.
  const opm = get('wh-remarks-first-lady-during-visit-us-office-personnel-management')
  const md = [
    '---',
    'title: "Remarks by the First Lady During Visit to the U.S. Office of Personnel Management"',
    'author: Michelle Obama',
    `date: ${opm.date}`,
    'tags: [first-lady, federal-workforce]',
    'source: The White House, Office of the First Lady',
    `url: ${opm.url}`,
    '---',
    '',
    opm.text.replace(/\n{3,}/g, '\n\n'),
    '',
  ].join('\n')
  writeFileSync(join(out, 'first-lady-opm-visit.md'), md)

  // .html: a saved article page with the metadata news sites carry (OpenGraph, article:*, JSON-LD) and page chrome.
  const sandy = get('wh-2012-10-29-remarks-president-hurricane-sandy')
  const paragraphs = sandy.text
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter(Boolean)
    .map((p) => `      <p>${escapeHtml(p).replace(/\n/g, '<br>')}</p>`)
    .join('\n')
  const ld = {
    '@context': 'https://schema.org',
    '@type': 'NewsArticle',
    headline: sandy.title,
    datePublished: `${sandy.date}T13:00:00-04:00`,
    author: [{ '@type': 'Person', name: 'Barack Obama' }],
    publisher: { '@type': 'Organization', name: 'The White House' },
  }
  const html = `<!DOCTYPE html>
<html lang="en-US">
<head>
  <meta charset="utf-8">
  <title>${escapeHtml(sandy.title)} | The White House</title>
  <meta property="og:title" content="${escapeHtml(sandy.title)}">
  <meta property="og:site_name" content="The White House">
  <meta property="og:type" content="article">
  <meta property="og:url" content="${sandy.url}">
  <meta property="article:published_time" content="${sandy.date}T13:00:00-04:00">
  <meta name="author" content="Barack Obama">
  <link rel="canonical" href="${sandy.url}">
  <link rel="stylesheet" href="https://www.whitehouse.gov/css/site.css">
  <script type="application/ld+json">${JSON.stringify(ld)}</script>
  <script>window.analytics = { page: "remarks" }</script>
</head>
<body>
  <header><nav><a href="/">Home</a> <a href="/briefing-room">Briefing Room</a> <a href="/issues">Issues</a></nav></header>
  <main>
    <article>
      <h1>${escapeHtml(sandy.title)}</h1>
      <p class="meta">The White House, Office of the Press Secretary. <time datetime="${sandy.date}">${longDate(sandy.date as string)}</time></p>
${paragraphs}
    </article>
  </main>
  <footer><p>The White House · 1600 Pennsylvania Ave NW · Washington, DC 20500</p>
  <img src="https://www.whitehouse.gov/pixel.gif" width="1" height="1" alt=""></footer>
</body>
</html>
`
  writeFileSync(join(out, 'remarks-president-hurricane-sandy.html'), html)

  // .docx: generated with the `docx` package (title heading, date line, paragraphs; core.xml metadata).
  const troops = get('wh-2012-05-01-remarks-president-obama-troops-afghanistan')
  const body = troops.text
    .split(/\n\s*\n/)
    .map((p) => p.replace(/\s*\n\s*/g, ' ').trim())
    .filter(Boolean)
  const docx = new Document({
    title: troops.title,
    creator: 'Barack Obama',
    description: 'Remarks of the President, public domain (whitehouse.gov)',
    sections: [
      {
        children: [
          new Paragraph({ text: troops.title, heading: HeadingLevel.HEADING_1 }),
          new Paragraph({
            children: [new TextRun({ text: longDate(troops.date as string), italics: true })],
          }),
          ...body.map((p) => new Paragraph({ children: [new TextRun(p)] })),
        ],
      },
    ],
  })
  writeFileSync(join(out, 'remarks-president-troops-afghanistan.docx'), await Packer.toBuffer(docx))
  process.stdout.write(`wrote 4 fixtures to ${out}\n`)
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`)
  process.exit(1)
})
