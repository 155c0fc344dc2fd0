import Database from 'better-sqlite3'
import { readFileSync, mkdtempSync } from 'node:fs'
import { gunzipSync } from 'node:zlib'
import { join } from 'node:path'
import { tmpdir } from 'node:os'
const rows = gunzipSync(readFileSync('/work/shared/corpus/whitehouse-remarks-2009-2015/articles.jsonl.gz')).toString().split('\n').filter(Boolean).slice(0, 1000).map((l) => JSON.parse(l))
for (const prefix of ['', "prefix='2 3'", "prefix='1 2 3 4 5'"]) {
  for (const sync of ['FULL', 'NORMAL']) {
    const db = new Database(join(mkdtempSync(join(tmpdir(), 'fts-')), 'x.db'))
    db.pragma('journal_mode = WAL'); db.pragma(`synchronous = ${sync}`)
    db.exec(`CREATE TABLE d (id INTEGER PRIMARY KEY, title TEXT, text TEXT); CREATE VIRTUAL TABLE f USING fts5(title, text, content='d', content_rowid='id', tokenize='unicode61 remove_diacritics 2' ${prefix ? ',' + prefix : ''});
    CREATE TRIGGER ai AFTER INSERT ON d BEGIN INSERT INTO f(rowid, title, text) VALUES (new.id, new.title, new.text); END;`)
    const ins = db.prepare('INSERT INTO d (title, text) VALUES (?, ?)')
    const t = performance.now()
    const tx = db.transaction((rs: any[]) => { for (const r of rs) ins.run(r.title, r.text) })
    for (let i = 0; i < rows.length; i += 200) tx(rows.slice(i, i + 200))
    const s = (performance.now() - t) / 1000
    console.log(prefix || 'no prefix', sync, (rows.length / s).toFixed(0), 'docs/s')
  }
}
