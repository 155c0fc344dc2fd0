import type { AppState } from '../state/app-state'

/** Every user action that a toolbar button, shortcut or native menu item can trigger. */
export type CommandId =
  | 'import'
  | 'importFolder'
  | 'focusSearch'
  | 'find'
  | 'export'
  | 'compare'
  | 'showLibrary'
  | 'undo'
  | 'fontBigger'
  | 'fontSmaller'
  | 'preferences'
  | 'palette'
  | 'commandPalette'
  | 'caretMode'
  | 'saveQuote'
  | 'toggleSidebar'
  | 'toggleQuotesPanel'

/** What a command may look at to decide whether it applies. */
export type CommandContext = { state: AppState }

/** One action, described once (Excalidraw's actions): label, optional shortcut, predicate and effect. */
export type Command = {
  id: CommandId
  label: string
  /** e.g. `Mod+O` (Mod = Ctrl, or Cmd on macOS), `Mod+Shift+O`, `/`. */
  keybindings?: string[]
  /** Shortcuts that should also work while typing in a text field. */
  worksInTextFields?: boolean
  when?: (context: CommandContext) => boolean
  /** Runs synchronously from the triggering event (file pickers need the user gesture). */
  run: (context: CommandContext) => void
}

const registry = new Map<CommandId, Command>()

/** Add commands to the registry (called once by `commands/commands.ts`). */
export function registerCommands(commands: Command[]): void {
  for (const command of commands) registry.set(command.id, command)
}

export function getCommand(id: CommandId): Command | undefined {
  return registry.get(id)
}

export function allCommands(): Command[] {
  return [...registry.values()]
}

const isMac = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform)

/** Whether a keyboard event matches a binding such as `Mod+Shift+O`. */
export function matchesKeybinding(event: KeyboardEvent, binding: string): boolean {
  const parts = binding.split('+')
  const key = parts[parts.length - 1] ?? ''
  const wantMod = parts.includes('Mod')
  const wantShift = parts.includes('Shift')
  const wantAlt = parts.includes('Alt')
  const mod = isMac ? event.metaKey : event.ctrlKey
  if (mod !== wantMod || event.altKey !== wantAlt) return false
  // Symbols like '/' or '=' depend on the layout's shift state: only check Shift for letters and named keys.
  const isLetter = /^[A-Za-z]$/.test(key)
  if ((isLetter || key.length > 1) && event.shiftKey !== wantShift) return false
  return event.key.toLowerCase() === key.toLowerCase()
}

/** Human form of a binding for tooltips: `Ctrl+O` or `⌘O`. */
export function describeKeybinding(binding: string): string {
  return isMac
    ? binding.replace('Mod+', '⌘').replace('Shift+', '⇧')
    : binding.replace('Mod', 'Ctrl')
}
