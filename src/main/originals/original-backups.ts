/**
 * Backups of originals. A library backup is a copy of the SQLite file; the originals it names live in `files/`.
 * After each backup, every original is mirrored into `<backups>/files/` — as a hard link where the file system allows
 * (no extra space: originals are never modified in place, only created by rename), else as a copy — so deleting or
 * damaging the library's `files/` does not lose them. A restore puts back every original the restored database names
 * that is missing from the library.
 */
import { copyFile, link, mkdir, readdir, rename, stat, unlink } from 'node:fs/promises'
import { join } from 'node:path'
import type { Db } from '../db/connection'
import { ORIGINALS_DIR, originalPath, sha256OfFile } from '../importers/original-files'
import { originalsRepository } from './originals.repository'

async function place(from: string, to: string): Promise<void> {
  await mkdir(join(to, '..'), { recursive: true })
  try {
    await link(from, to)
    return
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return
  }
  const temp = `${to}.tmp-${process.pid}-${Date.now()}`
  try {
    await copyFile(from, temp)
    await rename(temp, to)
  } catch (error) {
    await unlink(temp).catch(() => {})
    throw error
  }
}

const exists = (file: string): Promise<boolean> =>
  stat(file).then(
    (s) => s.isFile(),
    () => false,
  )

/** Mirror every original in `<libraryDir>/files` into `<backupDir>/files`. Returns how many were added. */
export async function mirrorOriginals(libraryDir: string, backupDir: string): Promise<number> {
  const source = join(libraryDir, ORIGINALS_DIR)
  const target = join(backupDir, ORIGINALS_DIR)
  let added = 0
  const shards = await readdir(source).catch(() => [] as string[])
  for (const shard of shards) {
    if (!/^[0-9a-f]{2}$/.test(shard)) continue
    for (const name of await readdir(join(source, shard)).catch(() => [] as string[])) {
      if (!/^[0-9a-f]{64}\.[a-z0-9]{1,8}$/.test(name)) continue
      const to = join(target, shard, name)
      if (await exists(to)) continue
      await place(join(source, shard, name), to)
      added++
    }
  }
  return added
}

/**
 * After a restore: bring back from `<backupDir>/files` every original the database names that the library lacks,
 * checking each copy's hash. Returns how many were restored and which are still missing.
 */
export async function recoverOriginals(
  db: Db,
  libraryDir: string,
  backupDir: string,
): Promise<{ restored: number; missing: string[] }> {
  const rows = originalsRepository.used(db)
  let restored = 0
  const missing: string[] = []
  for (const row of rows) {
    const wanted = originalPath(libraryDir, row.sha256, row.ext)
    if (await exists(wanted)) continue
    const kept = originalPath(backupDir, row.sha256, row.ext)
    if ((await exists(kept)) && (await sha256OfFile(kept)) === row.sha256) {
      await place(kept, wanted)
      restored++
    } else missing.push(row.sha256)
  }
  return { restored, missing }
}
