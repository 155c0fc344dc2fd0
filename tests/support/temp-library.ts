import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import {
  type Backend,
  type BackendOptions,
  createBackend,
} from '../../src/main/compose/create-backend'
import { createMemoryLogger } from '../../src/main/platform/logger'

/** A fresh temporary folder, removed by the returned cleanup. */
export function tempDir(prefix = 'lectern-test-'): { dir: string; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), prefix))
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) }
}

/** A real backend on a real SQLite file in a temp folder. Parses in-process unless a worker script is given. */
export function tempBackend(
  options: Partial<BackendOptions> = {},
): Backend & { dir: string; dispose: () => Promise<void> } {
  const { dir, cleanup } = tempDir()
  const backend = createBackend({
    libraryDir: join(dir, 'library'),
    log: createMemoryLogger(),
    ...options,
    limits: { workers: 0, ...options.limits },
  })
  return Object.assign(backend, {
    dir,
    dispose: async () => {
      await backend.close()
      cleanup()
    },
  })
}
