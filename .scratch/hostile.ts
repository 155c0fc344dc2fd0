import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { writeHostileFixtures } from '../scripts/gen-hostile-fixtures'
import { createBackend } from '../src/main/backend/create-backend'
import { createMemoryLogger } from '../src/main/platform/logger'
import { runImport } from '../src/main/importers/pipeline'
async function main() {
  const dir = mkdtempSync(join(tmpdir(), 'lectern-hostile-'))
  let t = performance.now()
  await writeHostileFixtures(join(dir, 'in'), { zipBombBytes: 30 * 1024 * 1024 })
  console.log('gen', (performance.now() - t).toFixed(0))
  const backend = createBackend({ libraryDir: join(dir, 'lib'), log: createMemoryLogger(), limits: { workers: 0, maxZipBytes: 20 * 1024 * 1024 } })
  t = performance.now()
  const report = await runImport(backend.context, { paths: [join(dir, 'in')] })
  console.log((performance.now() - t).toFixed(0), 'ms')
  for (const r of report.results) console.log(r.status, r.format, r.path.replace(/.*in\//, ''), '|', r.title, '|', r.error ?? '', r.warnings?.join(';') ?? '')
  console.log(backend.context.db.prepare("SELECT html FROM documents WHERE title = 'Hostile page'").get())
  await backend.close()
}
main()
