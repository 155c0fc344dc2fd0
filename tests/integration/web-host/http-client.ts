import { request as httpRequest, type IncomingHttpHeaders } from 'node:http'

export type RawResponse = { status: number; headers: IncomingHttpHeaders; body: string }

/**
 * A raw HTTP request with full control over Host, Origin and the request target (fetch forbids forging Host and
 * normalises `../` out of paths, which is exactly what these tests need to send).
 */
export function rawRequest(
  port: number,
  options: {
    method?: string
    path?: string
    headers?: Record<string, string>
    body?: string | Buffer
    host?: string
  } = {},
): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      {
        host: options.host ?? '127.0.0.1',
        port,
        method: options.method ?? 'GET',
        path: options.path ?? '/',
        headers: { Host: `127.0.0.1:${port}`, ...options.headers },
        agent: false,
      },
      (res) => {
        const chunks: Buffer[] = []
        res.on('data', (chunk: Buffer) => chunks.push(chunk))
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            headers: res.headers,
            body: Buffer.concat(chunks).toString('utf8'),
          }),
        )
        res.on('error', reject)
      },
    )
    req.on('error', reject)
    if (options.body !== undefined) req.write(options.body)
    req.end()
  })
}

/** Headers of a well-formed API call from our own page. */
export function apiHeaders(port: number, token: string): Record<string, string> {
  return {
    'Content-Type': 'application/json',
    'X-Lectern-Token': token,
    Origin: `http://127.0.0.1:${port}`,
  }
}
