/**
 * Issue 13 through the real API and a real SQLite library: every imported field says where it came from, a person's
 * correction is marked `user` and survives re-importing a changed file, bulk edits mark every field they set, and
 * the same DOI in two formats is reported as one work.
 */
import { copyFileSync, mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import type { DocumentDetail, DocumentId, SearchResult } from '@shared/contract'
import { afterEach, describe, expect, it } from 'vitest'
import { METADATA_SET } from '../../support/metadata-score'
import { tempBackend } from '../../support/temp-library'
import { importViaApi } from './helpers'

const backends: ReturnType<typeof tempBackend>[] = []
afterEach(async () => {
  for (const b of backends.splice(0)) await b.dispose()
})
function setup() {
  const backend = tempBackend()
  backends.push(backend)
  const input = join(backend.dir, 'input')
  mkdirSync(input)
  return { backend, input }
}

async function detail(
  backend: ReturnType<typeof tempBackend>,
  id: DocumentId,
): Promise<DocumentDetail> {
  const r = await backend.dispatch('documents.get', { id })
  if (!r.ok) throw new Error(r.error.message)
  return r.value as DocumentDetail
}

describe('provenance in the library', () => {
  it('stores where each field came from, and the DOCX creation stamp only as the file date', async () => {
    const { backend, input } = setup()
    copyFileSync(join(METADATA_SET, 'python-argparse-howto.docx'), join(input, 'argparse.docx'))
    copyFileSync(join(METADATA_SET, 'git-revert-a-faulty-merge.txt'), join(input, 'revert.txt'))
    const report = await importViaApi(backend, [input])
    const byName = (n: string) =>
      report.results.find((r) => r.path.endsWith(n))?.documentId as DocumentId
    const docx = await detail(backend, byName('argparse.docx'))
    expect(docx.authors).toEqual(['Tshepang Lekhonkhobe'])
    expect(docx.provenance.authors?.origin).toBe('embedded')
    expect(docx.publishedAt).toBeNull()
    expect(docx.fileDate).toMatch(/^\d{4}-\d{2}-\d{2}$/)
    const mail = await detail(backend, byName('revert.txt'))
    expect(mail.publishedAt).toBe('2008-12-19')
    expect(mail.provenance.publishedAt).toMatchObject({
      origin: 'text',
      detail: 'e-mail Date: header',
    })
    expect(mail.authors).toEqual(['Linus Torvalds', 'Junio C Hamano'])
  })

  it("a person's correction is marked user and survives re-importing the changed file", async () => {
    const { backend, input } = setup()
    const file = join(input, 'note.txt')
    writeFileSync(
      file,
      'From: A Writer <a@example.org>\nDate: Mon, 2 Mar 2015 10:00:00 +0000\nSubject: First\n\nBody one.\n',
    )
    const first = await importViaApi(backend, [file])
    const id = first.results[0]?.documentId as DocumentId
    const updated = await backend.dispatch('documents.update', {
      id,
      patch: { authors: ['Ann Writer'] },
    })
    expect(updated.ok).toBe(true)
    expect((await detail(backend, id)).provenance.authors).toMatchObject({
      origin: 'user',
      confidence: 1,
    })

    writeFileSync(
      file,
      'From: A Writer <a@example.org>\nDate: Tue, 3 Mar 2015 10:00:00 +0000\nSubject: Second\n\nBody two.\n',
    )
    const again = await importViaApi(backend, [file])
    expect(again.results[0]?.status).toBe('updated')
    const after = await detail(backend, id)
    expect(after.authors).toEqual(['Ann Writer'])
    expect(after.provenance.authors?.origin).toBe('user')
    expect(after.title).toBe('Second')
    expect(after.publishedAt).toBe('2015-03-03')
  })

  it('bulk edit sets author, source, date and tags on every selected document, each marked user', async () => {
    const { backend, input } = setup()
    writeFileSync(join(input, 'a.txt'), 'Alpha\n\nText of alpha.\n')
    writeFileSync(join(input, 'b.txt'), 'Beta\n\nText of beta.\n')
    const report = await importViaApi(backend, [input])
    const ids = report.results.map((r) => r.documentId as DocumentId)
    const r = await backend.dispatch('documents.updateMany', {
      ids,
      patch: {
        authors: ['Jane Roe'],
        source: 'The Archive',
        publishedAt: '1999-05',
        addTags: ['checked'],
      },
    })
    expect(r.ok && r.value).toEqual({ updated: 2 })
    for (const id of ids) {
      const d = await detail(backend, id)
      expect(d).toMatchObject({
        authors: ['Jane Roe'],
        source: 'The Archive',
        publishedAt: '1999-05',
      })
      expect(d.tags.map((t) => t.name)).toContain('checked')
      expect(d.provenance.publishedAt?.origin).toBe('user')
    }
    const bad = await backend.dispatch('documents.updateMany', {
      ids: [999_999 as DocumentId],
      patch: { source: 'x' },
    })
    expect(bad.ok).toBe(false)
  })

  it('the same DOI as PDF-like text and HTML is reported as one work, and both are kept', async () => {
    const { backend, input } = setup()
    writeFileSync(
      join(input, 'paper.txt'),
      'A Study of Things\n\nJane Roe\n\ndoi:10.1234/study.5678\n\nWe studied things.\n',
    )
    writeFileSync(
      join(input, 'paper.html'),
      '<html><head><title>A Study of Things</title><meta name="citation_doi" content="10.1234/STUDY.5678"></head><body><article><h1>A Study of Things</h1><p>We studied things, at length, in the web version of the paper, which has more words than the other.</p></article></body></html>',
    )
    const report = await importViaApi(backend, [join(input, 'paper.txt')])
    const second = await importViaApi(backend, [join(input, 'paper.html')])
    expect(report.results[0]?.status).toBe('imported')
    expect(second.results[0]?.status).toBe('imported')
    expect(second.results[0]?.warnings?.join(' ')).toMatch(
      /same work as document \d+.*10\.1234\/study\.5678/i,
    )
    const d = await detail(backend, report.results[0]?.documentId as DocumentId)
    expect(d.identifiers).toContainEqual({ type: 'doi', value: '10.1234/study.5678' })
    // doi: finds both copies, whatever the case of the query.
    for (const query of ['doi:10.1234/STUDY.5678', 'doi:10.1234/study.5678 studied']) {
      const found = await backend.dispatch('search.query', { query })
      expect(found.ok, query).toBe(true)
      if (found.ok)
        expect(
          (found.value as SearchResult).hits.filter((h) => h.type === 'document'),
        ).toHaveLength(2)
    }
    const none = await backend.dispatch('search.query', { query: 'doi:10.9999/other' })
    expect(none.ok && (none.value as SearchResult).total).toBe(0)
  })
})
