import { readdirSync } from 'node:fs'
import { join } from 'node:path'
import { extractFile } from '../src/main/importers/extract'
async function main() {
  const dir = process.argv[2]!
  for (const name of readdirSync(dir)) {
    const t = performance.now()
    let r = 'ok'
    try { await extractFile(join(dir, name), { maxFileBytes: 2e8, maxZipBytes: 20 * 1024 * 1024, maxZipEntries: 1e4 }) } catch (e) { r = (e as Error).message.slice(0, 60) }
    console.log(name, (performance.now() - t).toFixed(0), r)
  }
}
main()
