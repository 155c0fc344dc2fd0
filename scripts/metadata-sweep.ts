/**
 * Metadata sweep (not part of npm test): title, authors and date of every document under the given folders, read by
 * the real extractors, one JSON line per file; with --compare, what changed between two such runs. Use it on
 * documents nobody on the project picked, before and after a change to the metadata rules:
 *
 *   mkdir -p /tmp/tm && cd /tmp/tm && apt-get download texlive-latex-base-doc texlive-humanities-doc && \
 *     for d in *.deb; do dpkg -x "$d" root; done
 *   npx tsx --tsconfig tsconfig.node.json scripts/metadata-sweep.ts --out before.jsonl [--every 5] [--pdf-every 10] \
 *     [--kinds text,html,book,pdf] /tmp/tm/root /usr/share/doc
 *   (change the code, run again with --out after.jsonl)
 *   npx tsx --tsconfig tsconfig.node.json scripts/metadata-sweep.ts --compare before.jsonl after.jsonl
 *
 * Files: PDFs (every --every-th in sorted path order), plain text / Markdown (README*, howto*, *.txt, *.md), HTML
 * (every --every-th), DOCX and EPUB. A file's title falls back on its path (a generic name takes its folder's): run
 * both sweeps on the same paths.
 */
import { appendFileSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import { basename, join } from 'node:path'
import { extractFile } from '../src/main/importers/extract'

// detectLanguage: the language an import would store (declared, or detected when the document declares none).
const LIMITS = {
  maxFileBytes: 20_000_000,
  maxZipBytes: 50_000_000,
  maxZipEntries: 10_000,
  detectLanguage: true,
}
const TEXT = /^(?:readme|howto)|\.(?:txt|md)$/i

type Row = {
  file: string
  title: string
  authors: string[]
  date: string | null
  language?: string | null
  languageSource?: string | null
  source?: string | null
  publisher?: string | null
  error?: string
}

function opt(argv: string[], name: string): string | null {
  const i = argv.indexOf(name)
  if (i < 0) return null
  const v = argv[i + 1] ?? null
  argv.splice(i, 2)
  return v
}

type Found = { pdfs: string[]; texts: string[]; pages: string[]; books: string[] }

function filesUnder(dir: string, found: Found): void {
  for (const name of readdirSync(dir).sort()) {
    const path = join(dir, name)
    let st: ReturnType<typeof statSync>
    try {
      st = statSync(path)
    } catch {
      continue
    }
    if (st.isDirectory()) filesUnder(path, found)
    else if (st.size > 8_000_000 || st.size < 64) continue
    else if (/\.pdf$/i.test(name)) found.pdfs.push(path)
    else if (/\.html?$/i.test(name)) found.pages.push(path)
    else if (/\.(?:docx|epub)$/i.test(name)) found.books.push(path)
    else if (TEXT.test(name) && !/\.(?:gz|html?|pdf|py|c|h|sh|xz|bz2|json|ya?ml)$/i.test(name))
      found.texts.push(path)
  }
}

async function sweep(argv: string[]): Promise<void> {
  const out = opt(argv, '--out') ?? 'sweep.jsonl'
  const every = Number(opt(argv, '--every') ?? 1)
  const pdfEvery = Number(opt(argv, '--pdf-every') ?? every)
  // --kinds text,html,book,pdf: a long sweep split over several processes (one extraction after another grows the
  // heap: ~4,000 files fill 4 GB).
  const kinds = new Set((opt(argv, '--kinds') ?? 'text,html,book,pdf').split(','))
  const found: Found = { pdfs: [], texts: [], pages: [], books: [] }
  for (const root of argv) filesUnder(root, found)
  const pick = <T>(kind: string, list: T[]): T[] => (kinds.has(kind) ? list : [])
  const pdfs = pick('pdf', found.pdfs)
  const texts = pick('text', found.texts)
  const pages = pick('html', found.pages)
  const books = pick('book', found.books)
  // The quick formats first, PDFs last.
  const files = [
    ...texts,
    ...pages.filter((_, i) => i % every === 0),
    ...books,
    ...pdfs.filter((_, i) => i % pdfEvery === 0),
  ]
  // Written row by row: a long sweep can be compared while it runs (or after it was stopped).
  writeFileSync(out, '')
  let done = 0
  for (const file of files) {
    let row: Row
    try {
      const doc = await extractFile(file, LIMITS)
      row = {
        file,
        title: doc.title,
        authors: doc.authors,
        date: doc.publishedAt,
        language: doc.language,
        languageSource: doc.languageSource ?? null,
        source: doc.source,
        publisher: doc.publisher,
      }
    } catch (error) {
      row = { file, title: '', authors: [], date: null, error: String(error).slice(0, 200) }
    }
    appendFileSync(out, `${JSON.stringify(row)}\n`)
    if (++done % 50 === 0) console.error(`${done} / ${files.length}`)
  }
  console.log(
    `${files.length} files (${pdfs.length} PDFs and ${pages.length} HTML pages seen, every ${every}th taken) → ${out}`,
  )
}

function compare(a: string, b: string): void {
  const read = (f: string): Map<string, Row> =>
    new Map(
      readFileSync(f, 'utf8')
        .split('\n')
        .filter(Boolean)
        .map((l) => JSON.parse(l) as Row)
        .map((r) => [r.file, r]),
    )
  const before = read(a)
  const after = read(b)
  const changed: Record<string, number> = { title: 0, authors: 0, date: 0, language: 0, error: 0 }
  for (const [file, x] of before) {
    const y = after.get(file)
    if (!y) continue
    const diffs: string[] = []
    if (x.title !== y.title)
      diffs.push(`title: ${JSON.stringify(x.title)} → ${JSON.stringify(y.title)}`)
    if (x.authors.join('; ') !== y.authors.join('; '))
      diffs.push(`authors: ${x.authors.join('; ') || '—'} → ${y.authors.join('; ') || '—'}`)
    if (x.date !== y.date) diffs.push(`date: ${x.date ?? '—'} → ${y.date ?? '—'}`)
    if ((x.language ?? null) !== (y.language ?? null))
      diffs.push(
        `language: ${x.language ?? '—'} → ${y.language ?? '—'} (${y.languageSource ?? '—'})`,
      )
    if (x.error !== y.error) diffs.push(`error: ${x.error ?? '—'} → ${y.error ?? '—'}`)
    for (const d of diffs)
      changed[d.slice(0, d.indexOf(':'))] = (changed[d.slice(0, d.indexOf(':'))] ?? 0) + 1
    if (diffs.length) console.log(`${basename(file)} (${file})\n  ${diffs.join('\n  ')}`)
  }
  console.log(
    `\n${before.size} files: ${changed.title} titles, ${changed.authors} author lists, ${changed.date} dates, ${changed.language} languages, ${changed.error} errors changed`,
  )
}

const argv = process.argv.slice(2)
if (argv[0] === '--compare') compare(argv[1] ?? '', argv[2] ?? '')
else void sweep(argv)
