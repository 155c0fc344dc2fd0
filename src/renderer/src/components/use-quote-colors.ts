import type { QuoteColor } from '@shared/contract'
import { useApiQuery } from '../api/use-api-query'
import { DEFAULT_COLORS } from './ColorPicker'

/** The highlight colours with the user's labels (defaults until the backend answers or if it cannot). */
export function useQuoteColors(): { color: QuoteColor; label: string }[] {
  const { data } = useApiQuery('quotes.colors', {})
  return data && data.length > 0 ? data : DEFAULT_COLORS
}
