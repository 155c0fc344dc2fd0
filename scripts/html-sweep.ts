/**
 * HTML title/text sweep (not part of npm test): runs the importer on HTML pages and prints, per page, the title (with
 * where it came from) and the first characters of the text, so two runs (before/after a change) can be compared.
 * Use it on documentation nobody on the project picked, e.g. Debian's:
 *
 *   mkdir -p /tmp/sweep && cd /tmp/sweep && apt-get download nodejs-doc python3.11-doc developers-reference && \
 *     for d in *.deb; do dpkg -x "$d" root; done
 *   npx tsx --tsconfig tsconfig.node.json scripts/html-sweep.ts LIST.txt > after.json   (LIST: one path a line)
 *   npx tsx --tsconfig tsconfig.node.json scripts/html-sweep.ts --diff before.json after.json
 */
import { readFileSync } from 'node:fs'
import { extractFile } from '../src/main/importers/extract'

const LIMITS = { maxFileBytes: 50_000_000, maxZipBytes: 50_000_000, maxZipEntries: 10_000 }
const HEAD = 200

type Row = {
  file: string
  title: string
  from: string
  head: string
  chars: number
  error?: string
}

async function sweep(list: string): Promise<void> {
  const files = readFileSync(list, 'utf8')
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean)
  const rows: Row[] = []
  for (const file of files) {
    try {
      const doc = await extractFile(file, LIMITS)
      const p = doc.provenance.title
      rows.push({
        file,
        title: doc.title,
        from: `${p?.origin ?? '?'} ${p?.confidence ?? ''} ${p?.detail ?? ''}`.trim(),
        head: doc.text.slice(0, HEAD).replace(/\s+/g, ' '),
        chars: doc.text.length,
      })
    } catch (error) {
      rows.push({ file, title: '', from: '', head: '', chars: 0, error: String(error) })
    }
  }
  console.log(JSON.stringify(rows, null, 1))
}

function diff(beforePath: string, afterPath: string): void {
  const before = new Map(
    (JSON.parse(readFileSync(beforePath, 'utf8')) as Row[]).map((r) => [r.file, r]),
  )
  const after = JSON.parse(readFileSync(afterPath, 'utf8')) as Row[]
  let same = 0
  for (const a of after) {
    const b = before.get(a.file)
    if (
      b &&
      b.title === a.title &&
      b.head === a.head &&
      b.chars === a.chars &&
      b.error === a.error
    ) {
      same++
      continue
    }
    console.log(`\n${a.file}`)
    if (b?.title !== a.title)
      console.log(
        `  title  ${JSON.stringify(b?.title)}\n      → ${JSON.stringify(a.title)} (${a.from})`,
      )
    if (b?.head !== a.head)
      console.log(`  text   ${JSON.stringify(b?.head)}\n      → ${JSON.stringify(a.head)}`)
    if (b?.chars !== a.chars) console.log(`  length ${b?.chars} → ${a.chars}`)
    if (b?.error !== a.error) console.log(`  error  ${b?.error ?? '-'} → ${a.error ?? '-'}`)
  }
  console.log(`\n${after.length} pages: ${same} unchanged, ${after.length - same} changed`)
}

const argv = process.argv.slice(2)
if (argv[0] === '--diff' && argv[1] && argv[2]) diff(argv[1], argv[2])
else if (argv[0]) void sweep(argv[0])
else console.error('usage: html-sweep.ts LIST.txt | --diff before.json after.json')
