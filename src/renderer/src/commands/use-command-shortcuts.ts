import { useEffect } from 'react'
import { getShell } from '../platform/shell'
import { appStore } from '../state/app-state'
import { allCommands, type CommandId, matchesKeybinding } from './registry'
import { runCommand } from './run-command'

function isTextField(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false
  return (
    target.isContentEditable ||
    target instanceof HTMLTextAreaElement ||
    target instanceof HTMLSelectElement ||
    (target instanceof HTMLInputElement &&
      !['checkbox', 'radio', 'button', 'submit'].includes(target.type))
  )
}

/** Native menu items arrive as these names (see shell-contract.ts). */
const MENU_COMMANDS: Record<string, CommandId> = {
  import: 'import',
  importFolder: 'importFolder',
  'import-folder': 'importFolder',
  find: 'find',
  export: 'export',
  preferences: 'preferences',
  compare: 'compare',
  undo: 'undo',
}

/** Dispatch keyboard shortcuts and native menu commands to the registry. */
export function useCommandShortcuts(): void {
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent): void => {
      if (event.defaultPrevented) return
      const inText = isTextField(event.target)
      for (const command of allCommands()) {
        if (inText && !command.worksInTextFields) continue
        if (!command.keybindings?.some((binding) => matchesKeybinding(event, binding))) continue
        if (command.when && !command.when({ state: appStore.get() })) continue
        event.preventDefault()
        runCommand(command.id)
        return
      }
    }
    window.addEventListener('keydown', onKeyDown)
    const offMenu = getShell().onMenuCommand((name) => {
      const id = MENU_COMMANDS[name]
      if (id) runCommand(id)
    })
    return () => {
      window.removeEventListener('keydown', onKeyDown)
      offMenu()
    }
  }, [])
}
