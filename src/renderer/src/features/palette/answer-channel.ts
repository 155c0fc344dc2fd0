/**
 * A synchronous way back from the palette worker, through shared memory.
 *
 * Why: a worker's answer comes back as a message, a task of its own. The browser paints the typed character first
 * (rendering is prioritised after input), so rows that arrive by message land one frame later: in Chromium at
 * 100,000 documents, keystroke → rows painted measured median 25 ms, p95 31–38 ms, and a bare worker echo alone
 * median 21 ms, against a frame floor of 5 ms (scripts/bench/ui.ts). The query itself takes ~1 ms on the other core.
 * So the page may instead wait for that ~1 ms inside the input handler: the worker writes its answer here, the page
 * spins on the sequence number (Atomics.wait is not allowed on a window's thread) and renders the rows in the same
 * frame as the character. The wait is bounded; past it the message answers as before.
 *
 * Needs a cross-origin isolated page (COOP same-origin + COEP require-corp, http/csp.ts), else no channel.
 *
 * Layout: Int32 [0] the sequence number answered, Int32 [1] the answer's byte length (-1: too long to fit),
 * then the answer as UTF-8 JSON.
 */

const HEADER_BYTES = 8
const encoder = new TextEncoder()
const decoder = new TextDecoder()
/** Room for 30 hits with long titles and author lists; a longer answer goes by message. */
export const ANSWER_CHANNEL_BYTES = 256 * 1024

/** A new channel, or null where shared memory is not available (a page that is not cross-origin isolated). */
export function createAnswerChannel(): SharedArrayBuffer | null {
  const isolated = (globalThis as { crossOriginIsolated?: boolean }).crossOriginIsolated === true
  if (!isolated || typeof SharedArrayBuffer === 'undefined') return null
  return new SharedArrayBuffer(ANSWER_CHANNEL_BYTES)
}

/** Worker side: publish `value` as the answer to `seq` (the sequence number is stored last, after the bytes). */
export function writeAnswer(channel: SharedArrayBuffer, seq: number, value: unknown): void {
  const header = new Int32Array(channel, 0, 2)
  const bytes = encoder.encode(JSON.stringify(value))
  const fits = bytes.length <= channel.byteLength - HEADER_BYTES
  if (fits) new Uint8Array(channel, HEADER_BYTES, bytes.length).set(bytes)
  Atomics.store(header, 1, fits ? bytes.length : -1)
  Atomics.store(header, 0, seq)
}

/**
 * Page side: wait at most `budgetMs` for the answer to `seq`. The answer, or undefined when it did not come in
 * time or did not fit (the message brings it then).
 */
export function readAnswer<T>(
  channel: SharedArrayBuffer,
  seq: number,
  budgetMs: number,
): T | undefined {
  const header = new Int32Array(channel, 0, 2)
  const deadline = performance.now() + budgetMs
  while (Atomics.load(header, 0) !== seq) {
    if (performance.now() > deadline) return undefined
  }
  const length = Atomics.load(header, 1)
  if (length < 0) return undefined
  // TextDecoder refuses views of shared memory: copy out first.
  const bytes = new Uint8Array(length)
  bytes.set(new Uint8Array(channel, HEADER_BYTES, length))
  return JSON.parse(decoder.decode(bytes)) as T
}
