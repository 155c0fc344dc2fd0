import { request } from 'node:http'
import { join } from 'node:path'
import type {
  ApiEventName,
  ApiEvents,
  ApiMethod,
  ApiTransport,
  ArgsOf,
  Envelope,
  ResultOf,
} from '@shared/contract'
import { createMemoryLogger } from '../../../src/main/platform/logger'
import { startWebHost } from '../../../src/main/web/web-host'
import { unwrap } from '../../../src/shared/api-call'
import { tempBackend, tempDir } from '../../support/temp-library'
import { describeContract, FIXTURE_DIR } from './contract-suite'

/** In-process: the transport calls `dispatch` directly, as the CLI does. */
describeContract('in-process dispatch', async () => {
  const backend = tempBackend()
  const transport: ApiTransport = {
    async invoke<M extends ApiMethod>(method: M, args: ArgsOf<M>): Promise<ResultOf<M>> {
      return unwrap(await backend.dispatch(method, args)) as ResultOf<M>
    },
    on: (event, listener) => backend.on(event, listener),
  }
  return { transport, backend, close: () => backend.dispose() }
})

/** HTTP: the loopback web host, called the way the renderer calls it (token, same-origin, JSON, SSE). */
describeContract('HTTP (web host)', async () => {
  const { dir, cleanup } = tempDir()
  const host = await startWebHost({
    port: 0,
    libraryDir: join(dir, 'library'),
    rendererDir: dir,
    importRoots: [FIXTURE_DIR],
    log: createMemoryLogger(),
    limits: { workers: 0 },
  })
  const origin = `http://127.0.0.1:${host.port}`
  const listeners = new Map<ApiEventName, Set<(payload: unknown) => void>>()
  let stream: ReturnType<typeof request> | undefined
  let streamReady: Promise<void> | undefined

  const openStream = (): Promise<void> => {
    streamReady ??= new Promise((ready, fail) => {
      stream = request(
        `${origin}/api/events?token=${encodeURIComponent(host.token)}`,
        { headers: { Accept: 'text/event-stream' }, agent: false },
        (response) => {
          response.setEncoding('utf8')
          let buffer = ''
          ready()
          response.on('data', (chunk: string) => {
            buffer += chunk
            for (let end = buffer.indexOf('\n\n'); end >= 0; end = buffer.indexOf('\n\n')) {
              const frame = buffer.slice(0, end)
              buffer = buffer.slice(end + 2)
              const data = frame
                .split('\n')
                .filter((line) => line.startsWith('data:'))
                .map((line) => line.slice(5).trim())
                .join('\n')
              if (!data) continue
              const { event, payload } = JSON.parse(data) as {
                event: ApiEventName
                payload: unknown
              }
              for (const listener of listeners.get(event) ?? []) listener(payload)
            }
          })
        },
      )
      stream.on('error', fail)
      stream.end()
    })
    return streamReady
  }

  const transport: ApiTransport = {
    async invoke<M extends ApiMethod>(method: M, args: ArgsOf<M>): Promise<ResultOf<M>> {
      const response = await fetch(`${origin}/api/${method}`, {
        method: 'POST',
        headers: {
          'Content-Type': 'application/json',
          'X-Lectern-Token': host.token,
          Origin: origin,
        },
        body: JSON.stringify(args ?? {}),
      })
      return unwrap((await response.json()) as Envelope<ResultOf<M>>)
    },
    on<E extends keyof ApiEvents>(event: E, listener: (payload: ApiEvents[E]) => void) {
      let set = listeners.get(event)
      if (!set) {
        set = new Set()
        listeners.set(event, set)
      }
      const wrapped = listener as (payload: unknown) => void
      set.add(wrapped)
      return () => set.delete(wrapped)
    },
  }
  await openStream()
  // The host registers the stream when the response starts; give it one tick to subscribe.
  await new Promise((r) => setTimeout(r, 20))
  return {
    transport,
    backend: host.backend,
    close: async () => {
      stream?.destroy()
      await host.close()
      cleanup()
    },
  }
})
