import type { Envelope } from '@shared/contract'
import { PathGrants } from './path-grants'

type Dispatch = (method: string, args: unknown) => Promise<Envelope<unknown>>

const refused = (message: string): Envelope<never> => ({
  ok: false,
  error: { code: 'invalid_args', message },
})

const stringsAt = (args: unknown, key: string): string[] | null => {
  const value = (args as Record<string, unknown> | null)?.[key]
  if (value === undefined) return []
  if (typeof value === 'string') return [value]
  if (Array.isArray(value) && value.every((v) => typeof v === 'string')) return value
  return null
}

/**
 * The desktop app's `api:invoke` handler body, Electron-free: the same `dispatch` as every transport, plus the
 * one rule only the desktop needs. Methods that make the backend read or write a file path take only paths the
 * shell's own dialogs or a drop just produced: `documents.import` (`paths`) and `library.restore` (`file`) need
 * an open grant (or, for a restore, a file in the library's backup folder), `export.save` (`path`) a save grant. Everything else (argument validation included) is dispatch's.
 */
export function createApiBridge(
  dispatch: Dispatch,
  grants: { open: PathGrants; save: PathGrants },
  options: { backupDir?: string } = {},
): (method: unknown, args: unknown) => Promise<Envelope<unknown>> {
  // The library's own backups (as listed by library.backups) may always be restored.
  const backups = new PathGrants(Number.POSITIVE_INFINITY)
  if (options.backupDir) backups.grant([options.backupDir])
  const restorable = {
    allowsAll: (paths: readonly string[]) =>
      paths.length > 0 && paths.every((p) => grants.open.allows(p) || backups.allows(p)),
  }
  return async (method, args) => {
    if (typeof method !== 'string' || method.length > 100) return refused('Unknown API method.')
    const rule =
      method === 'documents.import'
        ? { key: 'paths', grants: grants.open }
        : method === 'library.restore'
          ? { key: 'file', grants: restorable }
          : method === 'export.save'
            ? { key: 'path', grants: grants.save }
            : null
    if (rule) {
      // A bare backup name (`library.restore({ file: 'library.sqlite.1.bak' })`) names a file in the library's own
      // backup folder; the engine resolves it there and nowhere else, so only paths are checked.
      const paths = stringsAt(args, rule.key)?.filter(
        (p) => !(method === 'library.restore' && !/[\\/]/.test(p)),
      )
      // Missing or malformed values fall through to dispatch, whose schema reports them precisely.
      if (paths && paths.length > 0 && !rule.grants.allowsAll(paths))
        return refused(
          'That file was not chosen in a Lectern dialog or dropped on the window; pick it again.',
        )
    }
    return dispatch(method, args)
  }
}
