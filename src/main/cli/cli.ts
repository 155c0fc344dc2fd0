/**
 * The `lectern` command line: parses arguments (node:util parseArgs), opens the library with `createBackend`, and
 * runs one command through `dispatch`, the same handler table the desktop app and the web host use.
 *
 *   lectern [--library DIR] [--json] COMMAND [ARGS...]
 *
 * Library: `--library DIR`, else $LECTERN_LIBRARY, else the per-OS app-data folder the desktop app uses.
 * Output: people get short lines (notes on stderr, data on stdout); `--json` prints the documented JSON shapes.
 * Errors: one line on stderr (`lectern: cannot read /x.pdf: no such file`), or with `--json`
 * `{"error":{"code","message"}}`; exit status 1 (import: 2 when some files failed, 130 when interrupted).
 */
import { join } from 'node:path'
import { type ParseArgsOptionsConfig, parseArgs } from 'node:util'
import { createBackend } from '../compose/create-backend'
import { createLogger, createMemoryLogger } from '../platform/logger'
import { resolveLibraryDir } from '../platform/paths'
import { CliError, EXIT, usageError } from './cli-error'
import type { Command, StandaloneCommand } from './commands/command'
import { importCommand } from './commands/import-command'
import {
  listCommand,
  searchCommand,
  showCommand,
  tagDocumentsCommand,
  tagsCommand,
  untagDocumentsCommand,
} from './commands/library-commands'
import {
  backupCommand,
  backupsCommand,
  checkCommand,
  infoCommand,
  restoreCommand,
  webCommand,
} from './commands/maintenance-commands'
import {
  compareCommand,
  exportCommand,
  quoteCommand,
  quotesCommand,
  similarCommand,
} from './commands/quote-commands'
import { reextractCommand } from './commands/reextract-command'
import { type CliIo, type OptionValues, Session } from './session'

export const VERSION = '0.1.0'

const COMMANDS: readonly (Command | StandaloneCommand)[] = [
  importCommand,
  searchCommand,
  listCommand,
  showCommand,
  tagDocumentsCommand,
  untagDocumentsCommand,
  tagsCommand,
  quoteCommand,
  quotesCommand,
  compareCommand,
  similarCommand,
  exportCommand,
  backupCommand,
  backupsCommand,
  restoreCommand,
  checkCommand,
  infoCommand,
  reextractCommand,
  webCommand,
]

const GLOBAL_OPTIONS: ParseArgsOptionsConfig = {
  library: { type: 'string' },
  json: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
  version: { type: 'boolean' },
  verbose: { type: 'boolean' },
}

export function generalHelp(): string {
  const width = Math.max(...COMMANDS.map((c) => c.name.length))
  return [
    'Lectern: an offline research reader. Import documents, search them, tag them, quote and cite them.',
    '',
    'Usage: lectern [--library DIR] [--json] COMMAND [ARGS...]',
    '',
    'Commands:',
    ...COMMANDS.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
    '',
    'Options for every command:',
    '  --library DIR  the library folder (default: $LECTERN_LIBRARY, else the per-OS app-data folder)',
    '  --json         machine-readable output (errors too: {"error":{"code","message"}})',
    '  --verbose      log details on stderr',
    '  -h, --help     help for a command: lectern COMMAND --help',
    '',
    'Examples:',
    '  lectern import ~/Downloads/articles',
    '  lectern search \'"Mombasa-Nairobi Railway" after:2025\'',
    '  lectern quote 12 --text "China and Kenya agreed on Thursday" --tag kenya',
    '  lectern export --tag kenya --format md --style apa --out kenya.md',
  ].join('\n')
}

function commandHelp(command: Command | StandaloneCommand): string {
  return [
    `Usage: lectern [--library DIR] ${command.usage}`,
    '',
    command.summary,
    ...(command.details ? ['', ...command.details.split('\n').map((l) => `  ${l.trim()}`)] : []),
  ].join('\n')
}

/** Index of the command word: the first argument that is neither an option nor the value of `--library`. */
function findCommand(argv: readonly string[]): number {
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string
    if (arg === '--') return -1
    if (arg === '--library') {
      i++
      continue
    }
    if (!arg.startsWith('-')) return i
  }
  return -1
}

/** Parse argv for a command, turning parseArgs' TypeErrors into one readable line. */
function parse(
  argv: string[],
  options: ParseArgsOptionsConfig,
  commandName: string | undefined,
): { values: OptionValues; positionals: string[] } {
  try {
    const { values, positionals } = parseArgs({
      args: argv,
      options,
      strict: true,
      allowPositionals: true,
    })
    return { values: values as OptionValues, positionals }
  } catch (error) {
    const message = (error as Error).message.split('\n')[0]?.replace(/\. To specify.*$/, '') ?? ''
    const hint = commandName ? ` (see lectern ${commandName} --help)` : ' (see lectern --help)'
    throw usageError(`${message}${hint}`)
  }
}

function reportError(io: CliIo, error: unknown, json: boolean, verbose: boolean): number {
  const known = error instanceof CliError
  const code = known ? error.code : 'internal'
  const message = known
    ? error.message
    : `unexpected error: ${(error as Error)?.message ?? String(error)}`
  if (verbose && !known && error instanceof Error && error.stack)
    io.stderr.write(`${error.stack}\n`)
  if (json) io.stderr.write(`${JSON.stringify({ error: { code, message } })}\n`)
  else io.stderr.write(`lectern: ${message.replace(/\s*\n\s*/g, ' ')}\n`)
  return known ? error.exitCode : EXIT.error
}

export type CliOptions = {
  /** Folder of the built main-process files (out/main): the import worker and the renderer are found from it. */
  mainDir: string
}

/** Run one `lectern` invocation; resolves to the exit status. Never throws. */
export async function runCli(argv: string[], io: CliIo, options: CliOptions): Promise<number> {
  const at = findCommand(argv)
  const name = at >= 0 ? argv[at] : undefined
  const rest = at >= 0 ? [...argv.slice(0, at), ...argv.slice(at + 1)] : argv
  const json = rest.includes('--json')
  const verbose = rest.includes('--verbose') || io.env.LECTERN_DEBUG === '1'
  try {
    const command = name === undefined ? undefined : COMMANDS.find((c) => c.name === name)
    if (name !== undefined && !command) {
      throw usageError(`unknown command "${name}" (see lectern --help)`)
    }
    const { values, positionals } = parse(
      rest,
      { ...GLOBAL_OPTIONS, ...command?.options },
      command?.name,
    )
    if (values.version === true) {
      io.stdout.write(`lectern ${VERSION}\n`)
      return EXIT.ok
    }
    if (!command || values.help === true) {
      io.stdout.write(`${command ? commandHelp(command) : generalHelp()}\n`)
      return EXIT.ok
    }
    const libraryDir = resolveLibraryDir(
      typeof values.library === 'string' ? values.library : undefined,
      io.env,
    )
    if ('standalone' in command) {
      return await command.run(io, values, positionals, { libraryDir, mainDir: options.mainDir })
    }
    return await runWithBackend(
      command,
      io,
      values,
      positionals,
      { libraryDir, json, verbose },
      options,
    )
  } catch (error) {
    return reportError(io, error, json, verbose)
  }
}

async function runWithBackend(
  command: Command,
  io: CliIo,
  values: OptionValues,
  positionals: string[],
  where: { libraryDir: string; json: boolean; verbose: boolean },
  options: CliOptions,
): Promise<number> {
  let backend: ReturnType<typeof createBackend>
  try {
    backend = createBackend({
      libraryDir: where.libraryDir,
      log: where.verbose ? createLogger() : createMemoryLogger(),
      workerScript: join(options.mainDir, 'import-worker.js'),
      // Readers open fast; writers get the integrity check at open and the daily verified backup.
      checkAtOpen: command.writes ? 'quick' : 'skip',
      backups: { autoIntervalHours: (command.autoBackup ?? command.writes) ? 24 : null },
      version: VERSION,
      role: 'cli',
    })
  } catch (error) {
    throw new CliError(
      `cannot open the library in ${where.libraryDir}: ${(error as Error).message}`,
      'internal',
    )
  }
  try {
    const corrupt = backend.context.corrupt
    if (corrupt && command.name !== 'restore') {
      io.stderr.write(
        `lectern: warning: the library is damaged (${corrupt.message}); it is read-only until restored (lectern restore)\n`,
      )
    }
    return await command.run(new Session(backend, io, where.json), values, positionals)
  } finally {
    await backend.close()
  }
}
