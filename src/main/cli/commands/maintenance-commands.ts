/** `info`, `check`, `backup`, `backups`, `restore`, `web`: looking after the library. */
import { resolve } from 'node:path'
import { EXIT, usageError } from '../cli-error'
import { type CliIo, optionFlag, optionString, optionStrings, parseCount } from '../session'
import type { Command, StandaloneCommand } from './command'

const kib = (bytes: number): string =>
  bytes >= 1024 * 1024
    ? `${(bytes / 1024 / 1024).toFixed(1)} MB`
    : `${Math.max(1, Math.round(bytes / 1024))} KB`

export const infoCommand: Command = {
  name: 'info',
  usage: 'info [--json]',
  summary: 'Where the library is, its size and state',
  details: `JSON: {"version","libraryDir","databaseFile","schemaVersion","documentCount","quoteCount",
  "originals":{"documents","files","bytes","withoutOriginal"},"corrupt":null|{"message"},
  "backups":[{"file","createdAt","bytes"}]}`,
  options: {},
  writes: false,
  async run(session) {
    const info = await session.call('library.info', {})
    const backups = await session.call('library.backups', {})
    if (session.json) {
      session.printJson({ ...info, backups })
      return EXIT.ok
    }
    session.print(
      [
        `Lectern ${info.version}`,
        `Library:   ${info.libraryDir}`,
        `Database:  ${info.databaseFile} (schema ${info.schemaVersion})`,
        `Documents: ${info.documentCount}`,
        `Quotes:    ${info.quoteCount}`,
        `Originals: ${info.originals.files} file(s), ${kib(info.originals.bytes)} in ${info.libraryDir}/files${
          info.originals.withoutOriginal > 0
            ? ` (${info.originals.withoutOriginal} document(s) imported before originals were kept)`
            : ''
        }`,
        `Backups:   ${backups.length}${backups[0] ? ` (newest ${backups[0].createdAt})` : ''}`,
        `State:     ${info.corrupt ? `DAMAGED, read-only: ${info.corrupt.message}` : 'ok'}`,
      ].join('\n'),
    )
    return EXIT.ok
  },
}

export const checkCommand: Command = {
  name: 'check',
  usage: 'check [--metadata] [--json]',
  summary:
    'Check the library (SQLite integrity_check, the full-text index, and every kept original)',
  details: `JSON: {"ok":bool,"problems":[…]}. Exit status 1 when a problem is found.
  --metadata: list the documents whose title, authors or date are missing or guessed (check before citing) ·
  {"documents":[{"id","title","problems":[{"field","kind":"missing"|"guessed","message"}]}]}; exit 0 either way.`,
  options: { metadata: { type: 'boolean' } },
  writes: false,
  async run(session, values) {
    if (optionFlag(values, 'metadata')) {
      const review = await session.call('documents.reviewMetadata', {})
      if (session.json) session.printJson(review)
      else if (review.documents.length === 0)
        session.print('Every document has a title, authors and a date that were not guessed.')
      else {
        session.print(`${review.documents.length} document(s) to check before citing:`)
        for (const d of review.documents)
          session.print(
            `  ${d.id}  ${d.title.slice(0, 70)}: ${d.problems.map((p) => p.message).join('; ')}`,
          )
        session.print('Correct them with: lectern show ID, or in Details.')
      }
      return EXIT.ok
    }
    const report = await session.call('library.check', {})
    if (session.json) session.printJson(report)
    else if (report.ok) session.print('The library is sound.')
    else {
      session.print(`The library has ${report.problems.length} problem(s):`)
      for (const problem of report.problems) session.print(`  - ${problem}`)
      // Originals are fixed by re-importing the file; a restore would not bring them back.
      if (report.problems.some((p) => !p.startsWith('original of ')))
        session.print('Restore the newest good backup with: lectern restore')
    }
    return report.ok ? EXIT.ok : EXIT.error
  },
}

export const backupCommand: Command = {
  name: 'backup',
  usage: 'backup [--json]',
  summary: 'Write a verified backup now (the rotation keeps the newest 7)',
  details: 'JSON: {"file","createdAt","bytes"}',
  options: {},
  writes: true,
  autoBackup: false,
  async run(session) {
    const backup = await session.call('library.backup', {})
    if (session.json) session.printJson(backup)
    else session.print(`Backup written and verified: ${backup.file} (${kib(backup.bytes)})`)
    return EXIT.ok
  },
}

export const backupsCommand: Command = {
  name: 'backups',
  usage: 'backups [--json]',
  summary: 'List the backups, newest first',
  details: 'JSON: {"backups":[{"file","createdAt","bytes"}]}',
  options: {},
  writes: false,
  async run(session) {
    const backups = await session.call('library.backups', {})
    if (session.json) {
      session.printJson({ backups })
      return EXIT.ok
    }
    for (const b of backups) session.print(`${b.createdAt}  ${kib(b.bytes).padStart(8)}  ${b.file}`)
    if (backups.length === 0) session.note('No backups yet: lectern backup makes one.')
    return EXIT.ok
  },
}

export const restoreCommand: Command = {
  name: 'restore',
  usage: 'restore [FILE] [--json]',
  summary: 'Replace the library with a verified backup (the newest good one by default)',
  details: `The current file is kept aside as library.sqlite.replaced-<time> (or .damaged-<time>).
  JSON: {"file","createdAt","bytes","documentCount","quoteCount"}`,
  options: {},
  writes: true,
  autoBackup: false,
  async run(session, _values, positionals) {
    if (positionals.length > 1) throw usageError('usage: lectern restore [FILE]')
    const file = positionals[0] === undefined ? undefined : resolveFile(session.io, positionals[0])
    const restored = await session.call('library.restore', file ? { file } : {})
    const info = await session.call('library.info', {})
    if (session.json) {
      session.printJson({
        ...restored,
        documentCount: info.documentCount,
        quoteCount: info.quoteCount,
      })
    } else {
      session.print(
        `Restored ${restored.file} (made ${restored.createdAt}): ${info.documentCount} documents, ${info.quoteCount} quotes.`,
      )
    }
    return EXIT.ok
  },
}

/** A bare file name means one of the library's backups; anything with a slash is a path from here. */
function resolveFile(io: CliIo, file: string): string {
  return file.includes('/') || file.includes('\\') ? resolve(io.cwd, file) : file
}

export const webCommand: StandaloneCommand = {
  standalone: true,
  name: 'web',
  usage: 'web [--port N] [--import-root DIR]... [--token T]',
  summary: 'Serve the app to a browser on this machine (127.0.0.1 only)',
  details: `The first line printed is the address to open, token included. Ctrl+C stops it.`,
  options: {
    port: { type: 'string' },
    'import-root': { type: 'string', multiple: true },
    token: { type: 'string' },
  },
  async run(io, values, _positionals, { libraryDir, mainDir }) {
    const portText = optionString(values, 'port')
    const port =
      portText === undefined ? undefined : portText === '0' ? 0 : parseCount(portText, '--port')
    if (port !== undefined && port > 65_535) throw usageError('--port must be at most 65535')
    // Loaded only for this command: the HTTP host is not needed by anything else.
    const { builtPaths, startWebHost } = await import('../../web/web-host')
    const { rendererDir, workerScript } = builtPaths(mainDir)
    const host = await startWebHost({
      libraryDir,
      port,
      importRoots: optionStrings(values, 'import-root').map((root) => resolve(io.cwd, root)),
      token: optionString(values, 'token') ?? (io.env.LECTERN_WEB_TOKEN || undefined),
      rendererDir,
      workerScript,
    })
    io.stdout.write(`Lectern is running at ${host.url}\n`)
    io.stderr.write(`Library: ${libraryDir}. Press Ctrl+C to stop.\n`)
    await new Promise<void>((done) => {
      const stop = (): void => {
        process.off('SIGINT', stop)
        process.off('SIGTERM', stop)
        done()
      }
      process.on('SIGINT', stop)
      process.on('SIGTERM', stop)
    })
    await host.close()
    return EXIT.ok
  },
}
