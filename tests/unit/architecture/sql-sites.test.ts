/**
 * One way of writing SQL: statements are prepared only in db/ (connection, migrations, sql.ts, lifecycle) and in
 * repositories (`*.repository.ts`), which use the `sql` template so values are always bound. PENDING lists the files
 * that still prepare SQL themselves; it may only shrink: a file that no longer needs its entry fails the test too.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join, relative, resolve } from 'node:path'
import { describe, expect, it } from 'vitest'

const ROOT = resolve(import.meta.dirname, '../../..')
const MAIN = join(ROOT, 'src/main')

const PENDING = new Set([
  'src/main/citations/csl-item.ts',
  'src/main/compare/comparison-sets.ts',
  'src/main/compare/find-similar.ts',
  'src/main/export/basket.ts',
  'src/main/importers/store.ts',
  'src/main/library/trash.ts',
  'src/main/quotes/color-labels.ts',
  'src/main/quotes/quote-rows.ts',
  'src/main/quotes/quote-service.ts',
  'src/main/quotes/reanchor.ts',
  'src/main/search/vocabulary.ts',
  // Added by the fidelity work (#11, #12, #13) written alongside the structure step; to move onto repositories next.
  'src/main/citations/bibtex-keys.ts',
  'src/main/importers/uploads.ts',
  'src/main/library/metadata-check.ts',
  'src/main/originals/original-backups.ts',
  'src/main/originals/originals-service.ts',
  'src/main/originals/reextract.ts',
])

const allowed = (file: string): boolean =>
  file.startsWith('src/main/db/') ||
  file.endsWith('.repository.ts') ||
  // Build-time generator run by hand against an in-memory database, not part of the app.
  file.startsWith('src/main/search/tools/')

/** Raw statement sites: `.prepare(`, `db.exec(` and `.pragma(` calls. */
const RAW_SQL = /\.prepare\(|\b\w*[dD]b\.exec\(|\.pragma\(/

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name)
    if (statSync(path).isDirectory()) return files(path)
    return name.endsWith('.ts') ? [relative(ROOT, path)] : []
  })
}

describe('SQL is prepared only in db/ and repositories', () => {
  const withRawSql = files(MAIN).filter((f) => RAW_SQL.test(readFileSync(join(ROOT, f), 'utf8')))

  it('no other file prepares SQL (beyond the shrinking PENDING list)', () => {
    expect(withRawSql.filter((f) => !allowed(f) && !PENDING.has(f))).toEqual([])
  })

  it('PENDING names only files that still need it', () => {
    expect([...PENDING].filter((f) => !withRawSql.includes(f))).toEqual([])
  })

  it('the rule sees raw statements', () => {
    expect(RAW_SQL.test("db.prepare('SELECT 1')")).toBe(true)
    expect(RAW_SQL.test('context.db.pragma(`x`)')).toBe(true)
    expect(RAW_SQL.test('/a/.exec(text)')).toBe(false)
    expect(withRawSql).toContain('src/main/db/migrate.ts')
  })
})
