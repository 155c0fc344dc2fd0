import Database from 'better-sqlite3'
import { readFileSync, mkdtempSync } from 'node:fs'
import { gunzipSync } from 'node:zlib'
import { join } from 'node:path'
import { tmpdir } from 'node:os'
const rows = gunzipSync(readFileSync('/work/shared/corpus/whitehouse-remarks-2009-2015/articles.jsonl.gz')).toString().split('\n').filter(Boolean).slice(0, 1000).map((l) => JSON.parse(l))
const variants: [string, string[]][] = [
  ["prefix='2 3'", []],
  ["prefix='1 2 3 4 5'", []],
  ["prefix='1 2 3 4 5'", ["INSERT INTO f(f, rank) VALUES('automerge', 0)"]],
  ["prefix='1 2 3 4 5'", ["INSERT INTO f(f, rank) VALUES('automerge', 16)", "INSERT INTO f(f, rank) VALUES('crisismerge', 64)"]],
  ["prefix='2 3'", ["INSERT INTO f(f, rank) VALUES('automerge', 16)", "INSERT INTO f(f, rank) VALUES('crisismerge', 64)"]],
  ["", []],
]
for (let rep = 0; rep < 2; rep++) for (const [prefix, setup] of variants) {
    const db = new Database(join(mkdtempSync(join(tmpdir(), 'fts-')), 'x.db'))
    db.pragma('journal_mode = WAL'); db.pragma(`synchronous = FULL`)
    db.exec(`CREATE TABLE d (id INTEGER PRIMARY KEY, title TEXT, text TEXT); CREATE VIRTUAL TABLE f USING fts5(title, text, content='d', content_rowid='id', tokenize='unicode61 remove_diacritics 2' ${prefix ? ',' + prefix : ''});
    CREATE TRIGGER ai AFTER INSERT ON d BEGIN INSERT INTO f(rowid, title, text) VALUES (new.id, new.title, new.text); END;`)
    for (const q of setup) db.exec(q)
    const ins = db.prepare('INSERT INTO d (title, text) VALUES (?, ?)')
    const t = performance.now()
    const tx = db.transaction((rs: any[]) => { for (const r of rs) ins.run(r.title, r.text) })
    for (let i = 0; i < rows.length; i += 200) tx(rows.slice(i, i + 200))
    const s = (performance.now() - t) / 1000
    console.log(rep, prefix || 'no prefix', setup.join(';').replace(/INSERT INTO f\(f, rank\) VALUES/g, ''), (rows.length / s).toFixed(0), 'docs/s')
}
