import { mkdtempSync, writeFileSync, copyFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { WorkerPool } from '../src/main/importers/extraction'
async function main() {
  const dir = mkdtempSync(join(tmpdir(), 'pool-'))
  copyFileSync('tests/fixtures/documents/debian/maint-guide.en.pdf', join(dir, 'a.pdf'))
  writeFileSync(join(dir, 'b.txt'), 'Quick file\n\nIt imports.\n')
  writeFileSync(join(dir, 'c.html'), '<html><body>' + '<p>para x y z</p>'.repeat(300_000) + '</body></html>')
  const pool = new WorkerPool(process.argv[2] ?? 'src/main/importers/worker/import-worker.ts', 1, { maxFileBytes: 1e9, timeoutMs: Number(process.argv[3] ?? 150), maxZipBytes: 1e9, maxZipEntries: 1e4, workers: 1, workerMemoryMb: Number(process.argv[4] ?? 0) || undefined })
  for (const f of (process.argv[5] ?? 'a.pdf,b.txt,c.html,b.txt').split(',')) {
    const t = performance.now()
    const o = await pool.extract(join(dir, f))
    console.log(f, (performance.now() - t).toFixed(0), o.ok ? 'ok ' + o.file.title : o.failure)
  }
  await pool.close()
}
main()
