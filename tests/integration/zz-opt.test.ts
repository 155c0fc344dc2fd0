import { it } from 'vitest'
import { openDb } from '../../src/main/db/connection'
import { insertDocument } from '../../tests/integration/library/seed'
import { prose } from '../../tests/integration/db/library-files'
import { mkdtempSync } from 'node:fs'
it('opt', () => {
  for (const optimize of [false, true]) {
    const db = openDb(mkdtempSync('/tmp/eng/o-') + '/l.sqlite')
    if (optimize) { db.pragma('analysis_limit = 400'); db.pragma('optimize = 0x10002') }
    const t = Date.now()
    for (let b = 0; b < 4; b++) {
      db.transaction(() => { for (let i = 0; i < 2500; i++) insertDocument(db, { title: `t ${b} ${i}`, text: prose(b * 10000 + i, 600) }) })()
      console.log(optimize, b, Date.now() - t)
    }
    try { console.log(db.prepare('select * from sqlite_stat1').all()) } catch {}
    db.close()
  }
})
