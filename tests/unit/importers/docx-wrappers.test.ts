import { describe, expect, it } from 'vitest'
import { unwrapRuns } from '../../../src/main/importers/extractors/docx-wrappers'

describe('unwrapRuns', () => {
  it('keeps the runs of simple fields and bidi wrappers in place, and a field without a result shows nothing', () => {
    const xml =
      '<w:p><w:r><w:t>in </w:t></w:r><w:fldSimple w:instr=" REF _Ref1 \\h "><w:r><w:t>Table 2</w:t></w:r></w:fldSimple>' +
      '<w:fldSimple w:instr=" PAGE "/><w:dir w:val="rtl"><w:bdo w:val="rtl"><w:r><w:t>عربي</w:t></w:r></w:bdo></w:dir>' +
      '<w:r><w:rPr><w:rtl/></w:rPr><w:t>director</w:t></w:r></w:p>'
    expect(unwrapRuns(xml)).toBe(
      '<w:p><w:r><w:t>in </w:t></w:r><w:r><w:t>Table 2</w:t></w:r><w:r><w:t>عربي</w:t></w:r>' +
        '<w:r><w:rPr><w:rtl/></w:rPr><w:t>director</w:t></w:r></w:p>',
    )
  })
  it('turns a carriage return into the line break it draws', () => {
    expect(
      unwrapRuns('<w:r><w:t>first line</w:t><w:cr/><w:t>second</w:t><w:crossRef/></w:r>'),
    ).toBe('<w:r><w:t>first line</w:t><w:br/><w:t>second</w:t><w:crossRef/></w:r>')
  })
})
