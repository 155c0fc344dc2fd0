/**
 * The palette's shared-memory answer channel across two real threads: a worker thread writes with writeAnswer while
 * this thread spins in readAnswer, as the palette worker and the page do (features/palette/answer-channel.ts).
 */
import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { Worker } from 'node:worker_threads'
import { transformSync } from 'esbuild'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  ANSWER_CHANNEL_BYTES,
  createAnswerChannel,
  readAnswer,
} from '../../../src/renderer/src/features/palette/answer-channel'

const MODULE = resolve(__dirname, '../../../src/renderer/src/features/palette/answer-channel.ts')

/**
 * A worker thread running the module's own code (compiled from its source, as the bundler would): for each
 * { seq, value, delayMs } it waits, then writes the answer into the shared channel.
 */
const WRITER = `
const { parentPort, workerData } = require('node:worker_threads')
const module = { exports: {} }
new Function('module', 'exports', workerData.code)(module, module.exports)
parentPort.on('message', ({ seq, value, delayMs }) => {
  const until = Date.now() + delayMs
  while (Date.now() < until) {}
  module.exports.writeAnswer(workerData.channel, seq, value)
})
parentPort.postMessage('ready')
`

let channel: SharedArrayBuffer
let writer: Worker

beforeAll(async () => {
  channel = new SharedArrayBuffer(ANSWER_CHANNEL_BYTES)
  const code = transformSync(readFileSync(MODULE, 'utf8'), { loader: 'ts', format: 'cjs' }).code
  writer = new Worker(WRITER, { eval: true, workerData: { channel, code } })
  await new Promise((ready) => writer.once('message', ready))
})

afterAll(async () => {
  await writer.terminate()
})

describe('answer channel', () => {
  it('brings the answer written on the other thread while this one waits for it', () => {
    const hits = [
      { kind: 'document', id: 7, label: 'Remarks by the President — “Zürich” 北京', tier: 0 },
      { kind: 'tag', id: 2, label: 'railway', tier: 1 },
    ]
    writer.postMessage({ seq: 1, value: hits, delayMs: 5 })
    expect(readAnswer(channel, 1, 5000)).toEqual(hits)
  })

  it('gives up after its budget when no answer comes, and never returns an older answer', () => {
    writer.postMessage({ seq: 2, value: ['old'], delayMs: 0 })
    expect(readAnswer(channel, 2, 5000)).toEqual(['old'])
    const started = performance.now()
    expect(readAnswer(channel, 3, 30)).toBeUndefined()
    const waited = performance.now() - started
    expect(waited).toBeGreaterThanOrEqual(30)
    expect(waited).toBeLessThan(1000)
  })

  it('says "not here" for an answer too long for the channel (the message brings it instead)', () => {
    writer.postMessage({ seq: 4, value: 'x'.repeat(ANSWER_CHANNEL_BYTES), delayMs: 0 })
    expect(readAnswer(channel, 4, 5000)).toBeUndefined()
    // The next answer that fits is read normally.
    writer.postMessage({ seq: 5, value: { ok: true }, delayMs: 0 })
    expect(readAnswer(channel, 5, 5000)).toEqual({ ok: true })
  })

  it('is not offered where the page is not cross-origin isolated (no shared memory)', () => {
    expect((globalThis as { crossOriginIsolated?: boolean }).crossOriginIsolated).not.toBe(true)
    expect(createAnswerChannel()).toBeNull()
  })
})
