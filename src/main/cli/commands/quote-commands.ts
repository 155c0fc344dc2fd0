/** `quote`, `quotes`, `compare`, `similar`, `export`: quotes and what is made from them. */
import { resolve } from 'node:path'
import type {
  CitationStyle,
  DiffSegment,
  DocumentId,
  ExportFormat,
  QuoteColor,
  QuoteId,
  QuoteSelection,
} from '@shared/contract'
import { CITATION_STYLES } from '../../citations/styles'
import { EXPORT_FORMATS } from '../../export/file-formats'
import { CliError, EXIT, usageError } from '../cli-error'
import { byline, oneLine, quoteJson, safeForTerminal } from '../format'
import { optionFlag, optionString, optionStrings, parseCount, parseIds } from '../session'
import type { Command } from './command'

/** The formats and styles the CLI accepts: the export and citation modules' own lists (one source of truth). */
export const FORMATS: readonly ExportFormat[] = EXPORT_FORMATS
export const STYLES: readonly CitationStyle[] = CITATION_STYLES

function pickStyle(text: string | undefined): CitationStyle | undefined {
  if (text === undefined) return undefined
  if (!(STYLES as readonly string[]).includes(text)) {
    throw usageError(`--style must be one of ${STYLES.join(', ')}`)
  }
  return text as CitationStyle
}

export const quoteCommand: Command = {
  name: 'quote',
  usage:
    'quote ID --text "exact passage" [--note TEXT] [--tag NAME]... [--color C] [--json]  (or --start N --end N)',
  summary: 'Save a quote from a document (the passage must occur in its text)',
  details: `C: yellow, green, blue, pink, purple, orange.
  JSON: {"id","documentId","text","prefix","suffix","start","end","page","paragraph","note","color","placement",
  "tags":[],"createdAt","updatedAt","document":{"title","authors","publishedAt","source","url"}}`,
  options: {
    text: { type: 'string' },
    start: { type: 'string' },
    end: { type: 'string' },
    note: { type: 'string' },
    tag: { type: 'string', multiple: true },
    color: { type: 'string' },
  },
  writes: true,
  async run(session, values, positionals) {
    if (positionals.length !== 1) throw usageError('usage: lectern quote ID --text "exact passage"')
    const documentId = parseCount(positionals[0], 'the document id') as DocumentId
    const text = optionString(values, 'text')
    const start = optionString(values, 'start')
    const end = optionString(values, 'end')
    if (text === undefined && (start === undefined || end === undefined)) {
      throw usageError('give the passage with --text "…" (or offsets with --start N --end N)')
    }
    const tags = optionStrings(values, 'tag')
    const note = optionString(values, 'note')
    const color = optionString(values, 'color')
    const offsetOf = (v: string | undefined, what: string): number | undefined => {
      if (v === undefined) return undefined
      if (!/^\d{1,15}$/.test(v)) throw usageError(`${what} must be a character offset (0 or more)`)
      return Number(v)
    }
    const quote = await session.call('quotes.create', {
      documentId,
      ...(text !== undefined ? { text } : {}),
      ...(start !== undefined ? { start: offsetOf(start, '--start') } : {}),
      ...(end !== undefined ? { end: offsetOf(end, '--end') } : {}),
      ...(note !== undefined ? { note } : {}),
      ...(color !== undefined ? { color: color as QuoteColor } : {}),
      ...(tags.length > 0 ? { tags } : {}),
    })
    if (session.json) session.printJson(quoteJson(quote))
    else
      session.print(
        safeForTerminal(
          `Quote #${quote.id} saved from #${quote.documentId}: "${oneLine(quote.exact, 120)}"`,
        ),
      )
    return EXIT.ok
  },
}

export const quotesCommand: Command = {
  name: 'quotes',
  usage: 'quotes [--tag NAME] [--document ID] [--unplaced] [--limit N] [--json]',
  summary: 'List quotes',
  details: 'JSON: {"total","quotes":[…same fields as `quote --json`…]}',
  options: {
    tag: { type: 'string' },
    document: { type: 'string' },
    unplaced: { type: 'boolean' },
    limit: { type: 'string' },
  },
  writes: false,
  async run(session, values) {
    const tag = optionString(values, 'tag')
    const document = optionString(values, 'document')
    const limit = parseCount(optionString(values, 'limit'), '--limit') ?? 10_000
    const result = await session.call('quotes.list', {
      ...(tag !== undefined ? { tag } : {}),
      ...(document !== undefined
        ? { documentId: parseCount(document, '--document') as DocumentId }
        : {}),
      ...(optionFlag(values, 'unplaced') ? { placement: 'unplaced' as const } : {}),
      limit: Math.min(limit, 10_000),
    })
    if (session.json) {
      session.printJson({ total: result.total, quotes: result.quotes.map(quoteJson) })
      return EXIT.ok
    }
    for (const q of result.quotes) {
      const tags = q.tags.length > 0 ? `  [${q.tags.map((t) => t.name).join(', ')}]` : ''
      session.print(safeForTerminal(`#${q.id}  "${oneLine(q.exact, 140)}"${tags}`))
      session.print(safeForTerminal(`      ${byline(q.document)} (#${q.documentId})`))
      if (q.note) session.print(safeForTerminal(`      Note: ${oneLine(q.note, 140)}`))
    }
    session.note(`${result.total} quote${result.total === 1 ? '' : 's'}.`)
    return EXIT.ok
  },
}

/** `[-removed-]{+added+}` rendering of a word diff, for plain output. */
function diffText(segments: DiffSegment[]): string {
  return segments
    .map((s) =>
      s.kind === 'same' ? s.text : s.kind === 'added' ? `{+${s.text}+}` : `[-${s.text}-]`,
    )
    .join('')
}

export const compareCommand: Command = {
  name: 'compare',
  usage: 'compare QUOTE_ID QUOTE_ID... [--style S] [--json]',
  summary: 'Compare 2–4 quotes side by side with their differences marked',
  details: `JSON: the API's Comparison: {"columns":[{"quoteId","documentId","text","sourceLine","inText","reference",
  "diff":[{"text","kind":"same"|"added"|"removed"}],"similarity"}],"similarity":[[…]],"style"}.
  Plain output marks words against the first quote as [-only in the first-] and {+only in this one+}.`,
  options: { style: { type: 'string' } },
  writes: false,
  async run(session, values, positionals) {
    const quoteIds = parseIds(positionals, 'quote id') as QuoteId[]
    if (quoteIds.length < 2) throw usageError('give at least two quote ids to compare')
    const style = pickStyle(optionString(values, 'style'))
    const comparison = await session.call('compare.quotes', {
      quoteIds,
      ...(style ? { style } : {}),
    })
    if (session.json) {
      session.printJson(comparison)
      return EXIT.ok
    }
    comparison.columns.forEach((column, i) => {
      const similarity = i === 0 ? '' : `  (similarity ${Math.round(column.similarity * 100)}%)`
      session.print(
        safeForTerminal(`[${i + 1}] #${column.quoteId}  ${column.sourceLine}${similarity}`),
      )
      session.print(safeForTerminal(`    ${i === 0 ? column.text : diffText(column.diff)}`))
      session.print(safeForTerminal(`    ${column.inText}`))
      session.print('')
    })
    return EXIT.ok
  },
}

export const similarCommand: Command = {
  name: 'similar',
  usage: 'similar QUOTE_ID [--limit N] [--json]',
  summary: 'Find passages in other documents that report the same words',
  details: `JSON: {"passages":[{"documentId","title","source","publishedAt","text","start","end","page","paragraph",
  "score","diff"}],"terms"}`,
  options: { limit: { type: 'string' } },
  writes: false,
  async run(session, values, positionals) {
    if (positionals.length !== 1) throw usageError('usage: lectern similar QUOTE_ID')
    const quoteId = parseCount(positionals[0], 'the quote id') as QuoteId
    const limit = parseCount(optionString(values, 'limit'), '--limit')
    const result = await session.call('compare.similar', {
      quoteId,
      ...(limit !== undefined ? { limit } : {}),
    })
    if (session.json) {
      session.printJson(result)
      return EXIT.ok
    }
    for (const p of result.passages) {
      session.print(
        safeForTerminal(`#${p.documentId}  ${byline(p)}  (score ${Math.round(p.score * 100)}%)`),
      )
      session.print(safeForTerminal(`    ${oneLine(p.text, 240)}`))
    }
    if (result.passages.length === 0) session.note('No similar passages found.')
    return EXIT.ok
  },
}

export const exportCommand: Command = {
  name: 'export',
  usage:
    'export (--quotes ID,ID | --tag NAME | --document ID | --comparison ID | --all) [--format F] [--style S] [--out FILE] [--overwrite]',
  summary: 'Export quotes with citations (to stdout, or atomically to --out FILE)',
  details: `F: ${FORMATS.join(', ')} (default md). S: ${STYLES.join(', ')} (default apa; ignored where
  it does not apply). With --out the JSON answer is {"path","bytes"}; an existing file needs --overwrite.`,
  options: {
    quotes: { type: 'string', multiple: true },
    tag: { type: 'string' },
    document: { type: 'string' },
    comparison: { type: 'string' },
    all: { type: 'boolean' },
    format: { type: 'string' },
    style: { type: 'string' },
    out: { type: 'string' },
    overwrite: { type: 'boolean' },
  },
  writes: false,
  async run(session, values) {
    const selections: QuoteSelection[] = []
    const quoteIds = optionStrings(values, 'quotes')
    if (quoteIds.length > 0)
      selections.push({ quoteIds: parseIds(quoteIds, 'quote id') as QuoteId[] })
    const tag = optionString(values, 'tag')
    if (tag !== undefined) selections.push({ tag })
    const document = optionString(values, 'document')
    if (document !== undefined)
      selections.push({ documentId: parseCount(document, '--document') as DocumentId })
    const comparison = optionString(values, 'comparison')
    if (comparison !== undefined)
      selections.push({ comparisonId: parseCount(comparison, '--comparison') as number })
    if (optionFlag(values, 'all')) selections.push({ all: true })
    if (selections.length !== 1) {
      throw usageError(
        'choose exactly one of --quotes ID,ID, --tag NAME, --document ID, --comparison ID or --all',
      )
    }
    const selection = selections[0]!
    const formatText = optionString(values, 'format') ?? 'md'
    if (!(FORMATS as readonly string[]).includes(formatText)) {
      throw usageError(`--format must be one of ${FORMATS.join(', ')}`)
    }
    const format = formatText as ExportFormat
    const style = pickStyle(optionString(values, 'style'))
    const out = optionString(values, 'out')
    if (out !== undefined) {
      const saved = await session.call('export.save', {
        selection,
        format,
        ...(style ? { style } : {}),
        path: resolve(session.io.cwd, out),
        overwrite: optionFlag(values, 'overwrite'),
      })
      if (session.json) session.printJson(saved)
      else session.note(`Wrote ${saved.bytes} bytes to ${saved.path}.`)
      return EXIT.ok
    }
    const preview = await session.call('export.render', {
      selection,
      format,
      ...(style ? { style } : {}),
    })
    if (preview.encoding === 'base64') {
      if (session.io.stdout.isTTY) {
        throw new CliError(`${format} is a binary format: write it to a file with --out FILE`)
      }
      session.io.stdout.write(Buffer.from(preview.content, 'base64'))
      return EXIT.ok
    }
    session.io.stdout.write(
      preview.content.endsWith('\n') ? preview.content : `${preview.content}\n`,
    )
    return EXIT.ok
  },
}
