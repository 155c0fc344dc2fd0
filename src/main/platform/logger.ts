/** Minimal leveled logger; writes to stderr so CLI stdout stays clean JSON. */
export type Logger = {
  info(message: string, detail?: unknown): void
  warn(message: string, detail?: unknown): void
  error(message: string, detail?: unknown): void
}

export function createLogger(quiet = false): Logger {
  const write = (level: string, message: string, detail?: unknown): void => {
    if (quiet && level !== 'error') return
    const extra =
      detail instanceof Error
        ? ` ${detail.stack ?? detail.message}`
        : detail === undefined
          ? ''
          : ` ${String(detail)}`
    process.stderr.write(`[lectern ${level}] ${message}${extra}\n`)
  }
  return {
    info: (m, d) => write('info', m, d),
    warn: (m, d) => write('warn', m, d),
    error: (m, d) => write('error', m, d),
  }
}

/** A logger that keeps lines in memory (tests, and the CLI's quiet mode). */
export function createMemoryLogger(): Logger & { lines: string[] } {
  const lines: string[] = []
  const push = (level: string) => (m: string, d?: unknown) => {
    lines.push(`${level} ${m}${d instanceof Error ? ` ${d.message}` : ''}`)
  }
  return { lines, info: push('info'), warn: push('warn'), error: push('error') }
}
