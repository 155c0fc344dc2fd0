import { readFileSync } from 'node:fs'
import { extractHtml } from '../src/main/importers/extractors/html'
async function main() {
  const f = process.argv[2]!
  const d = await extractHtml({ bytes: readFileSync(f), path: f, limits: { maxFileBytes: 1e9, maxZipBytes: 1, maxZipEntries: 1 } })
  console.log(d.text.slice(0, 400)); console.log('...', d.text.slice(-300)); console.log(d.warnings, d.html?.slice(0, 300))
}
main()
