const { readFileSync, writeFileSync, mkdirSync } = require('node:fs')
const { gunzipSync } = require('node:zlib')
const path = require('node:path')
const chunk = require('fs').readdirSync('out/main/chunks').find((f) => f.startsWith('extract-'))
const { extractFile } = require(path.resolve('out/main/chunks', chunk))
const esc = (s) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;')
const rows = gunzipSync(readFileSync('/work/shared/corpus/whitehouse-remarks-2009-2015/articles.jsonl.gz')).toString().split('\n').filter(Boolean).slice(0, 200).map((l) => JSON.parse(l))
mkdirSync('/tmp/prof3', { recursive: true })
rows.forEach((s, i) => writeFileSync(`/tmp/prof3/${i}.html`, `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>${esc(s.title)}</title></head><body><nav><a href="/">Home</a></nav><main><article><h1>${esc(s.title)}</h1>${s.text.split(/\n\s*\n/).map((p) => `<p>${esc(p)}</p>`).join('\n')}</article></main></body></html>`))
rows.forEach((s, i) => writeFileSync(`/tmp/prof3/${i}.md`, s.text))
;(async () => {
  const limits = { maxFileBytes: 1e9, maxZipBytes: 1, maxZipEntries: 1 }
  for (let i = 0; i < 20; i++) await extractFile(`/tmp/prof3/${i}.html`, limits)
  for (const ext of ['html', 'md']) {
    const t = performance.now(); const sum = { readMs: 0, parseMs: 0, hashMs: 0 }
    for (let i = 0; i < rows.length; i++) { const f = await extractFile(`/tmp/prof3/${i}.${ext}`, limits); for (const k in sum) sum[k] += f.timings[k] }
    console.log(ext, 'ms/file', ((performance.now() - t) / rows.length).toFixed(1), JSON.stringify(Object.fromEntries(Object.entries(sum).map(([k, v]) => [k, (v / rows.length).toFixed(1)]))))
  }
})()
