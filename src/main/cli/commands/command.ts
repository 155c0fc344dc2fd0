import type { ParseArgsOptionsConfig } from 'node:util'
import type { CliIo, OptionValues, Session } from '../session'

/** One `lectern` sub-command. */
export type Command = {
  name: string
  /** Usage line after `lectern [--library DIR]`. */
  usage: string
  summary: string
  /** Extra lines of help (options, output shape). */
  details?: string
  options: ParseArgsOptionsConfig
  /**
   * Whether the command writes to the library: writers get the integrity check at open and the daily backup;
   * readers open fast (issue 5: cold start to first results ≤ 500 ms).
   */
  writes: boolean
  /** Whether opening for this command may start the daily backup (default: `writes`). */
  autoBackup?: boolean
  run(session: Session, values: OptionValues, positionals: string[]): Promise<number>
}

/** A command that runs without opening the library through the CLI (it opens its own, e.g. `web`). */
export type StandaloneCommand = Omit<Command, 'run' | 'writes'> & {
  standalone: true
  run(
    io: CliIo,
    values: OptionValues,
    positionals: string[],
    where: { libraryDir: string; mainDir: string },
  ): Promise<number>
}
