// Top self-time functions of .cpuprofile files (node --cpu-prof): node top-self.mjs FILE... [--top N]
import { readFileSync } from 'node:fs'

const args = process.argv.slice(2)
const topAt = args.indexOf('--top')
const top = topAt >= 0 ? Number(args[topAt + 1]) : 25
const files = args.filter((a, i) => a.endsWith('.cpuprofile') && i !== topAt + 1)
for (const file of files) {
  const profile = JSON.parse(readFileSync(file, 'utf8'))
  const byId = new Map(profile.nodes.map((n) => [n.id, n]))
  const self = new Map()
  const dt = profile.timeDeltas
  for (let i = 0; i < profile.samples.length; i++) {
    const node = byId.get(profile.samples[i])
    const f = node.callFrame
    const key = `${f.functionName || '(anonymous)'} ${f.url.split('/').slice(-2).join('/')}:${f.lineNumber + 1}`
    self.set(key, (self.get(key) ?? 0) + (dt[i] ?? 0) / 1000)
  }
  const total = [...self.values()].reduce((a, b) => a + b, 0)
  const idle = self.get('(idle) :0') ?? 0
  console.log(
    `\n${file}: ${(total / 1000).toFixed(2)} s sampled, ${((total - idle) / 1000).toFixed(2)} s busy`,
  )
  for (const [key, ms] of [...self].sort((a, b) => b[1] - a[1]).slice(0, top))
    console.log(
      `${ms.toFixed(0).padStart(8)} ms  ${((100 * ms) / total).toFixed(1).padStart(5)} %  ${key}`,
    )
}
