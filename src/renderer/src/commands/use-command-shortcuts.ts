import type { MenuCommand } from '@shared/shell-contract'
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

/** The command each native menu item runs; a menu command without an entry is a compile error. */
const MENU_TO_COMMAND: Record<MenuCommand, CommandId> = {
  import: 'import',
  'import-folder': 'importFolder',
  find: 'find',
  export: 'export',
  preferences: 'preferences',
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
      // The preload forwards only known names; a stale or foreign value is ignored.
      const id = Object.hasOwn(MENU_TO_COMMAND, name) ? MENU_TO_COMMAND[name] : undefined
      if (id) runCommand(id)
    })
    return () => {
      window.removeEventListener('keydown', onKeyDown)
      offMenu()
    }
  }, [])
}
