/**
 * Backup worker (built to out/main/verify-worker.js). Copying a large library and running `integrity_check` and the
 * FTS5 checks on the copy take seconds; run here, they leave the backend's event loop free to answer calls meanwhile.
 * workerData: `{ task: 'verify', file }` (check a copy) or `{ task: 'backup', source, temp }` (copy, check, fsync),
 * each with an optional `electronBinding`. Posts back `{ problems: string[] }`, or `{ error }` when it could not run.
 */
import { parentPort, workerData } from 'node:worker_threads'
import { copyAndVerify, verifyCopy } from './backup'

type Request =
  | { task?: 'verify'; file: string; electronBinding?: string }
  | { task: 'backup'; source: string; temp: string; electronBinding?: string }

const request = workerData as Request
try {
  const problems =
    request.task === 'backup'
      ? copyAndVerify(request.source, request.temp, request.electronBinding)
      : verifyCopy(request.file, request.electronBinding)
  parentPort?.postMessage({ problems })
} catch (error) {
  parentPort?.postMessage({ error: error instanceof Error ? error.message : String(error) })
}
