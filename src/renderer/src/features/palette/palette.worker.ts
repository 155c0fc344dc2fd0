/// <reference lib="webworker" />
/**
 * The palette's Web Worker: holds the FlexSearch index so building it and answering keystrokes never block the
 * page. Receives only plain data (ids and short fields); nothing in it is ever executed or rendered as HTML.
 */
import { writeAnswer } from './answer-channel'
import { PaletteIndex } from './palette-index'
import type { FromPaletteWorker, ToPaletteWorker } from './palette-protocol'

const index = new PaletteIndex()
const scope = self as unknown as DedicatedWorkerGlobalScope
let channel: SharedArrayBuffer | null = null

function reply(message: FromPaletteWorker): void {
  scope.postMessage(message)
}

scope.onmessage = (event: MessageEvent<ToPaletteWorker>) => {
  const message = event.data
  const started = performance.now()
  try {
    if (message.type === 'apply') {
      index.apply(message.entries)
      reply({
        type: 'applied',
        documents: index.documentCount,
        ms: performance.now() - started,
        last: message.last,
      })
      // After the answer, so "ready" does not wait for it (a message arriving first runs first).
      setTimeout(() => index.finishDeferred(), 0)
    } else if (message.type === 'channel') {
      channel = message.channel
    } else if (message.type === 'search') {
      const hits = index.search(message.query, message.recent, message.limit)
      // The page may be waiting in its input handler: write there first, then answer by message as always
      // (which the page ignores if it already has the answer).
      if (message.waiting && channel) writeAnswer(channel, message.seq, hits)
      reply({ type: 'results', seq: message.seq, hits, ms: performance.now() - started })
    }
  } catch (error) {
    reply({
      type: 'error',
      message: error instanceof Error ? error.message : String(error),
      of: message.type,
    })
  }
}
