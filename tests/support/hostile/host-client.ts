import { request } from 'node:http'

/** Talk to a running web host from Node as its own page would (token, same Origin, JSON). */
export function hostClient(url: string) {
  const parsed = new URL(url)
  const token = parsed.searchParams.get('token') ?? ''
  const port = Number(parsed.port)
  const send = (path: string, body: Buffer | string, contentType: string): Promise<unknown> =>
    new Promise((resolve, reject) => {
      const req = request(
        {
          host: '127.0.0.1',
          port,
          path,
          method: 'POST',
          headers: {
            'Content-Type': contentType,
            'X-Lectern-Token': token,
            Origin: parsed.origin,
          },
        },
        (res) => {
          const chunks: Buffer[] = []
          res.on('data', (c: Buffer) => chunks.push(c))
          res.on('end', () => {
            try {
              resolve(JSON.parse(Buffer.concat(chunks).toString('utf8')))
            } catch (error) {
              reject(error)
            }
          })
        },
      )
      req.on('error', reject)
      req.end(body)
    })

  /** Call an API method; resolves to the value or throws with the error message. */
  async function call<T = unknown>(method: string, args: unknown = {}): Promise<T> {
    const envelope = (await send(`/api/${method}`, JSON.stringify(args), 'application/json')) as {
      ok: boolean
      value?: T
      error?: { code: string; message: string }
    }
    if (!envelope.ok)
      throw new Error(`${method}: ${envelope.error?.code} ${envelope.error?.message}`)
    return envelope.value as T
  }

  /** Upload bytes as the browser would; returns the path on the host. */
  async function upload(
    name: string,
    content: string | Buffer,
    batch = 'hostile',
  ): Promise<string> {
    const envelope = (await send(
      `/api/upload?batch=${batch}&name=${encodeURIComponent(name)}`,
      content,
      'application/octet-stream',
    )) as { ok: boolean; value?: { path: string }; error?: { message: string } }
    if (!envelope.ok || !envelope.value)
      throw new Error(`upload ${name}: ${envelope.error?.message}`)
    return envelope.value.path
  }

  return { call, upload, token, origin: parsed.origin }
}
