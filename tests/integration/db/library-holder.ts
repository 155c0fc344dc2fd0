/**
 * Child process for the owner tests: opens a library the way the app does, commits a document the full-text index
 * does not know about (so a rebuild would be visible) and keeps the library open, its WAL non-empty, until killed.
 *
 *   npx tsx --tsconfig tsconfig.node.json tests/integration/db/library-holder.ts LIBRARY_DIR
 */
import { createBackend } from '../../../src/main/compose/create-backend'
import { createMemoryLogger } from '../../../src/main/platform/logger'
import { insertDocument } from '../library/seed'

const backend = createBackend({
  libraryDir: process.argv[2] ?? '',
  log: createMemoryLogger(),
  backups: { autoIntervalHours: null },
  limits: { workers: 0 },
  role: 'test-holder',
})
const db = backend.context.db
db.exec('DROP TRIGGER IF EXISTS documents_ai')
insertDocument(db, { title: 'Behind the index', text: `okapi sighting reported ${Date.now()}` })
process.stdout.write('ready\n')
// The timer keeps `backend` reachable: a collected better-sqlite3 handle closes its database.
setInterval(() => backend.context.db.open, 60_000)
