import type { Shell } from '@shared/shell-contract'
import { createWebShell } from './shell.web'

let shell: Shell | null = null

/** Desktop affordances: Electron's preload when present, else the browser implementation (uploads to the host). */
export function getShell(): Shell {
  shell ??= window.shell ?? createWebShell()
  return shell
}
