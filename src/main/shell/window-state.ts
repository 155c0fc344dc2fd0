import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs'
import { dirname } from 'node:path'
import { z } from 'zod'
import type { WindowBounds } from './window-options'

export const WINDOW_STATE_FILE = 'window-state.json'
export const DEFAULT_BOUNDS: WindowBounds = { width: 1280, height: 820 }

export type WindowState = WindowBounds & { maximized: boolean }
export type Rect = { x: number; y: number; width: number; height: number }

const int = z.number().int().min(-100_000).max(100_000)
const stateSchema = z.object({
  x: int.optional(),
  y: int.optional(),
  width: z.number().int().min(200).max(100_000),
  height: z.number().int().min(150).max(100_000),
  maximized: z.boolean().default(false),
})

/** Does at least a 100×50 corner of the window lie on one of the displays' work areas? */
function visibleOn(bounds: Required<WindowBounds>, displays: readonly Rect[]): boolean {
  return displays.some((d) => {
    const w = Math.min(bounds.x + bounds.width, d.x + d.width) - Math.max(bounds.x, d.x)
    const h = Math.min(bounds.y + bounds.height, d.y + d.height) - Math.max(bounds.y, d.y)
    return w >= 100 && h >= 50
  })
}

/**
 * Read the remembered window size and position from a small JSON file in userData. A missing, unreadable or
 * malformed file gives the defaults; a position that is no longer on any display (monitor unplugged) is dropped so
 * the window opens centred instead of off-screen.
 */
export function loadWindowState(file: string, displays: readonly Rect[]): WindowState {
  let parsed: z.infer<typeof stateSchema>
  try {
    parsed = stateSchema.parse(JSON.parse(readFileSync(file, 'utf8')))
  } catch {
    return { ...DEFAULT_BOUNDS, maximized: false }
  }
  const { x, y, width, height, maximized } = parsed
  if (x === undefined || y === undefined) return { width, height, maximized }
  if (!visibleOn({ x, y, width, height }, displays)) return { width, height, maximized }
  return { x, y, width, height, maximized }
}

/** Write the state atomically (temp file + rename) so a crash mid-write never leaves half a JSON file. */
export function saveWindowState(file: string, state: WindowState): void {
  const valid = stateSchema.safeParse(state)
  if (!valid.success) return
  mkdirSync(dirname(file), { recursive: true })
  const temp = `${file}.tmp`
  writeFileSync(temp, JSON.stringify(valid.data))
  renameSync(temp, file)
}
