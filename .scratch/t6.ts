import { readFileSync } from 'node:fs'
import { extractEpub } from '../src/main/importers/extractors/epub'
async function main() {
  for (const f of process.argv.slice(2)) {
    const t = performance.now()
    const d = await extractEpub({ bytes: readFileSync(f), path: f, limits: { maxFileBytes: 1e9, maxZipBytes: 5e8, maxZipEntries: 1e4 } })
    console.log((performance.now() - t).toFixed(0), 'ms', d.title, d.authors, d.publishedAt, d.publisher, d.language, d.warnings, d.text.length, d.html?.length)
    console.log(d.toc?.slice(0, 12).map(e => `${e.level} ${e.title} @${e.offset}: ${JSON.stringify(d.text.slice(e.offset, e.offset + 40))}`).join('\n'))
    console.log(d.text.slice(0, 600))
  }
}
main()
