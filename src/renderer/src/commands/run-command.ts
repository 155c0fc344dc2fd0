import { appStore } from '../state/app-state'
import { type CommandId, getCommand } from './registry'

/** Run a command if it applies now; returns whether it ran. */
export function runCommand(id: CommandId): boolean {
  const command = getCommand(id)
  if (!command) return false
  const context = { state: appStore.get() }
  if (command.when && !command.when(context)) return false
  command.run(context)
  return true
}

/** Whether a command applies now (for disabling buttons). */
export function canRun(id: CommandId): boolean {
  const command = getCommand(id)
  if (!command) return false
  return !command.when || command.when({ state: appStore.get() })
}
