/**
 * The desktop app's view of the originals route: `app://lectern/files/<id>[/<part>]` answered by the open backend
 * (the shell may not import domains; the composition root may).
 */
import { parseFilePath, serveOriginal } from '../originals/serve-original'
import type { Backend } from './create-backend'

export async function answerFileRequest(
  backend: Backend | null,
  pathname: string,
): Promise<Awaited<ReturnType<typeof serveOriginal>> | null> {
  const target = parseFilePath(pathname)
  if (!backend || !target) return null
  return serveOriginal(backend.context, target.id, target.part)
}
