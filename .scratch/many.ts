import { manyPagesPdf } from '../scripts/gen-hostile-fixtures'
import { extractPdf } from '../src/main/importers/extractors/pdf'
async function main() {
  for (const n of [100, 2000]) {
    const b = manyPagesPdf(n)
    const t = performance.now()
    const d = await extractPdf({ bytes: b, path: 'x.pdf', limits: { maxFileBytes: 1e9, maxZipBytes: 1, maxZipEntries: 1 } })
    console.log(n, b.length, (performance.now() - t).toFixed(0), d.pageStarts?.length, d.text.slice(0, 50))
  }
}
main()
