/**
 * What a CLI command works with: typed API calls through the backend's `dispatch` (the same handler table as IPC
 * and HTTP), output helpers that respect `--json`, and parsed option values.
 */
import type { ApiMethod, ArgsOf, ResultOf } from '@shared/contract'
import type { Backend } from '../compose/create-backend'
import { CliError, usageError } from './cli-error'
import { type MarkStyle, PLAIN_MARKS, TERMINAL_MARKS } from './format'

export type CliIo = {
  stdout: NodeJS.WritableStream & { isTTY?: boolean }
  stderr: NodeJS.WritableStream & { isTTY?: boolean }
  env: NodeJS.ProcessEnv
  cwd: string
}

export type OptionValues = Record<string, string | boolean | (string | boolean)[] | undefined>

export class Session {
  constructor(
    readonly backend: Backend,
    readonly io: CliIo,
    readonly json: boolean,
  ) {}

  /** Call an API method; an error envelope becomes a CliError carrying the API's code and message. */
  async call<M extends ApiMethod>(method: M, args: ArgsOf<M>): Promise<ResultOf<M>> {
    const envelope = await this.backend.dispatch(method, args)
    if (envelope.ok) return envelope.value as ResultOf<M>
    throw new CliError(envelope.error.message, envelope.error.code)
  }

  /** One line (or block) to stdout. */
  print(text: string): void {
    this.io.stdout.write(text.endsWith('\n') ? text : `${text}\n`)
  }

  printJson(value: unknown): void {
    this.io.stdout.write(`${JSON.stringify(value, null, 2)}\n`)
  }

  /** A note for people on stderr (never in the way of stdout data). */
  note(text: string): void {
    this.io.stderr.write(`${text}\n`)
  }

  /** Marks for snippets shown to a person: reverse video on a terminal, `**…**` otherwise. */
  get marks(): MarkStyle {
    return this.io.stdout.isTTY && !this.io.env.NO_COLOR ? TERMINAL_MARKS : PLAIN_MARKS
  }
}

export const optionString = (values: OptionValues, name: string): string | undefined => {
  const value = values[name]
  return typeof value === 'string' ? value : undefined
}

export const optionStrings = (values: OptionValues, name: string): string[] => {
  const value = values[name]
  if (Array.isArray(value)) return value.filter((v): v is string => typeof v === 'string')
  return typeof value === 'string' ? [value] : []
}

export const optionFlag = (values: OptionValues, name: string): boolean => values[name] === true

/** A positive whole number from the command line, e.g. a document id or `--limit`. */
export function parseCount(text: string | undefined, what: string): number | undefined {
  if (text === undefined) return undefined
  if (!/^\d{1,15}$/.test(text.trim()) || Number(text) < 1) {
    throw usageError(`${what} must be a whole number of 1 or more, not "${text}"`)
  }
  return Number(text)
}

/** Ids given as `12`, `12,13` or several arguments. */
export function parseIds(texts: string[], what: string): number[] {
  const ids = texts.flatMap((t) => t.split(',')).filter((t) => t.trim() !== '')
  if (ids.length === 0) throw usageError(`give at least one ${what}`)
  return ids.map((t) => parseCount(t, what) as number)
}
