/**
 * One way of writing SQL: statements are prepared only in db/ (connection, migrations, sql.ts, lifecycle) and in
 * repositories (`*.repository.ts`), which use the `sql` template so values are always bound. Everything else reads
 * and writes through a repository (or the `sql` template's `all`/`get`/`run`), never `db.prepare` or `db.exec`.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join, relative, resolve } from 'node:path'
import { describe, expect, it } from 'vitest'

const ROOT = resolve(import.meta.dirname, '../../..')
const MAIN = join(ROOT, 'src/main')

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

  it('no other file prepares SQL', () => {
    expect(withRawSql.filter((f) => !allowed(f))).toEqual([])
  })

  it('citations/ and compare/ are pure: they take data, never a connection', () => {
    const pure = files(MAIN).filter((f) => /^src\/main\/(citations|compare)\//.test(f))
    expect(pure.length).toBeGreaterThan(5)
    expect(pure.filter((f) => /\bDb\b|\/db\//.test(readFileSync(join(ROOT, f), 'utf8')))).toEqual(
      [],
    )
  })

  it('the rule sees raw statements', () => {
    expect(RAW_SQL.test("db.prepare('SELECT 1')")).toBe(true)
    expect(RAW_SQL.test('context.db.pragma(`x`)')).toBe(true)
    expect(RAW_SQL.test('/a/.exec(text)')).toBe(false)
    expect(withRawSql).toContain('src/main/db/migrate.ts')
  })
})
