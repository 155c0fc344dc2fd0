/** `lectern import PATH...`: documents.import, then jobs.wait, then the report. */
import { resolve } from 'node:path'
import type { ImportFileResult, ImportReport, JobId, JobOutcome } from '@shared/contract'
import { CliError, EXIT, usageError } from '../cli-error'
import { oneLine, safeForTerminal } from '../format'
import { optionStrings, type Session } from '../session'
import type { Command } from './command'

/** The per-file failure line: `lectern: cannot read /x.pdf: no such file`. */
export function failureLine(result: ImportFileResult): string {
  const reason = result.error ?? 'unknown error'
  // Importer messages that already name the file are printed as they are.
  if (reason.includes(result.path)) return `lectern: ${reason}`
  // A file that could not be opened at all reads as in the issue: `cannot read /x.pdf: no such file`.
  const verb = /no such file|permission|not readable|cannot open|denied/i.test(reason)
    ? 'read'
    : 'import'
  return `lectern: cannot ${verb} ${result.path}: ${reason}`
}

/** The report as printed with `--json`. */
export function importJson(report: ImportReport) {
  return {
    imported: report.imported,
    duplicates: report.duplicates,
    updated: report.updated,
    failed: report.failed,
    skipped: report.skipped,
    results: report.results.map((r) => ({
      path: r.path,
      status: r.status,
      ...(r.documentId !== undefined ? { documentId: r.documentId } : {}),
      ...(r.title !== undefined ? { title: r.title } : {}),
      ...(r.format !== undefined ? { format: r.format } : {}),
      ...(r.error !== undefined ? { error: r.error } : {}),
      ...(r.warnings && r.warnings.length > 0 ? { warnings: r.warnings } : {}),
    })),
  }
}

function printHuman(session: Session, report: ImportReport): void {
  for (const r of report.results) {
    const title = r.title ? `  "${oneLine(r.title, 100)}"` : ''
    switch (r.status) {
      case 'imported':
      case 'updated':
        session.print(safeForTerminal(`${r.status.padEnd(9)} #${r.documentId}  ${r.path}${title}`))
        break
      case 'duplicate':
        session.print(
          safeForTerminal(
            `duplicate ${r.documentId !== undefined ? `#${r.documentId}  ` : ''}${r.path}${r.error ? `  (${r.error})` : ''}`,
          ),
        )
        break
      case 'skipped':
        session.print(safeForTerminal(`skipped   ${r.path}${r.error ? `  (${r.error})` : ''}`))
        break
      case 'failed':
        session.note(safeForTerminal(failureLine(r)))
        break
    }
  }
  const parts = [
    `${report.imported} imported`,
    report.updated ? `${report.updated} updated` : '',
    `${report.duplicates} duplicate${report.duplicates === 1 ? '' : 's'}`,
    report.skipped ? `${report.skipped} skipped` : '',
    `${report.failed} failed`,
  ].filter(Boolean)
  session.note(`${parts.join(', ')}.`)
}

export const importCommand: Command = {
  name: 'import',
  usage: 'import PATH... [--tag NAME]... [--json]',
  summary: 'Import files and folders (folders recursively; hidden files skipped)',
  details: `JSON: {"imported","duplicates","updated","failed","skipped","results":[{"path","status","documentId"?,
  "title"?,"format"?,"error"?,"warnings"?}]}; status is imported|duplicate|updated|failed|skipped.
  Exit status 0 when nothing failed, 2 when some file failed (the others are still imported).`,
  options: { tag: { type: 'string', multiple: true } },
  writes: true,
  async run(session, values, positionals) {
    if (positionals.length === 0) throw usageError('give files or folders to import')
    const paths = positionals.map((p) => resolve(session.io.cwd, p))
    const tags = optionStrings(values, 'tag')
    const { jobId } = await session.call('documents.import', {
      paths,
      ...(tags.length > 0 ? { tags } : {}),
    })
    const stopProgress = showProgress(session, jobId)
    // Ctrl+C cancels the job; what finished stays imported and is reported.
    let interrupted = false
    const onSigint = (): void => {
      interrupted = true
      void session.call('jobs.cancel', { jobId }).catch(() => undefined)
    }
    process.once('SIGINT', onSigint)
    let outcome: JobOutcome
    try {
      outcome = await session.call('jobs.wait', { jobId })
    } finally {
      process.off('SIGINT', onSigint)
      stopProgress()
    }
    if (outcome.status === 'failed' || !outcome.result) {
      throw new CliError(`import failed: ${outcome.error ?? 'no report'}`, 'internal')
    }
    const report = outcome.result
    if (session.json) session.printJson(importJson(report))
    else printHuman(session, report)
    if (interrupted || outcome.status === 'cancelled') return EXIT.interrupted
    return report.failed > 0 ? EXIT.partial : EXIT.ok
  },
}

/** A one-line progress display on stderr, only when a person is watching a terminal. */
function showProgress(session: Session, jobId: JobId): () => void {
  const stderr = session.io.stderr
  if (session.json || !stderr.isTTY) return () => {}
  let shown = false
  const off = session.backend.on('job.progress', (p) => {
    if (p.jobId !== jobId) return
    const total = p.total > 0 ? `/${p.total}` : ''
    const current = p.current ? `  ${oneLine(p.current, 60)}` : ''
    stderr.write(`\r\u001b[2K${p.step} ${p.done}${total}${safeForTerminal(current)}`)
    shown = true
  })
  return () => {
    off()
    if (shown) stderr.write('\r\u001b[2K')
  }
}
