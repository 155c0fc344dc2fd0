/**
 * PDF fidelity sweep (issue #12; not part of npm test): runs the importer's PDF extractor and poppler's `pdftotext`
 * (test-time oracle only) on every PDF under the given folders and reports, per file and overall, the per-page word
 * similarity and the ligature words ("fi", "fl", "ff", "ffi", "ffl") pdftotext has and we lack. Use it on documents
 * nobody on the project picked, e.g. Debian's TeX Live documentation:
 *
 *   mkdir -p /tmp/sweep && cd /tmp/sweep && apt-get download texlive-latex-base-doc texlive-science-doc && \
 *     for d in *.deb; do dpkg -x "$d" root; done
 *   npx tsx --tsconfig tsconfig.node.json scripts/pdf-sweep.ts /tmp/sweep/root [--max 150] [--pages 40] [--json out.json]
 *
 * Arguments may also be single PDF files (e.g. a list chosen by `pdfinfo` Producer: dvips, Ghostscript, old pdfTeX).
 *
 * Files are taken in sorted path order (deterministic), at most --max of them, at most --pages pages each.
 */
import { execFileSync } from 'node:child_process'
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { extractPdf } from '../src/main/importers/extractors/pdf'
import { oracleWords, popplerPages, wordSimilarity } from '../tests/support/pdf-oracle'

const LIMITS = { maxFileBytes: 50_000_000, maxZipBytes: 50_000_000, maxZipEntries: 10_000 }
const LIGATURE = /ffi|ffl|ff|fi|fl/

type FileReport = {
  file: string
  pages: number
  median: number
  min: number
  /** Ligature words pdftotext has that our text lacks (multiset difference), with a few examples. */
  ligatureLost: number
  examples: string[]
  producer: string
  error?: string
}

function args(): { roots: string[]; max: number; pages: number; json: string | null } {
  const argv = process.argv.slice(2)
  const opt = (name: string): string | null => {
    const i = argv.indexOf(name)
    if (i < 0) return null
    const v = argv[i + 1] ?? null
    argv.splice(i, 2)
    return v
  }
  const max = Number(opt('--max') ?? 150)
  const pages = Number(opt('--pages') ?? 40)
  const json = opt('--json')
  return { roots: argv, max, pages, json }
}

function* pdfsUnder(dir: string): Generator<string> {
  if (statSync(dir).isFile()) {
    yield dir
    return
  }
  for (const name of readdirSync(dir).sort()) {
    const path = join(dir, name)
    const st = statSync(path)
    if (st.isDirectory()) yield* pdfsUnder(path)
    else if (/\.pdf$/i.test(name) && st.size < 20_000_000) yield path
  }
}

function producer(file: string): string {
  try {
    const info = execFileSync('pdfinfo', [file], { timeout: 10_000 }).toString('latin1')
    const p = /^Producer:\s*(.*)$/m.exec(info)?.[1] ?? ''
    const c = /^Creator:\s*(.*)$/m.exec(info)?.[1] ?? ''
    return `${c} / ${p}`.trim()
  } catch {
    return '?'
  }
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b)
  return s.length ? (s[Math.floor((s.length - 1) / 2)] as number) : Number.NaN
}

async function sweepFile(file: string, maxPages: number): Promise<FileReport> {
  const report: FileReport = {
    file,
    pages: 0,
    median: Number.NaN,
    min: Number.NaN,
    ligatureLost: 0,
    examples: [],
    producer: producer(file),
  }
  try {
    const oracle = popplerPages(file)
    const doc = await extractPdf({ bytes: readFileSync(file), path: file, limits: LIMITS })
    const starts = doc.pageStarts ?? []
    const scores: number[] = []
    const n = Math.min(starts.length, oracle.length, maxPages)
    for (let i = 0; i < n; i++) {
      const page = doc.text.slice(starts[i] ?? 0, starts[i + 1] ?? doc.text.length)
      const ours = oracleWords([page, ...(doc.pageMeta?.[i]?.removed ?? [])].join('\n'))
      const theirs = oracleWords(oracle[i] ?? '')
      scores.push(wordSimilarity(ours, theirs))
      const have = new Map<string, number>()
      for (const w of ours) have.set(w, (have.get(w) ?? 0) + 1)
      for (const w of theirs) {
        if (!LIGATURE.test(w)) continue
        const k = have.get(w) ?? 0
        if (k > 0) have.set(w, k - 1)
        else {
          report.ligatureLost++
          if (report.examples.length < 6) report.examples.push(w)
        }
      }
    }
    if (starts.length !== oracle.length)
      report.error = `page count ${starts.length} vs pdftotext ${oracle.length}`
    report.pages = n
    report.median = median(scores)
    report.min = scores.length ? Math.min(...scores) : Number.NaN
  } catch (error) {
    report.error = error instanceof Error ? error.message : String(error)
  }
  return report
}

async function main(): Promise<void> {
  const { roots, max, pages, json } = args()
  if (roots.length === 0)
    throw new Error('usage: pdf-sweep.ts FOLDER... [--max N] [--pages N] [--json FILE]')
  const files = roots.flatMap((r) => [...pdfsUnder(r)]).slice(0, max)
  const reports: FileReport[] = []
  for (const file of files) {
    const r = await sweepFile(file, pages)
    reports.push(r)
    console.log(
      `${r.median.toFixed(3)} min ${r.min.toFixed(3)} lig-lost ${String(r.ligatureLost).padStart(4)} ${r.pages}p ${file}${r.error ? `  [${r.error}]` : ''}${r.examples.length ? `  e.g. ${r.examples.join(' ')}` : ''}`,
    )
  }
  const ok = reports.filter((r) => !Number.isNaN(r.median))
  const pageCount = ok.reduce((n, r) => n + r.pages, 0)
  const lost = ok.reduce((n, r) => n + r.ligatureLost, 0)
  console.log(
    `\n${reports.length} files (${reports.length - ok.length} failed), ${pageCount} pages; median of file medians ${median(ok.map((r) => r.median)).toFixed(3)}; worst page ${Math.min(...ok.map((r) => r.min)).toFixed(3)}; files with a page < 0.98: ${ok.filter((r) => r.min < 0.98).length}; ligature words lost: ${lost} in ${ok.filter((r) => r.ligatureLost > 0).length} files`,
  )
  if (json) writeFileSync(json, JSON.stringify(reports, null, 1))
}

void main()
