import { readFileSync } from 'node:fs'
async function main() {
  const { getDocument } = await import('pdfjs-dist/legacy/build/pdf.mjs')
  const task = getDocument({ data: new Uint8Array(readFileSync(process.argv[2]!)), isEvalSupported: false, verbosity: 0 })
  const pdf = await task.promise
  const page = await pdf.getPage(Number(process.argv[3] ?? 1))
  const c = await page.getTextContent()
  for (const it of c.items.slice(0, 40) as any[]) console.log(JSON.stringify(it.str), it.transform.map((v: number) => Math.round(v)).join(','), Math.round(it.width), it.hasEOL)
}
main()
