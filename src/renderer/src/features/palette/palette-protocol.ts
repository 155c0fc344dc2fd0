import type { PaletteEntries } from '@shared/contract'
import type { PaletteHit } from './palette-index'

/** Messages to the palette worker. */
export type ToPaletteWorker =
  /** `last`: the final page of a load (or a whole answer): the worker then holds every document. */
  | { type: 'apply'; entries: PaletteEntries; last: boolean }
  | {
      type: 'search'
      seq: number
      query: string
      recent: number[]
      limit: number
      /** The page waits for this answer in the shared answer channel too (answer-channel.ts). */
      waiting?: boolean
    }
  /** The shared answer channel, sent once after start when the page is cross-origin isolated. */
  | { type: 'channel'; channel: SharedArrayBuffer }

/** Messages from it. */
export type FromPaletteWorker =
  | { type: 'applied'; documents: number; ms: number; last: boolean }
  | { type: 'results'; seq: number; hits: PaletteHit[]; ms: number }
  /** `of`: the kind of message that failed (a failed page still ends its wait, like `applied`). */
  | { type: 'error'; message: string; of: ToPaletteWorker['type'] }
