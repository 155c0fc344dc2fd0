import { readFileSync } from 'node:fs'
import { extractPdf } from '/work/main/src/main/importers/extractors/pdf'
async function main() { for (const f of process.argv.slice(2)) {
  const t = performance.now()
  const d = await extractPdf({ bytes: readFileSync(f), path: f, limits: { maxFileBytes: 1e9, maxZipBytes: 1e9, maxZipEntries: 1e4 } })
  console.log(f, (performance.now() - t).toFixed(0), 'ms', d.title, d.authors, d.publishedAt, d.language, d.pageStarts?.length, d.warnings)
  console.log(d.text.slice(d.pageStarts![9]!, d.pageStarts![9]! + 1500))
} }
main()
