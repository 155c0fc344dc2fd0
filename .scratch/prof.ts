import { readFileSync } from 'node:fs'
import { gunzipSync } from 'node:zlib'
import { extractHtml } from '../src/main/importers/extractors/html'
import { extractMarkdown } from '../src/main/importers/extractors/markdown'
import { sanitizeHtml } from '../src/main/importers/sanitize'
import { parseHtmlDocument } from '../src/main/importers/dom'
import { Readability } from '@mozilla/readability'
import { htmlToText } from '../src/main/importers/html-to-text'
const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;')
const rows = gunzipSync(readFileSync('/work/shared/corpus/whitehouse-remarks-2009-2015/articles.jsonl.gz')).toString().split('\n').filter(Boolean).slice(0, 80).map((l) => JSON.parse(l))
const pages = rows.map((s: any) => `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>${esc(s.title)}</title></head><body><nav><a href="/">Home</a></nav><main><article><h1>${esc(s.title)}</h1>${s.text.split(/\n\s*\n/).map((p: string) => `<p>${esc(p)}</p>`).join('\n')}</article></main></body></html>`)
async function main() {
  const limits = { maxFileBytes: 1e9, maxZipBytes: 1, maxZipEntries: 1 }
  for (const p of pages.slice(0, 10)) await extractHtml({ bytes: Buffer.from(p), path: 'x.html', limits })
  let t = performance.now()
  for (const p of pages) await extractHtml({ bytes: Buffer.from(p), path: 'x.html', limits })
  console.log('extractHtml ms/page', ((performance.now() - t) / pages.length).toFixed(1))
  t = performance.now(); const contents: string[] = []
  for (const p of pages) { const d = parseHtmlDocument(p); contents.push(new Readability(d as any).parse()!.content!) }
  console.log('linkedom+readability', ((performance.now() - t) / pages.length).toFixed(1))
  t = performance.now(); const clean: string[] = []
  for (const c of contents) clean.push(sanitizeHtml(c))
  console.log('dompurify/jsdom', ((performance.now() - t) / pages.length).toFixed(1))
  t = performance.now()
  for (const c of clean) htmlToText(c)
  console.log('htmlToText', ((performance.now() - t) / pages.length).toFixed(1))
  t = performance.now()
  for (const r of rows) await extractMarkdown({ bytes: Buffer.from(r.text), path: 'x.md', limits })
  console.log('markdown ms/file', ((performance.now() - t) / rows.length).toFixed(1))
  console.log('avg page KB', (pages.reduce((n: number, p: string) => n + p.length, 0) / pages.length / 1024).toFixed(1))
}
main()
