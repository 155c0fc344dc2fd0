import type { Shell } from '@shared/shell-contract'
import { webHostToken } from '../api/client'

/** Upload browser File objects to the web host, which stages them where it may import from; returns their paths. */
export async function uploadFiles(files: File[]): Promise<string[]> {
  const batch = crypto.randomUUID()
  const paths: string[] = []
  for (const file of files) {
    const relative =
      (file as File & { webkitRelativePath?: string }).webkitRelativePath || file.name
    const response = await fetch(
      `/api/upload?batch=${batch}&name=${encodeURIComponent(relative)}`,
      {
        method: 'POST',
        headers: { 'Content-Type': 'application/octet-stream', 'X-Lectern-Token': webHostToken() },
        body: file,
      },
    )
    const envelope = (await response.json()) as { ok: boolean; value?: { path: string } }
    if (envelope.ok && envelope.value) paths.push(envelope.value.path)
  }
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
    onMenuCommand: () => () => {},
  }
}
