import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createBackend } from '../src/main/backend/create-backend'
import { createMemoryLogger } from '../src/main/platform/logger'
import { runImport } from '../src/main/importers/pipeline'
async function main() {
  const dir = mkdtempSync(join(tmpdir(), 'big-'))
  const words = 'harbour bridge council budget river valley school market railway station library museum garden'.split(' ')
  const parts: string[] = []; let size = 0; let i = 0
  while (size < Number(process.argv[2]) * 1048576) { const s = `Sentence ${i} mentions the ${words[i % 13]} and the ${words[(i * 7) % 13]} of district ${i % 997}.${i % 8 === 7 ? '\n\n' : ' '}`; parts.push(s); size += s.length; i++ }
  writeFileSync(join(dir, 'huge.txt'), parts.join(''))
  const log = createMemoryLogger()
  const backend = createBackend({ libraryDir: join(dir, 'lib'), log, limits: { workers: 1 }, workerScript: process.argv[3] ?? 'out/main/import-worker.js' })
  const t = performance.now()
  const report = await runImport(backend.context, { paths: [join(dir, 'huge.txt')] })
  console.log((performance.now() - t).toFixed(0), JSON.stringify(report.results), log.lines)
  await backend.close()
}
main()
