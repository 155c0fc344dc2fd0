import { join } from 'node:path'

/** Where `npm run native:electron` stages the Electron-ABI build of better-sqlite3 (STACK.md §5). */
export const STAGED_BINDING_DIR = join('native', 'electron', 'better-sqlite3')
export const BINDING_FILE = join('build', 'Release', 'better_sqlite3.node')
/** Where electron-builder's extraResources puts it in a package (outside the asar). */
export const PACKAGED_BINDING = join('native', 'better_sqlite3.node')

/** The staged binding for this run: inside the package's resources, else in the project folder. */
export function electronBindingPath(app: {
  isPackaged: boolean
  resourcesPath: string
  appPath: string
}): string {
  return app.isPackaged
    ? join(app.resourcesPath, PACKAGED_BINDING)
    : join(app.appPath, STAGED_BINDING_DIR, BINDING_FILE)
}
