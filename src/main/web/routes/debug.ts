import type { IncomingMessage, ServerResponse } from 'node:http'
import { monitorEventLoopDelay } from 'node:perf_hooks'
import { headerToken, Refusal, requireToken, sendJson } from '../respond'

type Summary = Record<string, { n: number; p50: number; p95: number; max: number }>

export type ServiceTimes = {
  record(method: string, ms: number): void
  summary(): Summary
  reset(): void
}

/** Per-method dispatch durations for the debug endpoint (bounded: the last 20,000 samples per method). */
export function createServiceTimes(): ServiceTimes {
  const samples = new Map<string, number[]>()
  const at = (sorted: number[], q: number): number =>
    Math.round((sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0) * 100) /
    100
  return {
    record(method, ms) {
      let list = samples.get(method)
      if (!list) {
        list = []
        samples.set(method, list)
      }
      if (list.length >= 20_000) list.shift()
      list.push(ms)
    },
    summary() {
      const out: Summary = {}
      for (const [method, list] of samples) {
        const sorted = [...list].sort((a, b) => a - b)
        out[method] = {
          n: sorted.length,
          p50: at(sorted, 0.5),
          p95: at(sorted, 0.95),
          max: at(sorted, 1),
        }
      }
      return out
    },
    reset() {
      samples.clear()
    },
  }
}

export type DebugRoute = {
  /** Null when debug metrics are off: nothing is measured then. */
  serviceTimes: ServiceTimes | null
  handle(req: IncomingMessage, res: ServerResponse, url: URL): void
  stop(): void
}

/**
 * `GET /api/debug/event-loop` (token-protected, only with `debugMetrics`): this process's event-loop delay and
 * per-method service times, for the load test and benchmarks.
 */
export function debugRoute(options: { token: string; enabled: boolean }): DebugRoute {
  // Node's histogram includes the sampling interval itself, so sample every millisecond: values ≈ 1 ms + delay.
  const loopDelay = options.enabled ? monitorEventLoopDelay({ resolution: 1 }) : null
  loopDelay?.enable()
  const serviceTimes = options.enabled ? createServiceTimes() : null
  return {
    serviceTimes,
    handle(req, res, url) {
      requireToken(options.token, headerToken(req))
      if (!loopDelay) throw new Refusal(404, 'Not found.', 'not_found')
      const ms = (ns: number): number => Math.round(ns / 1e4) / 100
      const value = {
        resolutionMs: 1,
        count: loopDelay.count,
        meanMs: ms(loopDelay.mean),
        p50Ms: ms(loopDelay.percentile(50)),
        p99Ms: ms(loopDelay.percentile(99)),
        maxMs: ms(loopDelay.max),
        rssBytes: process.memoryUsage().rss,
        /** Time spent inside dispatch per method (ms), i.e. service time without queueing. */
        methods: serviceTimes?.summary() ?? {},
      }
      if (url.searchParams.get('reset') === '1') {
        loopDelay.reset()
        serviceTimes?.reset()
      }
      sendJson(res, 200, { ok: true, value })
    },
    stop() {
      loopDelay?.disable()
    },
  }
}
