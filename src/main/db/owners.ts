/**
 * Who has a library open (issue 7 §1/§2): every backend (desktop app, web host, CLI) writes an owner file
 * `<library.sqlite>.owners/<pid>-<id>.json` while it has the database open, and removes it on close.
 *
 * Why: a non-empty `-wal` only means "unclean shutdown" when nobody is using the library. While the app or the web
 * host runs, its WAL is legitimately non-empty, and treating that as a crash made every CLI command run the full
 * integrity_check + FTS check (1.2–1.5 s at 3,000 documents) and could even rebuild the FTS index under a live
 * process. With owner files, a WAL beside a live owner is normal; a WAL beside only stale owners (or none) is a crash.
 *
 * Liveness of an owner, cross-platform:
 * - this process: alive while its id is registered here (several backends can share one process, e.g. tests);
 * - started before the machine booted (record older than the boot time): dead, whatever holds that pid now;
 * - on Linux, the pid's start time from /proc differs from the recorded one (the pid was reused), or the process
 *   is a zombie (killed, not yet reaped; it still answers kill(pid, 0)): dead;
 * - otherwise `process.kill(pid, 0)`: success or EPERM (exists, but another user's) = alive, ESRCH = dead;
 * - a record from another host (a library on a shared drive) cannot be probed and counts as alive, so nothing is
 *   rebuilt under it.
 * Unreadable records (a writer killed mid-write) count as stale.
 */
import { randomUUID } from 'node:crypto'
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { hostname, uptime } from 'node:os'
import { join } from 'node:path'

export type OwnerRecord = {
  pid: number
  /** Random per open, so a reused pid in this same process cannot be mistaken for us. */
  id: string
  /** When the owning process started (ms since the epoch). */
  processStartedAt: number
  host: string
  /** What kind of program holds it (`desktop`, `web`, `cli`, ...), for people reading the folder. */
  role: string
}

export type OwnerHandle = { file: string; record: OwnerRecord; release(): void }

/** Ids of the owner records this process holds right now. */
const heldHere = new Set<string>()

export const ownersDirFor = (databaseFile: string): string => `${databaseFile}.owners`

const processStartedAt = (): number => Date.now() - process.uptime() * 1000
const bootTime = (): number => Date.now() - uptime() * 1000

/** Start time and state of `pid` from /proc (Linux), or undefined where that cannot be read. */
function linuxProcess(pid: number): { startedAt: number; zombie: boolean } | undefined {
  if (process.platform !== 'linux') return undefined
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8')
    // Fields after `(comm)` (which may hold spaces): state is field 3, starttime (ticks since boot) field 22.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
    const ticks = Number(fields[19])
    const btimeLine = readFileSync('/proc/stat', 'utf8')
      .split('\n')
      .find((line) => line.startsWith('btime '))
    const btime = Number(btimeLine?.split(' ')[1])
    if (!Number.isFinite(ticks) || !Number.isFinite(btime)) return undefined
    // USER_HZ is 100 on every Linux Node supports. A zombie (killed, not yet reaped) still answers kill(pid, 0).
    return { startedAt: btime * 1000 + (ticks / 100) * 1000, zombie: fields[0] === 'Z' }
  } catch {
    return undefined
  }
}

function pidExists(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM'
  }
}

/** Whether the process that wrote `record` still runs. See the module comment. */
export function isOwnerAlive(record: OwnerRecord): boolean {
  if (record.host !== hostname()) return true
  if (record.pid === process.pid) return heldHere.has(record.id)
  if (!Number.isInteger(record.pid) || record.pid <= 0) return false
  // A minute of slack: uptime-derived boot times drift by a few milliseconds to seconds.
  if (record.processStartedAt < bootTime() - 60_000) return false
  const linux = linuxProcess(record.pid)
  if (linux?.zombie) return false
  if (linux && Math.abs(linux.startedAt - record.processStartedAt) > 10_000) return false
  return pidExists(record.pid)
}

export type OwnerScan = {
  /** Other processes (or other backends of this one) that have the library open now. */
  live: OwnerRecord[]
  /** Files of owners that are gone (crashed, killed, or unreadable). */
  staleFiles: string[]
}

/** Read the owner records beside `databaseFile`. Never throws. */
export function scanOwners(databaseFile: string): OwnerScan {
  const dir = ownersDirFor(databaseFile)
  const scan: OwnerScan = { live: [], staleFiles: [] }
  let names: string[]
  try {
    names = readdirSync(dir)
  } catch {
    return scan
  }
  for (const name of names) {
    if (!name.endsWith('.json')) continue
    const file = join(dir, name)
    let record: OwnerRecord | undefined
    try {
      record = JSON.parse(readFileSync(file, 'utf8')) as OwnerRecord
    } catch {
      record = undefined
    }
    if (record && typeof record.pid === 'number' && isOwnerAlive(record)) scan.live.push(record)
    else scan.staleFiles.push(file)
  }
  return scan
}

/** Delete owner files found stale (only call this when no live owner remains: they are crash evidence). */
export function removeStaleOwners(files: string[]): void {
  for (const file of files) rmSync(file, { force: true })
}

/**
 * Record that this process has the library open. Best effort: a read-only folder just means no record (other
 * processes then treat a non-empty WAL as a crash, which only costs them a full check).
 */
export function claimOwnership(databaseFile: string, role: string): OwnerHandle {
  const record: OwnerRecord = {
    pid: process.pid,
    id: randomUUID(),
    processStartedAt: processStartedAt(),
    host: hostname(),
    role,
  }
  const dir = ownersDirFor(databaseFile)
  const file = join(dir, `${record.pid}-${record.id}.json`)
  heldHere.add(record.id)
  try {
    mkdirSync(dir, { recursive: true })
    writeFileSync(file, `${JSON.stringify(record)}\n`)
  } catch {
    // See above: the record is an optimisation for other processes, not a requirement for this one.
  }
  let released = false
  return {
    file,
    record,
    release() {
      if (released) return
      released = true
      heldHere.delete(record.id)
      rmSync(file, { force: true })
    },
  }
}
