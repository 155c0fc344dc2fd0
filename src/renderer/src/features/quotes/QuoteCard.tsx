import type { Quote } from '@shared/contract'
import type { ReactNode } from 'react'
import { DocumentKind } from '../../components/DocumentKind'
import { formatPartialDate } from '../../components/format'
import { MenuButton } from '../../components/MenuButton'
import { TagChip } from '../../components/TagChip'
import { SourceChangeNote } from './SourceChangeNote'

export type QuoteAction =
  | 'jump'
  | 'edit'
  | 'copy'
  | 'similar'
  | 'compareWith'
  | 'delete'
  | 'acceptWording'

type QuoteCardProps = {
  quote: Quote
  selected: boolean
  onToggle: () => void
  onAction: (action: QuoteAction) => void
}

/** One quote: its words, where they come from, tags and note, with what can be done to it. */
export function QuoteCard({ quote, selected, onToggle, onAction }: QuoteCardProps): ReactNode {
  const source = [quote.document.source, formatPartialDate(quote.document.publishedAt)]
    .filter(Boolean)
    .join(', ')
  return (
    <article
      className={`quote-card quote-${quote.color}${selected ? ' is-selected' : ''}`}
      aria-label={`Quote from ${quote.document.title}`}
      data-roving-row
    >
      <div className="quote-card-top">
        <input
          type="checkbox"
          aria-label={`Select quote: ${quote.exact.slice(0, 60)}`}
          data-roving="item"
          checked={selected}
          onChange={onToggle}
        />
        <blockquote className="quote-text">{quote.exact}</blockquote>
      </div>
      <p className="quote-source">
        <span className="quote-title">{quote.document.title}</span>{' '}
        <DocumentKind format={quote.document.format} language={quote.document.language} />
        {source && <span className="muted"> — {source}</span>}
        {quote.page !== null && (
          // The page as printed (what a citation of it says); the file's own page number when it differs.
          <span
            className="muted quote-page"
            title={
              quote.pageLabel !== null && quote.pageLabel !== String(quote.page)
                ? `page ${quote.page} of the file`
                : undefined
            }
          >
            , p. {quote.pageLabel ?? quote.page}
          </span>
        )}
      </p>
      {quote.placement === 'unplaced' && (
        <p className="unplaced-note">Unplaced: its passage is no longer in the document’s text.</p>
      )}
      {quote.sourceChange && (
        <SourceChangeNote change={quote.sourceChange} onAccept={() => onAction('acceptWording')} />
      )}
      {quote.note && <p className="quote-note">{quote.note}</p>}
      <div className="quote-card-bottom">
        <div className="tag-list">
          {quote.tags.map((tag) => (
            <TagChip key={tag.id} name={tag.name} color={tag.color} />
          ))}
        </div>
        <div className="quote-card-actions">
          <button
            type="button"
            className="small"
            data-roving="secondary"
            onClick={() => onAction('jump')}
            disabled={quote.placement === 'unplaced'}
          >
            Go to passage
          </button>
          <MenuButton
            label="More actions for this quote"
            roving="secondary"
            items={(['edit', 'copy', 'similar', 'compareWith', 'delete'] as const).map(
              (action) => ({
                label: MENU_LABEL[action],
                onSelect: () => onAction(action),
              }),
            )}
          />
        </div>
      </div>
    </article>
  )
}

const MENU_LABEL: Record<Exclude<QuoteAction, 'jump' | 'acceptWording'>, string> = {
  edit: 'Edit colour, tags, note…',
  copy: 'Copy with citation',
  similar: 'Find the same statement elsewhere',
  compareWith: 'Add to comparison',
  delete: 'Delete quote',
}
