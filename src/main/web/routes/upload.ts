import { randomBytes } from 'node:crypto'
import { createWriteStream, mkdirSync, realpathSync } from 'node:fs'
import { rename, unlink } from 'node:fs/promises'
import type { IncomingMessage, ServerResponse } from 'node:http'
import { isAbsolute, join, relative } from 'node:path'
import { Transform } from 'node:stream'
import { pipeline } from 'node:stream/promises'
import { hasContentType, uploadSegments, validBatch } from '../guards'
import { headerToken, Refusal, requireToken, sendJson } from '../respond'

export type UploadRouteOptions = {
  token: string
  /** `<library>/incoming`: the only folder uploads land in. */
  incomingDir: string
  /** Largest file accepted (the import limit). */
  maxFileBytes: () => number
}

function isInside(root: string, candidate: string): boolean {
  const rel = relative(root, candidate)
  return rel !== '' && !rel.startsWith('..') && !isAbsolute(rel)
}

/**
 * `POST /api/upload?batch=B&name=a/b.pdf`: stage one dropped file under incoming/B/ for a later documents.import.
 * Written to a temporary name and renamed, so a cut-off upload never looks like a whole file.
 */
export function uploadRoute(options: UploadRouteOptions) {
  const { incomingDir } = options
  return async (req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> => {
    requireToken(options.token, headerToken(req))
    if (!hasContentType(req.headers, 'application/octet-stream'))
      throw new Refusal(415, 'Uploads must be sent as application/octet-stream.')
    const batch = url.searchParams.get('batch') ?? randomBytes(8).toString('hex')
    if (!validBatch(batch)) throw new Refusal(400, 'The upload batch id is not valid.')
    const segments = uploadSegments(url.searchParams.get('name'))
    if (!segments)
      throw new Refusal(400, 'The upload file name is missing or not a safe relative path.')
    const limit = options.maxFileBytes()
    const declared = Number(req.headers['content-length'] ?? 0)
    if (declared > limit)
      throw new Refusal(413, `The file is larger than the import limit of ${limit} bytes.`)

    const target = join(incomingDir, batch, ...segments)
    if (!isInside(incomingDir, target))
      throw new Refusal(400, 'The upload path leaves the incoming folder.')
    const folder = join(target, '..')
    mkdirSync(folder, { recursive: true })
    // Only this host creates folders in incoming/, but check the real path anyway: no symlink may lead out.
    const realFolder = realpathSync(folder)
    const realIncoming = realpathSync(incomingDir)
    if (realFolder !== realIncoming && !isInside(realIncoming, realFolder))
      throw new Refusal(400, 'The upload path leaves the incoming folder.')

    const temp = `${target}.part-${randomBytes(6).toString('hex')}`
    let size = 0
    const counter = new Transform({
      transform(chunk: Buffer, _encoding, callback) {
        size += chunk.length
        if (size > limit) {
          callback(new Refusal(413, `The file is larger than the import limit of ${limit} bytes.`))
          return
        }
        callback(null, chunk)
      },
    })
    try {
      await pipeline(req, counter, createWriteStream(temp, { flags: 'wx' }))
      await rename(temp, target)
    } catch (error) {
      await unlink(temp).catch(() => {})
      throw error
    }
    sendJson(res, 200, { ok: true, value: { path: target } })
  }
}
