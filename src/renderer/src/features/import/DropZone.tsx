import { type ReactNode, useEffect, useState } from 'react'
import { isBrowserHost } from '../../components/host'
import { importDropped } from './import-controller'

/** Walk dropped folders (browser entries API) into files. */
async function filesOf(items: DataTransferItemList): Promise<File[]> {
  const entries = [...items]
    .filter((item) => item.kind === 'file')
    .map((item) => item.webkitGetAsEntry())
    .filter((entry): entry is FileSystemEntry => entry !== null)
  const files: File[] = []
  const queue = [...entries]
  while (queue.length > 0 && files.length < 20_000) {
    const entry = queue.shift() as FileSystemEntry
    if (entry.name.startsWith('.')) continue
    if (entry.isFile) {
      files.push(
        await new Promise<File>((resolve, reject) =>
          (entry as FileSystemFileEntry).file(resolve, reject),
        ),
      )
    } else if (entry.isDirectory) {
      const reader = (entry as FileSystemDirectoryEntry).createReader()
      // readEntries answers in batches until it returns an empty one.
      for (;;) {
        const batch = await new Promise<FileSystemEntry[]>((resolve, reject) =>
          reader.readEntries(resolve, reject),
        )
        if (batch.length === 0) break
        queue.push(...batch)
      }
    }
  }
  return files
}

/** Files and folders dropped anywhere on the window are imported; an overlay says so while dragging. */
export function DropZone(): ReactNode {
  const [dragging, setDragging] = useState(false)
  useEffect(() => {
    let depth = 0
    const hasFiles = (event: DragEvent): boolean =>
      Boolean(event.dataTransfer?.types.includes('Files'))
    const onEnter = (event: DragEvent): void => {
      if (!hasFiles(event)) return
      depth++
      setDragging(true)
    }
    const onLeave = (event: DragEvent): void => {
      if (!hasFiles(event)) return
      depth = Math.max(0, depth - 1)
      if (depth === 0) setDragging(false)
    }
    const onOver = (event: DragEvent): void => {
      if (!hasFiles(event)) return
      event.preventDefault()
      if (event.dataTransfer) event.dataTransfer.dropEffect = 'copy'
    }
    const onDrop = (event: DragEvent): void => {
      if (!hasFiles(event)) return
      event.preventDefault()
      depth = 0
      setDragging(false)
      const transfer = event.dataTransfer
      if (!transfer) return
      const direct = [...transfer.files]
      // Electron resolves a dropped folder's own path; the browser must read the folder's files to upload them.
      if (!isBrowserHost()) {
        void importDropped(direct)
        return
      }
      void filesOf(transfer.items)
        .catch(() => direct)
        .then((files) => importDropped(files.length > 0 ? files : direct))
    }
    window.addEventListener('dragenter', onEnter)
    window.addEventListener('dragleave', onLeave)
    window.addEventListener('dragover', onOver)
    window.addEventListener('drop', onDrop)
    return () => {
      window.removeEventListener('dragenter', onEnter)
      window.removeEventListener('dragleave', onLeave)
      window.removeEventListener('dragover', onOver)
      window.removeEventListener('drop', onDrop)
    }
  }, [])
  if (!dragging) return null
  return (
    <div className="drop-overlay" aria-hidden="true">
      <p>Drop files or folders to import them</p>
    </div>
  )
}
