import { twoColumnPdf } from '../scripts/gen-hostile-fixtures'
import { extractPdf } from '../src/main/importers/extractors/pdf'
async function main() {
  const left = ['Left column starts here and', 'continues on this line and', 'ends the left story.', 'More left words follow', 'in the fourth line.', 'Fifth left line.']
  const right = ['Right column begins with', 'its own sentence that goes', 'on to the end of it.', 'Further right text', 'on line four.', 'Sixth right line.']
  const d = await extractPdf({ bytes: twoColumnPdf(left, right), path: 'x.pdf', limits: { maxFileBytes: 1e9, maxZipBytes: 1, maxZipEntries: 1 } })
  console.log(JSON.stringify(d.text))
}
main()
