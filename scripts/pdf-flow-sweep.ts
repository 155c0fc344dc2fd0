/**
 * Page-break sweep (not part of npm test): which page breaks the PDF extractor joins into one paragraph, per
 * document, so the rule can be judged on documents nobody picked and spot-checked against the rendered pages
 * (`pdftoppm -r 100 -f N -l N -png`) and `pdftotext -layout`.
 *
 *   npx tsx --tsconfig tsconfig.node.json scripts/pdf-flow-sweep.ts LIST.txt [--kept] > flow.txt
 *
 * LIST.txt holds one PDF path per line. Per document: page breaks between two pages with text, how many were joined,
 * and each joined break as "p9→10 JOINED: …end of page 9 ⏎ start of page 10…" (JOINED∅: without a space). With --kept, also the breaks kept apart
 * although page 9 ends without sentence-final punctuation (the candidates for a missed join). Totals at the end.
 */
import { readFileSync } from 'node:fs'
import { extractPdf } from '../src/main/importers/extractors/pdf'

const LIMITS = { maxFileBytes: 80_000_000, maxZipBytes: 50_000_000, maxZipEntries: 10_000 }
const FINAL = /[.?!:。！？．：…][\s"'”’»)\]）」』】〉》]*$/u

const tail = (s: string): string => s.slice(-50).replace(/\s+/g, ' ')
const head = (s: string): string => s.slice(0, 50).replace(/\s+/g, ' ')

async function sweep(list: string, showKept: boolean): Promise<void> {
  const files = readFileSync(list, 'utf8')
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean)
  let breaks = 0
  let joined = 0
  let documents = 0
  for (const file of files) {
    let doc: Awaited<ReturnType<typeof extractPdf>>
    try {
      doc = await extractPdf({ bytes: readFileSync(file), path: file, limits: LIMITS })
    } catch (error) {
      console.log(`\n${file}: ${error instanceof Error ? error.message : String(error)}`)
      continue
    }
    documents++
    const starts = doc.pageStarts ?? [0]
    const pages = starts.map((s, i) => doc.text.slice(s, starts[i + 1] ?? doc.text.length))
    const lines: string[] = []
    let docBreaks = 0
    let docJoined = 0
    for (let i = 1; i < pages.length; i++) {
      const before = (pages[i - 1] as string).trimEnd()
      const after = pages[i] as string
      if (!before.trim() || !after.trim()) continue
      docBreaks++
      const wasJoined = !/\n\n$/.test(pages[i - 1] as string)
      if (wasJoined) {
        docJoined++
        // No space at the break: a CJK sentence, or a hyphenated word whose hyphen went.
        const how = /\s$/.test(pages[i - 1] as string) ? 'JOINED' : 'JOINED∅'
        lines.push(`  p${i}→${i + 1} ${how}: …${tail(before)} ⏎ ${head(after)}…`)
      } else if (showKept && !FINAL.test(before))
        lines.push(`  p${i}→${i + 1} kept:   …${tail(before)} ⏎ ${head(after)}…`)
    }
    breaks += docBreaks
    joined += docJoined
    console.log(`\n${file}: ${docJoined} of ${docBreaks} page breaks joined`)
    for (const l of lines) console.log(l)
  }
  console.log(`\nTOTAL: ${documents} documents, ${joined} of ${breaks} page breaks joined`)
}

const argv = process.argv.slice(2)
const list = argv.find((a) => !a.startsWith('--'))
if (!list) {
  console.error('usage: pdf-flow-sweep.ts LIST.txt [--kept]')
  process.exit(2)
}
void sweep(list, argv.includes('--kept'))
