/**
 * Backup verification worker (built to out/main/verify-worker.js). `integrity_check` and the FTS5 checks of a
 * large copy take seconds; run here, they leave the backend's event loop free to answer calls meanwhile.
 * Receives `{ file, electronBinding? }` as workerData and posts back `{ problems: string[] }`.
 */
import { parentPort, workerData } from 'node:worker_threads'
import { verifyCopy } from './backup'

const request = workerData as { file: string; electronBinding?: string }
parentPort?.postMessage({ problems: verifyCopy(request.file, request.electronBinding) })
