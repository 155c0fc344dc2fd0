/**
 * A non-empty WAL beside a live owner (the app or web host running) is not a crash: opening the library then runs
 * no full check and never rebuilds derived data. A WAL left by an owner that is gone (killed) still is a crash.
 */
import { type ChildProcess, spawn } from 'node:child_process'
import { existsSync, readdirSync, statSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { createBackend } from '../../../src/main/compose/create-backend'
import { openLibrary } from '../../../src/main/db/open-library'
import { isOwnerAlive, type OwnerRecord, ownersDirFor } from '../../../src/main/db/owners'
import { createMemoryLogger } from '../../../src/main/platform/logger'
import { populatedLibrary, tempLibraries } from './library-files'

const REPO = resolve(__dirname, '../../..')
const { library, cleanups } = tempLibraries()

/** Start library-holder.ts on `dir` and wait until it has committed and holds the library open. */
async function holder(dir: string): Promise<ChildProcess> {
  const child = spawn(
    process.execPath,
    // tsx as a loader in this one process (its CLI would fork a grandchild that SIGKILL does not reach).
    ['--import', 'tsx', join(REPO, 'tests', 'integration', 'db', 'library-holder.ts'), dir],
    {
      cwd: REPO,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, TSX_TSCONFIG_PATH: join(REPO, 'tsconfig.node.json') },
    },
  )
  cleanups.push(() => {
    child.kill('SIGKILL')
  })
  let stderr = ''
  child.stderr?.setEncoding('utf8').on('data', (d: string) => {
    stderr += d
  })
  await new Promise<void>((done, fail) => {
    child.stdout?.setEncoding('utf8').on('data', (d: string) => {
      if (d.includes('ready')) done()
    })
    child.once('exit', (code) => fail(new Error(`holder exited (${code}): ${stderr}`)))
  })
  return child
}

async function killed(child: ChildProcess): Promise<void> {
  const exited = new Promise<void>((done) => child.once('exit', () => done()))
  child.kill('SIGKILL')
  await exited
}

const okapiHits = (db: ReturnType<typeof openLibrary>['db']): number =>
  (
    db
      .prepare("SELECT count(*) AS n FROM documents_fts WHERE documents_fts MATCH 'okapi'")
      .get() as { n: number }
  ).n

function open(dir: string) {
  const file = join(dir, 'library.sqlite')
  const opened = openLibrary(file, { log: createMemoryLogger(), backupDir: join(dir, 'backups') })
  cleanups.push(() => {
    opened.db.close()
  })
  return { file, opened }
}

describe('library owners', () => {
  it('a WAL beside a live process is not a crash: no full check, no rebuild under it', async () => {
    const dir = library()
    const file = await populatedLibrary(dir, 5)
    const child = await holder(dir)
    expect(statSync(`${file}-wal`).size).toBeGreaterThan(0)
    expect(readdirSync(ownersDirFor(file))).toHaveLength(1)
    const { opened } = open(dir)
    expect(opened.uncleanShutdown).toBe(false)
    expect(opened.sharedWithLiveOwner).toBe(true)
    // The live process's index was left alone (a rebuild would have indexed the hidden document).
    expect(okapiHits(opened.db)).toBe(0)
    await killed(child)
  }, 30_000)

  it('a WAL left by a killed process is a crash: full check, index rebuilt, stale owner removed', async () => {
    const dir = library()
    const file = await populatedLibrary(dir, 5)
    await killed(await holder(dir))
    expect(statSync(`${file}-wal`).size).toBeGreaterThan(0)
    expect(readdirSync(ownersDirFor(file))).toHaveLength(1)
    const { opened } = open(dir)
    expect(opened.uncleanShutdown).toBe(true)
    expect(opened.sharedWithLiveOwner).toBe(false)
    expect(okapiHits(opened.db)).toBe(1)
    expect(readdirSync(ownersDirFor(file))).toHaveLength(0)
  }, 30_000)

  it('backends in one process see each other while open, and release on close', async () => {
    const dir = library()
    const file = await populatedLibrary(dir, 3)
    const first = createBackend({
      libraryDir: dir,
      log: createMemoryLogger(),
      backups: { autoIntervalHours: null },
      limits: { workers: 0 },
    })
    first.context.db.exec("INSERT INTO tags(name) VALUES ('held')")
    expect(statSync(`${file}-wal`).size).toBeGreaterThan(0)
    const { opened } = open(dir)
    expect(opened.sharedWithLiveOwner).toBe(true)
    expect(opened.uncleanShutdown).toBe(false)
    await first.close()
    expect(readdirSync(ownersDirFor(file))).toHaveLength(0)
  })

  it('judges owner records: dead pid, pid from before the last boot, EPERM-style live pid', async () => {
    const base: Omit<OwnerRecord, 'pid' | 'processStartedAt'> = {
      id: 'x',
      host: (await import('node:os')).hostname(),
      role: 'test',
    }
    const gone = spawn(process.execPath, ['-e', '0'])
    const gonePid = gone.pid ?? 0
    await new Promise((done) => gone.once('exit', done))
    expect(isOwnerAlive({ ...base, pid: gonePid, processStartedAt: Date.now() - 1000 })).toBe(false)
    // The parent of this test runner is alive; a record claiming it started before the boot is not that process.
    const parent = process.ppid
    expect(isOwnerAlive({ ...base, pid: parent, processStartedAt: 0 })).toBe(false)
    // pid 1 always exists; whether kill(1, 0) answers EPERM or succeeds, it counts as alive when its start matches.
    const initStart = Date.now() - (await import('node:os')).uptime() * 1000
    expect(isOwnerAlive({ ...base, pid: 1, processStartedAt: initStart })).toBe(true)
    expect(existsSync('/')).toBe(true)
  })
})
