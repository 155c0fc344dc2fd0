import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { WorkerPool } from '../src/main/importers/extraction'
async function main() {
  const dir = mkdtempSync(join(tmpdir(), 'oom-'))
  writeFileSync(join(dir, 'big.txt'), Buffer.alloc(48 * 1024 * 1024, 'All work and no play makes Jack a dull boy. '))
  writeFileSync(join(dir, 'many.html'), '<html><body>' + '<p>para <b>x</b> y z</p>'.repeat(Number(process.argv[2] ?? 100000)) + '</body></html>')
  writeFileSync(join(dir, 'b.txt'), 'Quick file\n\nIt imports.\n')
  const pool = new WorkerPool('src/main/importers/worker/import-worker.ts', 1, { maxFileBytes: 1e9, timeoutMs: 60000, maxZipBytes: 1e9, maxZipEntries: 1e4, workers: 1, workerMemoryMb: Number(process.argv[3] ?? 64) })
  for (const f of ['big.txt', 'many.html', 'b.txt']) {
    const t = performance.now()
    const o = await pool.extract(join(dir, f))
    console.log(f, (performance.now() - t).toFixed(0), o.ok ? 'ok ' + o.file.title : o.failure)
  }
  await pool.close()
}
main()
