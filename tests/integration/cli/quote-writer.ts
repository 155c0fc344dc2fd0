/**
 * Child process for the crash tests: creates quotes on document 1 of a library through `dispatch`, one after
 * another, until it is killed. Prints `ok <i>` after each acknowledged quote so the parent knows what was promised.
 *
 *   npx tsx --tsconfig tsconfig.node.json tests/integration/cli/quote-writer.ts LIBRARY_DIR
 */
import type { DocumentId } from '@shared/contract'
import { createBackend } from '../../../src/main/compose/create-backend'
import { createMemoryLogger } from '../../../src/main/platform/logger'

/** The unique word in the note of quote number `i`. */
export const quoteMarker = (i: number): string => `qmark${i}x`

async function main(libraryDir: string): Promise<void> {
  const backend = createBackend({
    libraryDir,
    log: createMemoryLogger(),
    backups: { autoIntervalHours: null },
    limits: { workers: 0 },
  })
  const documentId = 1 as DocumentId
  const envelope = await backend.dispatch('documents.get', { id: documentId })
  if (!envelope.ok) throw new Error(envelope.error.message)
  const length = (envelope.value as { text: string }).text.length
  // Continue the numbering of earlier (killed) runs, so every marker stays unique.
  const first = (
    backend.context.db.prepare('SELECT count(*) AS n FROM quotes').get() as { n: number }
  ).n
  process.stdout.write('ready\n')
  for (let i = first; ; i++) {
    const start = (i * 97) % Math.max(1, length - 120)
    const created = await backend.dispatch('quotes.create', {
      documentId,
      start,
      end: start + 60,
      note: `Note ${quoteMarker(i)}`,
      tags: [`crash-${i % 7}`],
    })
    if (!created.ok) throw new Error(created.error.message)
    process.stdout.write(`ok ${i}\n`)
  }
}

void main(process.argv[2] ?? '').catch((error: unknown) => {
  process.stderr.write(`${(error as Error).message}\n`)
  process.exit(1)
})
