import { homedir } from 'node:os'
import { join, resolve } from 'node:path'

export const APP_DIR_NAME = 'Lectern'
export const DATABASE_FILE = 'library.sqlite'

/**
 * The per-OS application-data folder Electron's `app.getPath('userData')` would give for "Lectern", computed without
 * Electron so the CLI and the desktop app open the same library.
 */
export function defaultLibraryDir(
  platform: NodeJS.Platform = process.platform,
  env: NodeJS.ProcessEnv = process.env,
  home: string = homedir(),
): string {
  if (platform === 'win32')
    return join(env.APPDATA ?? join(home, 'AppData', 'Roaming'), APP_DIR_NAME)
  if (platform === 'darwin') return join(home, 'Library', 'Application Support', APP_DIR_NAME)
  return join(env.XDG_CONFIG_HOME || join(home, '.config'), APP_DIR_NAME)
}

/** `--library DIR` wins, then LECTERN_LIBRARY, then the per-OS default. */
export function resolveLibraryDir(
  flag: string | undefined,
  env: NodeJS.ProcessEnv = process.env,
): string {
  if (flag) return resolve(flag)
  if (env.LECTERN_LIBRARY) return resolve(env.LECTERN_LIBRARY)
  return defaultLibraryDir(process.platform, env)
}
