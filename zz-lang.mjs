import { eld } from 'eld/extrasmall'
import { readFileSync } from 'node:fs'
console.log(Object.values(eld.info().Languages).join(' '))
const text = readFileSync(process.argv[2], 'utf8')
const SLICE=1000, step = Math.max(SLICE, Math.floor(text.length / 3))
for (let at = 0; at < text.length; at += step) {
  const s = text.slice(at, at + SLICE); const r = eld.detect(s)
  console.log(at, r.language, r.isReliable(), JSON.stringify(Object.entries(r.getScores()).slice(0,4)), JSON.stringify(s.slice(0,120)))
}
