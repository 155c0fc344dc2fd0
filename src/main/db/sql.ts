/**
 * A small `sql` tagged template: values become bound parameters, never SQL text. Fragments compose, so dynamic
 * queries (filters, sort keys chosen from a fixed list) are built without string concatenation of user input.
 */
import type { Statement } from 'better-sqlite3'
import type { Db } from './connection'

export type SqlValue = string | number | bigint | Buffer | null

/** A piece of SQL text with its parameters, in order. */
export type Sql = { readonly text: string; readonly params: readonly SqlValue[] }

const SQL = Symbol('sql')
type Fragment = Sql & { readonly [SQL]: true }

function fragment(text: string, params: readonly SqlValue[]): Fragment {
  return Object.freeze({ text, params, [SQL]: true as const })
}

function isFragment(value: unknown): value is Fragment {
  return typeof value === 'object' && value !== null && SQL in value
}

/** `sql\`SELECT * FROM t WHERE id = ${id}\`` → `{ text: 'SELECT * FROM t WHERE id = ?', params: [id] }`. */
export function sql(strings: TemplateStringsArray, ...values: (SqlValue | Sql)[]): Sql {
  let text = strings[0] ?? ''
  const params: SqlValue[] = []
  values.forEach((value, i) => {
    if (isFragment(value)) {
      text += value.text
      params.push(...value.params)
    } else {
      text += '?'
      params.push(value as SqlValue)
    }
    text += strings[i + 1] ?? ''
  })
  return fragment(text, params)
}

/** Join fragments with a fixed separator (`' AND '`, `', '`). */
sql.join = (parts: readonly Sql[], separator: string): Sql =>
  fragment(
    parts.map((p) => p.text).join(separator),
    parts.flatMap((p) => p.params),
  )

/**
 * Trusted SQL text with no parameters. Only for text chosen by our code from a fixed set (a column name picked by a
 * switch over a closed union), never for anything a caller sent.
 */
sql.trusted = (text: string): Sql => fragment(text, [])

/** An empty fragment. */
sql.empty = fragment('', [])

const statementCache = new WeakMap<Db, Map<string, Statement>>()

/** Prepare once per connection and text; better-sqlite3 statements are reusable and cheap to keep. */
export function prepared(db: Db, text: string): Statement {
  let cache = statementCache.get(db)
  if (!cache) {
    cache = new Map()
    statementCache.set(db, cache)
  }
  let statement = cache.get(text)
  if (!statement) {
    statement = db.prepare(text)
    // Dynamic queries have a bounded number of shapes (filters × sort keys), but keep the cache bounded anyway.
    if (cache.size > 500) cache.clear()
    cache.set(text, statement)
  }
  return statement
}

/** Run a query fragment and return all rows. */
export function all<Row>(db: Db, query: Sql): Row[] {
  return prepared(db, query.text).all(...query.params) as Row[]
}

/** Run a query fragment and return the first row, if any. */
export function get<Row>(db: Db, query: Sql): Row | undefined {
  return prepared(db, query.text).get(...query.params) as Row | undefined
}

/** Run a statement fragment; returns the number of rows changed and the last inserted rowid. */
export function run(db: Db, query: Sql): { changes: number; lastInsertRowid: number } {
  const result = prepared(db, query.text).run(...query.params)
  return { changes: result.changes, lastInsertRowid: Number(result.lastInsertRowid) }
}
