import { readFileSync } from 'node:fs'
import { gunzipSync } from 'node:zlib'
import { extractHtml } from '../src/main/importers/extractors/html'
const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;')
const rows = gunzipSync(readFileSync('/work/shared/corpus/whitehouse-remarks-2009-2015/articles.jsonl.gz')).toString().split('\n').filter(Boolean).slice(0, 150).map((l) => JSON.parse(l))
const pages = rows.map((s: any) => `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>${esc(s.title)}</title></head><body><nav><a href="/">Home</a></nav><main><article><h1>${esc(s.title)}</h1>${s.text.split(/\n\s*\n/).map((p: string) => `<p>${esc(p)}</p>`).join('\n')}</article></main></body></html>`)
async function main() {
  const limits = { maxFileBytes: 1e9, maxZipBytes: 1, maxZipEntries: 1 }
  for (const p of pages) await extractHtml({ bytes: Buffer.from(p), path: 'x.html', limits })
}
main()
