/**
 * Schema migrations: numbered, statically imported, forward-only.
 *
 * How to add a migration:
 * 1. Create `migrations/NNNN-verb-noun.ts` (NNNN = last number + 10) exporting `migrateNNNN(db: Db): void`.
 * 2. Append it to MIGRATIONS below (the list must stay increasing; a test checks it).
 * 3. Add `tests/integration/db/migration_NNNN.test.ts`: migrate to the previous version, seed, migrate, assert.
 * All pending steps run in ONE transaction that also sets `user_version`, so a crash leaves the old version intact.
 */
import type { Db } from '../core/context'
import { migrate0010 } from './migrations/0010-create-library'
import { migrate0020 } from './migrations/0020-add-library-sort-indexes'
import { migrate0030 } from './migrations/0030-extend-search-index'
import { migrate0050 } from './migrations/0050-add-import-metadata'
import { migrate0060 } from './migrations/0060-never-reuse-ids'
import { migrate0070 } from './migrations/0070-keep-originals'
import { migrate0080 } from './migrations/0080-add-metadata-provenance'
import { migrate0090 } from './migrations/0090-segment-search-text'
import { migrate0100 } from './migrations/0100-index-updated-at'
import { migrate0130 } from './migrations/0130-keep-word-stems'
import { migrate0140 } from './migrations/0140-index-import-groups-once'
import { migrate0170 } from './migrations/0170-index-hangul-bigrams'
import { migrate0180 } from './migrations/0180-fold-greek-arabic'
import { migrate0190 } from './migrations/0190-join-invisible-in-words'

export type Migration = { version: number; name: string; up: (db: Db) => void }

export const MIGRATIONS: readonly Migration[] = [
  { version: 10, name: 'create-library', up: migrate0010 },
  { version: 20, name: 'add-library-sort-indexes', up: migrate0020 },
  { version: 30, name: 'extend-search-index', up: migrate0030 },
  { version: 50, name: 'add-import-metadata', up: migrate0050 },
  { version: 60, name: 'never-reuse-ids', up: migrate0060 },
  { version: 70, name: 'keep-originals', up: migrate0070 },
  { version: 80, name: 'add-metadata-provenance', up: migrate0080 },
  { version: 90, name: 'segment-search-text', up: migrate0090 },
  { version: 100, name: 'index-updated-at', up: migrate0100 },
  { version: 130, name: 'keep-word-stems', up: migrate0130 },
  { version: 140, name: 'index-import-groups-once', up: migrate0140 },
  { version: 170, name: 'index-hangul-bigrams', up: migrate0170 },
  { version: 180, name: 'fold-greek-arabic', up: migrate0180 },
  { version: 190, name: 'join-invisible-in-words', up: migrate0190 },
]

export const LATEST_VERSION = MIGRATIONS[MIGRATIONS.length - 1]?.version ?? 0

export class NewerLibraryError extends Error {
  constructor(
    readonly found: number,
    readonly known: number,
  ) {
    super(
      `This library was written by a newer version of Lectern (schema ${found}; this version knows up to ${known}). ` +
        'Update Lectern to open it; the file has not been changed.',
    )
    this.name = 'NewerLibraryError'
  }
}

export function schemaVersion(db: Db): number {
  return db.pragma('user_version', { simple: true }) as number
}

/** Versions that `migrate` would apply, in order (empty when up to date). Throws NewerLibraryError. */
export function pendingMigrations(db: Db, target = LATEST_VERSION): Migration[] {
  const current = schemaVersion(db)
  if (current > LATEST_VERSION) throw new NewerLibraryError(current, LATEST_VERSION)
  return MIGRATIONS.filter((m) => m.version > current && m.version <= target)
}

/** Bring the schema up to `target` (default: latest). Returns the versions applied. */
export function migrate(db: Db, target = LATEST_VERSION): number[] {
  const pending = pendingMigrations(db, target)
  if (pending.length === 0) return []
  // Table rebuilds (SQLite's 12-step ALTER procedure) need foreign keys off: dropping the old table with them on
  // would cascade. The pragma is a no-op inside a transaction, so it is switched here and the whole result is
  // checked with foreign_key_check before the commit.
  const foreignKeys = db.pragma('foreign_keys', { simple: true }) === 1
  if (foreignKeys) db.pragma('foreign_keys = OFF')
  try {
    db.transaction(() => {
      for (const m of pending) {
        m.up(db)
        db.pragma(`user_version = ${m.version | 0}`)
      }
      const broken = db.pragma('foreign_key_check') as unknown[]
      if (foreignKeys && broken.length > 0)
        throw new Error(`migration left ${broken.length} broken references; nothing was changed`)
    })()
  } finally {
    if (foreignKeys) db.pragma('foreign_keys = ON')
  }
  return pending.map((m) => m.version)
}
