import type { PaletteEntries } from '@shared/contract'
import type { PaletteHit } from './palette-index'

/** Messages to the palette worker. */
export type ToPaletteWorker =
  | { type: 'apply'; entries: PaletteEntries }
  | { type: 'search'; seq: number; query: string; recent: number[]; limit: number }

/** Messages from it. */
export type FromPaletteWorker =
  | { type: 'applied'; documents: number; ms: number }
  | { type: 'results'; seq: number; hits: PaletteHit[]; ms: number }
  | { type: 'error'; message: string }
