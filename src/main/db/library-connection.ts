/**
 * The one owner of the open library's connection and health. Everyone reads `db` and `corrupt` through it at the
 * moment of use (the backend context's `db` is a getter over it), so a restore that closes the file and opens the
 * restored one replaces both here, once, and nobody holds a stale connection.
 */
import type { Db, LibraryConnection } from '../core/context'

export class LibraryConnectionHolder implements LibraryConnection {
  #db: Db
  corrupt: { message: string } | null

  constructor(opened: { db: Db; corrupt: { message: string } | null }) {
    this.#db = opened.db
    this.corrupt = opened.corrupt
  }

  get db(): Db {
    return this.#db
  }

  /** Put a newly opened library in place of the closed one (restore): the only way the connection changes. */
  replace(opened: { db: Db; corrupt: { message: string } | null }): void {
    this.#db = opened.db
    this.corrupt = opened.corrupt
  }
}
