/** `search`, `list`, `show`, `tag`, `untag`, `tags`: reading and organising the library. */
import type { DocumentId, DocumentSortKey, DocumentSummary } from '@shared/contract'
import { EXIT, usageError } from '../cli-error'
import {
  byline,
  documentDetailJson,
  documentSummaryJson,
  markText,
  oneLine,
  safeForTerminal,
  searchJson,
} from '../format'
import {
  optionFlag,
  optionString,
  optionStrings,
  parseCount,
  parseIds,
  type Session,
} from '../session'
import type { Command } from './command'

const SORT_KEYS: Record<string, DocumentSortKey> = {
  title: 'title',
  authors: 'authors',
  date: 'publishedAt',
  published: 'publishedAt',
  source: 'source',
  words: 'wordCount',
  imported: 'importedAt',
}

function printSummaries(session: Session, documents: DocumentSummary[]): void {
  for (const doc of documents) {
    const tags = doc.tags.length > 0 ? `  [${doc.tags.map((t) => t.name).join(', ')}]` : ''
    session.print(safeForTerminal(`#${doc.id}  ${byline(doc)}${tags}`))
  }
}

export const searchCommand: Command = {
  name: 'search',
  usage: 'search QUERY... [--limit N] [--offset N] [--newest] [--no-quotes] [--json]',
  summary: 'Search the library (words, "phrases", OR, -word, prefix*, tag:, after:, before: …)',
  details: `JSON: {"total","hits":[{"type","documentId","quoteId"?,"title","source","authors","publishedAt",
  "format","snippet","passages":[{"text","page","pageLabel"}],"page","pageLabel","score"}],"suggestions":[{"word","replacement","query"}],
  "message"?}. Matched words are marked **like this**; "total" counts every match, not only --limit.`,
  options: {
    limit: { type: 'string' },
    offset: { type: 'string' },
    newest: { type: 'boolean' },
    'no-quotes': { type: 'boolean' },
  },
  writes: false,
  async run(session, values, positionals) {
    const query = positionals.join(' ').trim()
    if (query === '') throw usageError('give a search query, e.g. lectern search "exact phrase"')
    const limit = parseCount(optionString(values, 'limit'), '--limit') ?? 20
    const offset = optionString(values, 'offset')
    const result = await session.call('search.query', {
      query,
      limit,
      ...(offset !== undefined ? { offset: parseCount(offset, '--offset') ?? 0 } : {}),
      sort: optionFlag(values, 'newest') ? 'newest' : 'relevance',
      includeQuotes: !optionFlag(values, 'no-quotes'),
    })
    if (session.json) {
      session.printJson(searchJson(result))
      return EXIT.ok
    }
    if (result.message) session.note(`lectern: ${result.message}`)
    for (const suggestion of result.suggestions) {
      session.note(`Did you mean: ${suggestion.query}`)
    }
    for (const hit of result.hits) {
      const kind = hit.type === 'document' ? '' : ` (${hit.type} #${hit.quoteId})`
      const page = hit.page !== null ? `, p. ${hit.pageLabel ?? hit.page}` : ''
      session.print(safeForTerminal(`#${hit.documentId}${kind}  ${byline(hit)}${page}`))
      session.print(`    ${markText(safeForTerminal(oneLine(hit.snippet, 240)), session.marks)}`)
    }
    const shown = result.hits.length
    session.note(
      result.total === 0
        ? 'No matches.'
        : `${result.total} match${result.total === 1 ? '' : 'es'}${shown < result.total ? ` (showing ${shown})` : ''}.`,
    )
    return EXIT.ok
  },
}

export const listCommand: Command = {
  name: 'list',
  usage:
    'list [--tag NAME]... [--source S] [--after DATE] [--before DATE] [--sort KEY] [--desc|--asc] [--limit N] [--offset N] [--json]',
  summary: 'List documents (all of them unless --limit)',
  details: `KEY: title, authors, date, source, words, imported (default: newest imports first).
  JSON: {"total","documents":[{"id","title","authors","publishedAt","source","format","wordCount","tags",
  "quoteCount","importedAt"}]}`,
  options: {
    tag: { type: 'string', multiple: true },
    source: { type: 'string' },
    after: { type: 'string' },
    before: { type: 'string' },
    sort: { type: 'string' },
    desc: { type: 'boolean' },
    asc: { type: 'boolean' },
    limit: { type: 'string' },
    offset: { type: 'string' },
  },
  writes: false,
  async run(session, values) {
    const sortName = optionString(values, 'sort')
    const sort = sortName === undefined ? undefined : SORT_KEYS[sortName]
    if (sortName !== undefined && !sort) {
      throw usageError(`--sort must be one of ${Object.keys(SORT_KEYS).join(', ')}`)
    }
    const order: 'asc' | 'desc' | undefined = optionFlag(values, 'desc')
      ? 'desc'
      : optionFlag(values, 'asc')
        ? 'asc'
        : undefined
    const tags = optionStrings(values, 'tag')
    const filter = {
      ...(tags.length > 0 ? { tags } : {}),
      ...(optionString(values, 'source') !== undefined
        ? { source: optionString(values, 'source') }
        : {}),
      ...(optionString(values, 'after') !== undefined
        ? { after: optionString(values, 'after') }
        : {}),
      ...(optionString(values, 'before') !== undefined
        ? { before: optionString(values, 'before') }
        : {}),
      ...(sort ? { sort } : {}),
      ...(order ? { order } : {}),
    }
    const wanted = parseCount(optionString(values, 'limit'), '--limit') ?? Number.POSITIVE_INFINITY
    let offset =
      optionString(values, 'offset') === undefined ? 0 : Number(optionString(values, 'offset'))
    if (!Number.isInteger(offset) || offset < 0) throw usageError('--offset must be 0 or more')
    const documents: DocumentSummary[] = []
    let total = 0
    // Page through the API (at most 1,000 rows a call) until the wanted rows are in.
    for (;;) {
      const limit = Math.min(1000, wanted - documents.length)
      const page = await session.call('documents.list', { ...filter, offset, limit })
      total = page.total
      documents.push(...page.documents)
      offset += page.documents.length
      if (page.documents.length < limit || documents.length >= wanted) break
    }
    if (session.json) {
      session.printJson({ total, documents: documents.map(documentSummaryJson) })
      return EXIT.ok
    }
    printSummaries(session, documents)
    session.note(`${total} document${total === 1 ? '' : 's'}.`)
    return EXIT.ok
  },
}

export const showCommand: Command = {
  name: 'show',
  usage: 'show ID [--json]',
  summary: 'Show one document with its text',
  details: `JSON: {"id","title","authors":[],"publishedAt","source","url","language","format","wordCount","tags":[],
  "quoteCount","citationType","containerTitle","publisher","doi","fileName","sourcePath","importedAt","updatedAt",
  "pageStarts","warnings","text"}`,
  options: {},
  writes: false,
  async run(session, _values, positionals) {
    if (positionals.length !== 1) throw usageError('give one document id: lectern show ID')
    const id = parseCount(positionals[0], 'the document id') as DocumentId
    const doc = await session.call('documents.get', { id })
    if (session.json) {
      session.printJson(documentDetailJson(doc))
      return EXIT.ok
    }
    const lines = [
      `#${doc.id}  ${doc.title}`,
      doc.authors.length > 0 ? `Authors:   ${doc.authors.join('; ')}` : '',
      doc.publishedAt ? `Published: ${doc.publishedAt}` : '',
      doc.source ? `Source:    ${doc.source}` : '',
      doc.url ? `URL:       ${doc.url}` : '',
      `Format:    ${doc.format}, ${doc.wordCount} words`,
      doc.tags.length > 0 ? `Tags:      ${doc.tags.map((t) => t.name).join(', ')}` : '',
      doc.quoteCount > 0 ? `Quotes:    ${doc.quoteCount}` : '',
    ].filter(Boolean)
    session.print(safeForTerminal(lines.join('\n')))
    session.print('')
    session.print(safeForTerminal(doc.text))
    return EXIT.ok
  },
}

function tagCommand(name: 'tag' | 'untag'): Command {
  const adding = name === 'tag'
  return {
    name,
    usage: `${name} ID[,ID...] NAME...`,
    summary: adding ? 'Tag documents (missing tags are created)' : 'Remove tags from documents',
    details: 'JSON: {"changed":n} (document↔tag links added or removed)',
    options: {},
    writes: true,
    async run(session, _values, positionals) {
      const [ids, ...names] = positionals
      if (!ids || names.length === 0) throw usageError(`usage: lectern ${name} ID NAME...`)
      const documentIds = parseIds([ids], 'document id') as DocumentId[]
      const result = await session.call(
        adding ? 'tags.addToDocuments' : 'tags.removeFromDocuments',
        {
          documentIds,
          names,
        },
      )
      if (session.json) session.printJson(result)
      else
        session.print(
          `${adding ? 'Tagged' : 'Untagged'}: ${result.changed} change${result.changed === 1 ? '' : 's'}.`,
        )
      return EXIT.ok
    },
  }
}

export const tagDocumentsCommand = tagCommand('tag')
export const untagDocumentsCommand = tagCommand('untag')

export const tagsCommand: Command = {
  name: 'tags',
  usage: 'tags [--json]',
  summary: 'List tags with document and quote counts',
  details: 'JSON: {"tags":[{"id","name","color","documentCount","quoteCount"}]}',
  options: {},
  writes: false,
  async run(session) {
    const tags = await session.call('tags.list', {})
    if (session.json) {
      session.printJson({ tags })
      return EXIT.ok
    }
    for (const tag of tags) {
      session.print(
        safeForTerminal(
          `${tag.name}  (${tag.documentCount} document${tag.documentCount === 1 ? '' : 's'}, ${tag.quoteCount} quote${tag.quoteCount === 1 ? '' : 's'})`,
        ),
      )
    }
    if (tags.length === 0) session.note('No tags yet.')
    return EXIT.ok
  },
}
