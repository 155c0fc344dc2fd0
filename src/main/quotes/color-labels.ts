/** The meanings of the highlight colours, stored in `settings` so the user can rename them. */
import type { QuoteColor } from '@shared/contract'
import type { Db } from '../db/connection'
import { QUOTE_COLORS } from './quote-rows'
import { quotesRepository } from './quotes.repository'

const SETTINGS_KEY = 'quotes.colorLabels'

/** What each colour means until the user says otherwise. */
export const DEFAULT_COLOR_LABELS: Readonly<Record<QuoteColor, string>> = {
  yellow: 'Key point',
  green: 'Evidence',
  blue: 'Background',
  pink: 'Disputed',
  purple: 'Definition',
  orange: 'Follow up',
}

function stored(db: Db): Partial<Record<QuoteColor, string>> {
  const value = quotesRepository.setting(db, SETTINGS_KEY)
  if (value === undefined) return {}
  try {
    const parsed: unknown = JSON.parse(value)
    if (typeof parsed !== 'object' || parsed === null) return {}
    const labels: Partial<Record<QuoteColor, string>> = {}
    for (const color of QUOTE_COLORS) {
      const label = (parsed as Record<string, unknown>)[color]
      if (typeof label === 'string') labels[color] = label
    }
    return labels
  } catch {
    return {}
  }
}

/** Every colour with its current label, in a fixed order. */
export function colorLabels(db: Db): { color: QuoteColor; label: string }[] {
  const labels = stored(db)
  return QUOTE_COLORS.map((color) => ({
    color,
    label: labels[color] ?? DEFAULT_COLOR_LABELS[color],
  }))
}

/** Rename one colour's meaning; returns all labels. */
export function setColorLabel(
  db: Db,
  color: QuoteColor,
  label: string,
): { color: QuoteColor; label: string }[] {
  db.transaction(() => {
    const labels = { ...stored(db), [color]: label }
    quotesRepository.setSetting(db, SETTINGS_KEY, JSON.stringify(labels))
  })()
  return colorLabels(db)
}
