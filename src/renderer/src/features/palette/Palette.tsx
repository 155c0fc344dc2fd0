import { sourceBesideAuthors } from '@shared/byline'
import {
  memo,
  type ReactNode,
  useCallback,
  useEffect,
  useId,
  useLayoutEffect,
  useRef,
  useState,
} from 'react'
import { flushSync } from 'react-dom'
import { getApi } from '../../api/client'
import { allCommands, describeKeybinding } from '../../commands/registry'
import { canRun } from '../../commands/run-command'
import { documentKind } from '../../components/format'
import { highlightsSupported } from '../../components/highlights'
import { appStore, useAppState } from '../../state/app-state'
import { choosePaletteItem, type PaletteItem } from './palette-actions'
import { paletteClient } from './palette-client'
import { hideFarRows, revealRowsAround } from './palette-far-rows'
import type { PaletteHit } from './palette-index'
import { clearMatches, MARKED_TEXT_ATTRIBUTE, markMatches } from './palette-marks'
import { markRuns, rankTier, TIER_FUZZY } from './palette-rank'
import './palette.css'

const LIMIT = 30
/** Marks as a highlight over plain text (palette-marks.ts); else as `<mark>` elements. */
const MARKS_BY_HIGHLIGHT = highlightsSupported()
const KIND_LABEL: Record<PaletteItem['kind'], string> = {
  document: 'Document',
  tag: 'Tag',
  search: 'Saved search',
  comparison: 'Comparison',
  quote: 'Quote',
  command: 'Command',
}

/** Commands matching the query (all of them for an empty query), each with its shortcut. */
function commandItems(query: string): PaletteItem[] {
  const items: PaletteItem[] = []
  for (const command of allCommands()) {
    if (command.id === 'palette' || command.id === 'commandPalette' || !canRun(command.id)) continue
    const tier = query.trim() ? rankTier(query, command.label) : TIER_FUZZY
    if (query.trim() && tier >= TIER_FUZZY) continue
    items.push({
      kind: 'command',
      id: command.id,
      label: command.label,
      detail: (command.keybindings ?? []).map(describeKeybinding).join(', '),
      tier,
    })
  }
  return items.sort((a, b) => a.tier - b.tier)
}

/** While the worker is not ready: the FTS search (titles rank first there too), documents only. */
async function ftsFallback(query: string): Promise<PaletteItem[]> {
  if (!query.trim()) return []
  const result = await getApi().invoke('search.query', {
    query,
    asYouType: true,
    includeQuotes: false,
    limit: LIMIT,
  })
  return result.hits.map((hit) => ({
    kind: 'document' as const,
    id: hit.documentId,
    label: hit.title,
    detail: [hit.authors.join('; '), sourceBesideAuthors(hit.source, hit.authors) ?? '']
      .filter(Boolean)
      .join(' · '),
    tier: rankTier(query, hit.title, `${hit.authors.join(' ')} ${hit.source ?? ''}`),
    format: hit.format,
    language: hit.language,
  }))
}

/** Hits and the commands matching `query`, best tier first, as many as are shown. */
function rankedItems(hits: PaletteItem[], query: string): PaletteItem[] {
  const merged = [...hits, ...(query.trim() ? commandItems(query) : [])]
  merged.sort((a, b) => a.tier - b.tier)
  return merged.slice(0, LIMIT)
}

/**
 * The text a key will leave in the field: a printable character replaces the selection, Backspace and Delete remove
 * it or the character beside the caret. Null for other keys, shortcuts and IME composition, where the edit cannot
 * be known in advance.
 */
function textAfterKey(event: React.KeyboardEvent<HTMLInputElement>): string | null {
  const { key, ctrlKey, metaKey, altKey, nativeEvent } = event
  if (ctrlKey || metaKey || altKey || nativeEvent.isComposing) return null
  const { value, selectionStart, selectionEnd } = event.currentTarget
  const start = selectionStart ?? value.length
  const end = selectionEnd ?? start
  if (key.length === 1) return value.slice(0, start) + key + value.slice(end)
  if (key !== 'Backspace' && key !== 'Delete') return null
  if (start !== end) return value.slice(0, start) + value.slice(end)
  // One UTF-16 unit beside the caret, unless it is half of a surrogate pair (then the edit is not guessed).
  const at = key === 'Backspace' ? start - 1 : start
  if (at < 0 || at >= value.length) return null
  const unit = value.charCodeAt(at)
  if (unit >= 0xd800 && unit <= 0xdfff) return null
  return value.slice(0, at) + value.slice(at + 1)
}

/** Worker hits, then FTS hits for documents the worker does not hold yet. */
function mergeHits(fromWorker: PaletteItem[], fromFts: PaletteItem[]): PaletteItem[] {
  const seen = new Set(fromWorker.map((item) => `${item.kind}:${item.id}`))
  return [...fromWorker, ...fromFts.filter((item) => !seen.has(`${item.kind}:${item.id}`))]
}

function Label({ text, query }: { text: string; query: string }): ReactNode {
  return markRuns(text, query).map((run, i) =>
    // biome-ignore lint/suspicious/noArrayIndexKey: runs are positional and never reordered
    run.marked ? <mark key={i}>{run.text}</mark> : <span key={i}>{run.text}</span>,
  )
}

/** A label or detail with the query's words marked: one text node under a highlight, or `<mark>` runs. */
function MarkedText({
  className,
  text,
  query,
}: {
  className: string
  text: string
  query: string
}): ReactNode {
  if (MARKS_BY_HIGHLIGHT)
    return (
      <span className={className} {...{ [MARKED_TEXT_ATTRIBUTE]: '' }}>
        {text}
      </span>
    )
  return (
    <span className={className}>
      <Label text={text} query={query} />
    </span>
  )
}

type RowProps = {
  item: PaletteItem
  index: number
  optionId: string
  selected: boolean
  /** The query these results answer (not the text being typed): the marks match the rows shown. */
  query: string
  onHover: (index: number) => void
  onChoose: (item: PaletteItem) => void
}

/**
 * One result. Memoised: a keystroke re-renders the dialog for the new text, but no row changes until the worker
 * answers, and then only rows whose item, query or selection changed are rendered again.
 */
const PaletteRow = memo(function PaletteRow({
  item,
  index,
  optionId,
  selected,
  query,
  onHover,
  onChoose,
}: RowProps): ReactNode {
  return (
    <div
      id={optionId}
      role="option"
      aria-selected={selected}
      // Named here, not from its contents: a row far below the fold skips rendering them (palette-far-rows.ts),
      // and a skipped subtree has no accessible text of its own.
      aria-label={rowName(item)}
      tabIndex={-1}
      className="palette-option"
      onMouseMove={() => onHover(index)}
      onClick={() => onChoose(item)}
      onKeyDown={(event) => {
        if (event.key === 'Enter') onChoose(item)
      }}
    >
      {/* Spaces between the parts (flex items: no layout) so the visible text reads as the name does. */}
      <span className={item.format ? 'palette-kind palette-kind-file' : 'palette-kind'}>
        {kindText(item)}
      </span>{' '}
      <span className="palette-text">
        <MarkedText className="palette-label" text={item.label} query={query} />
        {item.detail && ' '}
        {item.detail &&
          (item.kind === 'command' ? (
            <span className="palette-shortcut">{item.detail}</span>
          ) : (
            <MarkedText className="palette-detail" text={item.detail} query={query} />
          ))}
      </span>
    </div>
  )
}, sameRow)

/**
 * What a row is: "Tag", "Command"…; for a document its format and language ("PDF · ja"), so a PDF and its TXT, or
 * a page in four languages, differ in the list.
 */
function kindText(item: PaletteItem): string {
  return item.format
    ? documentKind(item.format, item.language ?? null).short
    : KIND_LABEL[item.kind]
}

/** A row's accessible name: the words it shows, in reading order (axe: the name holds the visible text). */
function rowName(item: PaletteItem): string {
  return [kindText(item), item.label, item.detail].filter(Boolean).join(' ')
}

/**
 * Rows are equal when what they show is: a keystroke's answer brings new objects for the same results, and with
 * marks painted as a highlight (no query in the rows) most rows then need no render at all.
 */
function sameRow(a: RowProps, b: RowProps): boolean {
  return (
    a.index === b.index &&
    a.selected === b.selected &&
    a.optionId === b.optionId &&
    a.query === b.query &&
    a.onHover === b.onHover &&
    a.onChoose === b.onChoose &&
    a.item.kind === b.item.kind &&
    a.item.id === b.item.id &&
    a.item.label === b.item.label &&
    a.item.detail === b.item.detail &&
    a.item.format === b.item.format &&
    a.item.language === b.item.language
  )
}

/** The rows on screen and the text they answer (one state, so they always change together). */
type Answer = { items: PaletteItem[]; text: string | null; query: string }

/**
 * "Go to anything" (Ctrl+P; Ctrl+Shift+P or a leading ">" for commands only): documents, tags, saved searches,
 * comparisons, quotes and commands, answered by the FlexSearch worker, keyboard first (a combobox with a listbox).
 */
export function Palette(): ReactNode {
  const mode = useAppState((state) => state.palette)
  if (!mode) return null
  return <PaletteDialog initialMode={mode} />
}

function PaletteDialog({ initialMode }: { initialMode: 'all' | 'commands' }): ReactNode {
  const dialogRef = useRef<HTMLDialogElement>(null)
  const inputRef = useRef<HTMLInputElement>(null)
  const listRef = useRef<HTMLDivElement>(null)
  /**
   * What a keystroke already did for its text before React rendered it: started the worker search (the effect for
   * that text takes it over), or answered it outright (`hits: null`: the rows are already set).
   */
  const asked = useRef<{ query: string; hits: Promise<PaletteHit[] | null> | null } | null>(null)
  const listId = useId()
  const [text, setText] = useState(initialMode === 'commands' ? '>' : '')
  const [answer, setAnswer] = useState<Answer>({ items: [], text: null, query: '' })
  const [active, setActive] = useState(0)
  const [ready, setReady] = useState(paletteClient.isReady())
  const commandsOnly = text.startsWith('>')
  const query = commandsOnly ? text.slice(1) : text

  const [complete, setComplete] = useState(paletteClient.isComplete())
  useEffect(
    () =>
      paletteClient.subscribe(() => {
        setReady(paletteClient.isReady())
        setComplete(paletteClient.isComplete())
      }),
    [],
  )

  // biome-ignore lint/correctness/useExhaustiveDependencies: opens once; `close` only writes the store
  useEffect(() => {
    const dialog = dialogRef.current
    if (!dialog) return
    const opener = document.activeElement
    dialog.showModal()
    inputRef.current?.focus()
    const onCancel = (event: Event): void => {
      event.preventDefault()
      close()
    }
    dialog.addEventListener('cancel', onCancel)
    return () => {
      dialog.removeEventListener('cancel', onCancel)
      dialog.close()
      if (opener instanceof HTMLElement && opener.isConnected) opener.focus()
    }
  }, [])

  // biome-ignore lint/correctness/useExhaustiveDependencies: `ready` re-asks the worker once it holds the index
  useEffect(() => {
    let stale = false
    if (commandsOnly) {
      setAnswer({ items: commandItems(query), text, query })
      setActive(0)
      return
    }
    const early = asked.current?.query === query ? asked.current : null
    asked.current = null
    if (early && early.hits === null) return
    const fromWorker = early ? early.hits : paletteClient.search(query, LIMIT)
    // While older pages still load, the FTS search answers beside the worker so no document is missing.
    const fromIndex =
      fromWorker && !paletteClient.isComplete()
        ? Promise.all([fromWorker, ftsFallback(query)]).then(([a, b]) => mergeHits(a ?? [], b))
        : (fromWorker ?? ftsFallback(query))
    fromIndex
      .then((hits) => {
        // null: a newer keystroke's query replaced this one before the worker reached it.
        if (stale || hits === null) return
        // Rendered in this task, not a later scheduler task: the rows make the next frame (bench: keystroke p95).
        flushSync(() => {
          setAnswer({ items: rankedItems(hits as PaletteItem[], query), text, query })
          setActive(0)
        })
      })
      .catch(() => {
        if (!stale) setAnswer({ items: commandItems(query), text, query })
      })
    return () => {
      stale = true
    }
  }, [text, query, commandsOnly, ready, complete])

  // In the commit that shows the rows (the keystroke's own task), so marks and rows are painted together.
  useLayoutEffect(() => {
    if (MARKS_BY_HIGHLIGHT && listRef.current) markMatches(listRef.current, answer.query)
  }, [answer])
  useEffect(() => clearMatches, [])
  useEffect(() => (listRef.current ? hideFarRows(listRef.current) : undefined), [])

  const items = answer.items
  const answered = answer.text
  const choose = useCallback((item: PaletteItem | undefined): void => {
    if (!item) return
    appStore.set({ palette: null })
    // After the dialog has returned focus, so a command that moves focus (search, dialogs) keeps it.
    setTimeout(() => void choosePaletteItem(item), 0)
  }, [])

  const onKeyDown = (event: React.KeyboardEvent<HTMLInputElement>): void => {
    const typed = textAfterKey(event)
    if (typed !== null && !typed.startsWith('>')) paletteClient.searchSoon(typed, LIMIT)
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault()
      if (items.length === 0) return
      const step = event.key === 'ArrowDown' ? 1 : -1
      setActive((current) => (current + step + items.length) % items.length)
    } else if (event.key === 'Enter') {
      event.preventDefault()
      choose(items[active])
    } else if (event.key === 'Home' && event.ctrlKey) {
      setActive(0)
    }
  }

  useEffect(() => {
    if (listRef.current) revealRowsAround(listRef.current, active)
    document.getElementById(`${listId}-${active}`)?.scrollIntoView({ block: 'nearest' })
  }, [active, listId])

  const activeId = items.length > 0 ? `${listId}-${active}` : undefined
  return (
    <dialog ref={dialogRef} className="palette" aria-label="Go to anything">
      <input
        ref={inputRef}
        className="palette-input"
        type="text"
        role="combobox"
        aria-expanded="true"
        aria-controls={listId}
        aria-activedescendant={activeId}
        aria-autocomplete="list"
        aria-label={
          commandsOnly ? 'Run a command' : 'Go to a document, tag, search, quote or command'
        }
        placeholder={
          commandsOnly
            ? 'Run a command…'
            : 'Go to a document, tag, saved search, quote… (> for commands)'
        }
        value={text}
        spellCheck={false}
        autoComplete="off"
        onChange={(event) => {
          const value = event.target.value
          setText(value)
          asked.current = null
          if (value.startsWith('>')) return
          // With the whole index in the worker, wait here for its answer (~1 ms, answer-channel.ts): the rows are
          // then painted in the same frame as the typed character, not one frame after it.
          const now = paletteClient.searchNow(value, LIMIT)
          if (now && 'hits' in now) {
            asked.current = { query: value, hits: null }
            setAnswer({ items: rankedItems(now.hits, value), text: value, query: value })
            setActive(0)
            return
          }
          // Else ask the worker first: it searches while React renders the new text, on the other core.
          const hits = now ? now.later : paletteClient.search(value, LIMIT)
          if (hits) asked.current = { query: value, hits }
        }}
        onKeyDown={onKeyDown}
      />
      <div
        ref={listRef}
        id={listId}
        className="palette-list"
        role="listbox"
        aria-label="Results"
        data-answered={answered ?? undefined}
      >
        {items.map((item, index) => (
          <PaletteRow
            // By position: a keystroke's new rows reuse the row elements on screen (their text and attributes
            // change in place) instead of building 30 new subtrees; rows hold no state of their own.
            // biome-ignore lint/suspicious/noArrayIndexKey: deliberate, see above
            key={index}
            item={item}
            index={index}
            optionId={`${listId}-${index}`}
            selected={index === active}
            query={MARKS_BY_HIGHLIGHT ? '' : answer.query}
            onHover={setActive}
            onChoose={choose}
          />
        ))}
      </div>
      {/* Only for the text on screen: an older, empty answer must not say the current text has no match. */}
      {answered === text && query.trim() !== '' && items.length === 0 && (
        <p className="palette-empty" role="status">
          Nothing matches “{query}”.
        </p>
      )}
      {!ready && !commandsOnly && (
        <p className="palette-note" role="status">
          Still indexing: showing full-text results.
        </p>
      )}
    </dialog>
  )

  function close(): void {
    appStore.set({ palette: null })
  }
}
