/**
 * Which dates may be a publication date. Digital metadata before 1800 is a software default (1601 is the Windows
 * epoch, 1904 the old Mac one, 1970 Unix, 1980 DOS/ZIP), a date after today is a typo or a clock error, and an
 * embedded timestamp from the last two days is the conversion that made this copy, not its publication.
 */
import type { PartialDate } from '@shared/contract'

const DAY = 24 * 60 * 60 * 1000
const EPOCHS = new Set(['1601-01-01', '1904-01-01', '1970-01-01', '1980-01-01'])

export type DateCheck = { ok: true } | { ok: false; why: string }

/** `embedded`: the date comes from file properties (stricter: no software epochs, no fresh conversion stamps). */
export function checkDate(date: PartialDate, embedded: boolean, now = new Date()): DateCheck {
  const year = Number(date.slice(0, 4))
  const today = now.toISOString().slice(0, 10)
  if (date.slice(0, date.length) > today.slice(0, date.length))
    return { ok: false, why: 'in the future' }
  if (embedded) {
    if (year < 1800 || EPOCHS.has(date)) return { ok: false, why: 'a software default date' }
    if (date.length === 10 && Date.parse(`${date}T00:00:00Z`) >= now.getTime() - 2 * DAY)
      return { ok: false, why: 'the time this copy was made' }
  } else if (year < 1000) return { ok: false, why: 'implausible year' }
  return { ok: true }
}

export const plausible = (date: PartialDate | null, embedded: boolean, now?: Date): boolean =>
  date !== null && checkDate(date, embedded, now).ok
