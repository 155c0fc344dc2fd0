import { existsSync, statSync } from 'node:fs'
import { basename, isAbsolute, join } from 'node:path'
import sanitizeFilename from 'sanitize-filename'
import { z } from 'zod'
import { IPC } from '../../shared/ipc-channels'
import { allowedExternalUrl } from './external-links'
import type { PathGrants } from './path-grants'

/** The Electron services the shell affordances need, injected so plain-Node tests can drive them. */
export type ShellServices = {
  showOpenDialog(options: {
    title: string
    properties: Array<'openFile' | 'openDirectory' | 'multiSelections'>
    filters?: { name: string; extensions: string[] }[]
  }): Promise<{ canceled: boolean; filePaths: string[] }>
  showSaveDialog(options: {
    title: string
    defaultPath: string
  }): Promise<{ canceled: boolean; filePath?: string }>
  showItemInFolder(path: string): void
  openLink(url: string): Promise<boolean>
  /** Folder the save dialog starts in (the user's Documents). */
  documentsDir: string
}

/** Formats the importers read (issue 4). "All files" stays available: detection does not trust extensions. */
export const IMPORT_FILTERS = [
  {
    name: 'Documents',
    extensions: ['pdf', 'epub', 'docx', 'html', 'htm', 'md', 'markdown', 'txt'],
  },
  { name: 'All files', extensions: ['*'] },
]

const MAX_DROPPED = 10_000
const pathString = z
  .string()
  .min(1)
  .max(4096)
  .refine((p) => !p.includes('\u0000') && isAbsolute(p), 'must be an absolute path')

const schemas = {
  pick: z.object({ folder: z.boolean() }).strict(),
  save: z.object({ defaultName: z.string().max(1000) }).strict(),
  reveal: pathString,
  url: z.string().max(4096),
  dropped: z.array(z.string().max(4096)).max(MAX_DROPPED),
}

/** A safe file name for the save dialog's suggestion; falls back when the title cleans to nothing. */
export function suggestedFileName(defaultName: string): string {
  const clean = sanitizeFilename(basename(defaultName.replace(/\\/g, '/'))).trim()
  return clean.length > 0 ? clean : 'Lectern export'
}

/**
 * The bodies of the shell's `ipcMain.handle` channels (sender checks are added by `guardIpc` when they are
 * registered). Every argument is validated; dialog answers and real dropped paths become grants that the API bridge
 * checks before `documents.import`, `library.restore` or `export.save` may touch them.
 */
export function createShellHandlers(
  services: ShellServices,
  grants: { open: PathGrants; save: PathGrants },
): Record<
  | typeof IPC.pickImportPaths
  | typeof IPC.pickSavePath
  | typeof IPC.revealInFolder
  | typeof IPC.openExternal
  | typeof IPC.grantDropped,
  (arg: unknown) => Promise<unknown>
> {
  return {
    [IPC.pickImportPaths]: async (arg) => {
      const { folder } = schemas.pick.parse(arg)
      const result = await services.showOpenDialog(
        folder
          ? { title: 'Import a folder', properties: ['openDirectory', 'multiSelections'] }
          : {
              title: 'Import documents',
              properties: ['openFile', 'multiSelections'],
              filters: IMPORT_FILTERS,
            },
      )
      if (result.canceled) return []
      grants.open.grant(result.filePaths)
      return result.filePaths
    },
    [IPC.pickSavePath]: async (arg) => {
      const { defaultName } = schemas.save.parse(arg)
      const result = await services.showSaveDialog({
        title: 'Export',
        defaultPath: join(services.documentsDir, suggestedFileName(defaultName)),
      })
      if (result.canceled || !result.filePath) return null
      grants.save.grant([result.filePath])
      return result.filePath
    },
    [IPC.revealInFolder]: async (arg) => {
      const path = schemas.reveal.parse(arg)
      // Only shows the file in the file manager (never opens or runs it); missing paths are ignored.
      if (existsSync(path)) services.showItemInFolder(path)
    },
    [IPC.openExternal]: async (arg) => {
      const url = allowedExternalUrl(schemas.url.parse(arg))
      return url ? services.openLink(url) : false
    },
    [IPC.grantDropped]: async (arg) => {
      // The preload resolved these with webUtils.getPathForFile from real dropped File objects.
      const paths = schemas.dropped
        .parse(arg)
        .filter((p) => pathString.safeParse(p).success && existsSync(p) && statOk(p))
      grants.open.grant(paths)
      return paths
    },
  }
}

function statOk(path: string): boolean {
  try {
    const stat = statSync(path)
    return stat.isFile() || stat.isDirectory()
  } catch {
    return false
  }
}
