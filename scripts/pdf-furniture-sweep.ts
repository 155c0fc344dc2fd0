/**
 * Page furniture sweep (not part of npm test): which lines the PDF extractor takes out of the text flow as running
 * headers, footers and page numbers, per document, so a change to the rule can be judged on documents nobody picked
 * and spot-checked against `pdftotext -layout`.
 *
 *   npx tsx --tsconfig tsconfig.node.json scripts/pdf-furniture-sweep.ts LIST.txt > before.json
 *   npx tsx --tsconfig tsconfig.node.json scripts/pdf-furniture-sweep.ts --diff before.json after.json
 *
 * LIST.txt holds one PDF path per line. Each document's entry: pages, pages with a line removed, and every removed
 * line with the pages it was removed from (digits kept: "Debian リファレンス 5 / 244" is one line of page 33).
 */
import { readFileSync } from 'node:fs'
import { extractPdf } from '../src/main/importers/extractors/pdf'

const LIMITS = { maxFileBytes: 80_000_000, maxZipBytes: 50_000_000, maxZipEntries: 10_000 }

type Entry = {
  file: string
  pages: number
  pagesWithRemoved: number
  removed: Record<string, number[]>
  error?: string
}

async function sweep(list: string): Promise<void> {
  const files = readFileSync(list, 'utf8')
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean)
  const out: Entry[] = []
  for (const file of files) {
    const entry: Entry = { file, pages: 0, pagesWithRemoved: 0, removed: {} }
    try {
      const doc = await extractPdf({ bytes: readFileSync(file), path: file, limits: LIMITS })
      const meta = doc.pageMeta ?? []
      entry.pages = meta.length
      for (const [i, page] of meta.entries()) {
        if (page.removed.length > 0) entry.pagesWithRemoved++
        for (const line of page.removed)
          entry.removed[line] = [...(entry.removed[line] ?? []), i + 1]
      }
    } catch (error) {
      entry.error = error instanceof Error ? error.message : String(error)
    }
    out.push(entry)
    process.stderr.write(`${entry.pagesWithRemoved}/${entry.pages} ${file}\n`)
  }
  process.stdout.write(`${JSON.stringify(out, null, 1)}\n`)
}

function diff(beforeFile: string, afterFile: string): void {
  const before = new Map(
    (JSON.parse(readFileSync(beforeFile, 'utf8')) as Entry[]).map((e) => [e.file, e]),
  )
  const after = JSON.parse(readFileSync(afterFile, 'utf8')) as Entry[]
  let changed = 0
  let withFurniture = 0
  for (const a of after) {
    if (a.pagesWithRemoved > 0) withFurniture++
    const b = before.get(a.file)
    const lines = (e: Entry | undefined): Set<string> =>
      new Set(
        Object.entries(e?.removed ?? {}).flatMap(([line, pages]) =>
          pages.map((p) => `p${p}: ${line}`),
        ),
      )
    const was = lines(b)
    const now = lines(a)
    const gone = [...was].filter((l) => !now.has(l))
    const added = [...now].filter((l) => !was.has(l))
    if (gone.length === 0 && added.length === 0) continue
    changed++
    console.log(
      `\n${a.file} (${a.pages} pages; removed on ${b?.pagesWithRemoved ?? 0} → ${a.pagesWithRemoved} pages)`,
    )
    for (const l of gone.slice(0, 8)) console.log(`  kept now:    ${l}`)
    if (gone.length > 8) console.log(`  … ${gone.length - 8} more kept`)
    for (const l of added.slice(0, 8)) console.log(`  removed now: ${l}`)
    if (added.length > 8) console.log(`  … ${added.length - 8} more removed`)
  }
  console.log(
    `\n${after.length} documents, ${withFurniture} with furniture removed, ${changed} changed`,
  )
}

const argv = process.argv.slice(2)
if (argv[0] === '--diff' && argv[1] && argv[2]) diff(argv[1], argv[2])
else if (argv[0]) void sweep(argv[0])
else console.error('usage: pdf-furniture-sweep.ts LIST.txt | --diff before.json after.json')
