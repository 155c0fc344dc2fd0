/**
 * The index's treatment of every code point (`unicode61 remove_diacritics 2`, measured from SQLite: see
 * src/main/search/tools/gen-unicode61-table.ts), decoded once. Shared by fold.ts and scripts.ts.
 */
import { UNICODE61_RUNS } from './unicode61-table'

export const SEPARATOR = -1
export const REMOVED = -2

/** BMP lookup (-1 separator, -2 removed, else folded code point) plus run arrays for the astral planes. */
export const bmp = new Int32Array(0x10000)
const astralStarts: number[] = []
const astralKinds: number[] = [] // SEPARATOR, REMOVED, 0 = kept, 1 = mapped by delta
const astralDeltas: number[] = []

function decode(): void {
  let cp = 0
  for (const item of UNICODE61_RUNS.split(',')) {
    const match = /^([skr]|m(-?[0-9a-z]+)\.)([0-9a-z]+)$/.exec(item)
    if (!match) throw new Error(`bad unicode61 table item ${item}`)
    const kind = match[1]?.[0]
    const delta = match[2] ? Number.parseInt(match[2], 36) : 0
    const length = Number.parseInt(match[3] ?? '0', 36)
    for (let i = 0; i < length && cp + i < 0x10000; i++) {
      const c = cp + i
      bmp[c] = kind === 's' ? SEPARATOR : kind === 'r' ? REMOVED : kind === 'k' ? c : c + delta
    }
    if (cp + length > 0x10000) {
      astralStarts.push(Math.max(cp, 0x10000))
      astralKinds.push(kind === 's' ? SEPARATOR : kind === 'r' ? REMOVED : kind === 'k' ? 0 : 1)
      astralDeltas.push(delta)
    }
    cp += length
  }
}
decode()

/** How the index treats one code point: -1 separator, -2 token character dropped by folding, else its folded form. */
export function foldCodePoint(cp: number): number {
  if (cp < 0x10000) return bmp[cp] ?? SEPARATOR
  let lo = 0
  let hi = astralStarts.length - 1
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1
    if ((astralStarts[mid] ?? 0) <= cp) lo = mid
    else hi = mid - 1
  }
  const kind = astralKinds[lo] ?? SEPARATOR
  if (kind === SEPARATOR || kind === REMOVED) return kind
  return kind === 0 ? cp : cp + (astralDeltas[lo] ?? 0)
}
