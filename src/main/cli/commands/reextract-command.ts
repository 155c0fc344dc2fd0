/** `lectern reextract [--all | ID...]`: re-read documents from their stored originals with today's extractors. */
import type { DocumentId, JobOutcome } from '@shared/contract'
import { CliError, EXIT, usageError } from '../cli-error'
import { safeForTerminal } from '../format'
import { parseIds } from '../session'
import type { Command } from './command'
import { failureLine, importJson } from './import-command'

export const reextractCommand: Command = {
  name: 'reextract',
  usage: 'reextract (--all | ID[,ID]...) [--json]',
  summary:
    'Re-read documents from their kept originals with today’s extractors; quotes are re-anchored',
  details: `A quote's exact words never change; a passage that is gone becomes an unplaced quote. Documents imported
  before Lectern kept originals are skipped (re-import the file to keep it).
  JSON: as import: {"imported","duplicates","updated","failed","skipped","results":[{"path","status","documentId",…}]}.
  Exit status 0 when nothing failed, 2 when some document failed (the others are re-extracted).`,
  options: { all: { type: 'boolean' } },
  writes: true,
  async run(session, values, positionals) {
    const all = values.all === true
    if (all === positionals.length > 0) throw usageError('give document ids or --all (not both)')
    const ids = all ? [] : (parseIds(positionals, 'document id') as DocumentId[])
    const { jobId } = await session.call('documents.reextract', all ? { all } : { ids })
    const outcome: JobOutcome = await session.call('jobs.wait', { jobId })
    if (outcome.status === 'failed' || !outcome.result)
      throw new CliError(`re-extraction failed: ${outcome.error ?? 'no report'}`, 'internal')
    const report = outcome.result
    if (session.json) session.printJson(importJson(report))
    else {
      for (const r of report.results) {
        if (r.status === 'failed') session.note(safeForTerminal(failureLine(r)))
        else
          session.print(
            safeForTerminal(
              `${r.status.padEnd(9)} #${r.documentId}  ${r.title ?? r.path}${r.error ? `  (${r.error})` : ''}${
                r.unplacedQuoteIds?.length
                  ? `  — ${r.unplacedQuoteIds.length} quote(s) now unplaced`
                  : ''
              }`,
            ),
          )
      }
      session.note(
        `${report.updated} re-extracted, ${report.skipped} skipped, ${report.failed} failed.`,
      )
    }
    return outcome.status === 'cancelled'
      ? EXIT.interrupted
      : report.failed > 0
        ? EXIT.partial
        : EXIT.ok
  },
}
