import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createBackend } from '../src/main/backend/create-backend'
import { createMemoryLogger } from '../src/main/platform/logger'
import { runImport } from '../src/main/importers/pipeline'
async function main() {
  const dir = mkdtempSync(join(tmpdir(), 'lectern-smoke-'))
  const backend = createBackend({ libraryDir: dir, log: createMemoryLogger(), limits: { workers: Number(process.argv[2] ?? 0) }, workerScript: process.argv[3] })
  const t = performance.now()
  const report = await runImport(backend.context, { paths: ['tests/fixtures/documents', 'tests/fixtures/cli'] })
  console.log((performance.now() - t).toFixed(0), 'ms')
  for (const r of report.results) console.log(r.status, r.format, r.path.replace(/.*fixtures\//, ''), '|', r.title, '|', r.error ?? '', r.warnings?.join(';') ?? '')
  const rows = backend.context.db.prepare('SELECT id, title, authors, published_at, source, url, language, citation_type, word_count, length(html) h FROM documents').all()
  console.table(rows)
  await backend.close()
}
main()
