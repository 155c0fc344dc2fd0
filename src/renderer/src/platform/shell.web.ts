import type { Shell } from '@shared/shell-contract'
import { ApiCallError, webHostToken } from '../api/client'

/** Some files of a pick could not be uploaded; `paths` holds the ones that were, so they can still be imported. */
export class UploadError extends ApiCallError {
  constructor(
    readonly paths: string[],
    readonly failures: { name: string; reason: string }[],
  ) {
    super(
      'invalid_args',
      `Could not upload ${failures.length} file(s): ${failures
        .slice(0, 5)
        .map((f) => `${f.name} (${f.reason})`)
        .join('; ')}${failures.length > 5 ? '; …' : ''}`,
    )
    this.name = 'UploadError'
  }
}

/**
 * Upload browser File objects to the web host, which stages them under `<library>/incoming/<batch>/` where it may
 * import from; returns their paths on the host. Files the host refuses (too large, unsafe name) are collected and
 * reported together in an UploadError after the others are uploaded.
 */
export async function uploadFiles(files: File[]): Promise<string[]> {
  const batch = crypto.randomUUID()
  const paths: string[] = []
  const failures: { name: string; reason: string }[] = []
  for (const file of files) {
    const relative =
      (file as File & { webkitRelativePath?: string }).webkitRelativePath || file.name
    try {
      const response = await fetch(
        `/api/upload?batch=${batch}&name=${encodeURIComponent(relative)}`,
        {
          method: 'POST',
          headers: {
            'Content-Type': 'application/octet-stream',
            'X-Lectern-Token': webHostToken(),
          },
          body: file,
        },
      )
      const envelope = (await response.json().catch(() => null)) as {
        ok: boolean
        value?: { path: string }
        error?: { message: string }
      } | null
      if (envelope?.ok && envelope.value) paths.push(envelope.value.path)
      else
        failures.push({
          name: relative,
          reason: envelope?.error?.message ?? `HTTP ${response.status}`,
        })
    } catch (error) {
      failures.push({ name: relative, reason: (error as Error).message || 'network error' })
    }
  }
  if (failures.length > 0) throw new UploadError(paths, failures)
  return paths
}

function pickFiles(folder: boolean): Promise<File[]> {
  return new Promise((resolve) => {
    const input = document.createElement('input')
    input.type = 'file'
    input.multiple = true
    if (folder) input.webkitdirectory = true
    input.style.display = 'none'
    input.dataset.testid = folder ? 'import-folder-input' : 'import-files-input'
    input.addEventListener('change', () => {
      resolve([...(input.files ?? [])])
      input.remove()
    })
    input.addEventListener('cancel', () => {
      resolve([])
      input.remove()
    })
    document.body.append(input)
    input.click()
  })
}

/** The browser's version of the desktop shell: file pickers upload to the loopback host; saving downloads. */
export function createWebShell(): Shell {
  return {
    async pickImportPaths({ folder }) {
      return uploadFiles(await pickFiles(folder))
    },
    async pickSavePath() {
      return null // the browser saves through a download instead
    },
    async revealInFolder() {},
    async openExternal(url) {
      window.open(url, '_blank', 'noopener,noreferrer')
    },
    stageDroppedFiles: (files) => uploadFiles(files),
    originalUrl: (documentId, part) =>
      `/files/${Number(documentId)}${part ? `/${part.split('/').map(encodeURIComponent).join('/')}` : ''}?token=${encodeURIComponent(webHostToken())}`,
    onMenuCommand: () => () => {},
  }
}
