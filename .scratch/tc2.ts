import { twoColumnPdf } from '../scripts/gen-hostile-fixtures'
async function main() {
  const { getDocument } = await import('pdfjs-dist/legacy/build/pdf.mjs')
  const left = ['Left column starts here and', 'continues on this line and']
  const right = ['Right column begins with', 'its own sentence that goes']
  const pdf = await getDocument({ data: new Uint8Array(twoColumnPdf(left, right)), verbosity: 0 }).promise
  const page = await pdf.getPage(1)
  const c = await page.getTextContent()
  for (const it of c.items as any[]) console.log(JSON.stringify(it.str), it.transform.map((v: number) => Math.round(v)).join(','), Math.round(it.width), it.hasEOL)
}
main()
