/**
 * Import worker entry (built to out/main/import-worker.js). Receives one file path at a time from the pool,
 * extracts it and answers with the ExtractedFile or a failure. The pool enforces the time limit (terminate) and
 * the memory ceiling (`resourceLimits`); nothing here trusts the file. Posts `{ ready: true }` once loaded.
 * The pool may queue a few files here ahead of time (WORKER_QUEUE_DEPTH); they are parsed one after another, in the
 * order received, because the pool's time limit runs for the file at the head of this queue only.
 */
import { parentPort } from 'node:worker_threads'
import { toFailure } from '../errors'
import { extractFile } from '../extract'
import type { WorkerRequest, WorkerResponse } from '../types'

const port = parentPort
if (port) {
  const run = async (request: WorkerRequest): Promise<void> => {
    let response: WorkerResponse
    try {
      const file = await extractFile(request.path, request.limits, request.name)
      response = { id: request.id, ok: true, file }
    } catch (error) {
      response = { id: request.id, ok: false, failure: toFailure(error) }
    }
    port.postMessage(response)
  }
  let queue: Promise<void> = Promise.resolve()
  port.on('message', (request: WorkerRequest) => {
    queue = queue.then(() => run(request))
  })
  // Modules are loaded: from now on the pool's time limit measures parsing, not start-up.
  port.postMessage({ ready: true })
}
