import { isAbsolute, normalize, relative, resolve } from 'node:path'

/** How long a dialog's (or a drop's) answer stays usable: long enough to confirm an import, short enough to expire. */
export const GRANT_TTL_MS = 10 * 60 * 1000

/**
 * Paths the renderer may hand back to the backend because the shell itself just produced them (an open dialog, a
 * save dialog, or a drop resolved by webUtils.getPathForFile in the preload). SECURITY.md §2 "File access from the
 * UI": a page that was compromised cannot make the backend read or write any other path.
 */
export class PathGrants {
  #grants = new Map<string, number>()
  constructor(
    private readonly ttlMs: number = GRANT_TTL_MS,
    private readonly now: () => number = Date.now,
  ) {}

  /** Record paths (files or folders) the user chose just now. Relative or empty paths are ignored. */
  grant(paths: readonly string[]): void {
    const until = this.now() + this.ttlMs
    for (const path of paths) {
      if (typeof path === 'string' && path.length > 0 && isAbsolute(path))
        this.#grants.set(normalize(resolve(path)), until)
    }
  }

  /** Is this path one that was granted, or inside a granted folder, and not expired? */
  allows(path: string): boolean {
    if (
      typeof path !== 'string' ||
      path.length === 0 ||
      !isAbsolute(path) ||
      path.includes('\u0000')
    )
      return false
    const wanted = normalize(resolve(path))
    const now = this.now()
    for (const [granted, until] of this.#grants) {
      if (until < now) {
        this.#grants.delete(granted)
        continue
      }
      const rel = relative(granted, wanted)
      if (rel === '' || (!rel.startsWith('..') && !isAbsolute(rel))) return true
    }
    return false
  }

  allowsAll(paths: readonly string[]): boolean {
    return paths.length > 0 && paths.every((path) => this.allows(path))
  }
}
