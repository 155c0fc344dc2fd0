import { describe, expect, it } from 'vitest'
import { rubyBaseOnly } from '../../../src/main/importers/extractors/docx-ruby'

describe('rubyBaseOnly', () => {
  it('replaces a run holding ruby by its base runs, and leaves other runs alone', () => {
    const xml =
      '<w:p><w:r><w:t>一人の</w:t></w:r>' +
      '<w:r><w:rPr><w:rFonts w:hint="eastAsia"/></w:rPr><w:ruby><w:rubyPr><w:hps w:val="10"/></w:rubyPr>' +
      '<w:rt><w:r><w:t>げにん</w:t></w:r></w:rt><w:rubyBase><w:r><w:rPr><w:b/></w:rPr><w:t>下人</w:t></w:r></w:rubyBase></w:ruby></w:r>' +
      '<w:r><w:t>が、</w:t></w:r>' +
      '<w:r><w:ruby><w:rt><w:r><w:t>らしょうもん</w:t></w:r></w:rt><w:rubyBase><w:r><w:t>羅生</w:t></w:r><w:r><w:t>門</w:t></w:r></w:rubyBase></w:ruby></w:r></w:p>'
    expect(rubyBaseOnly(xml)).toBe(
      '<w:p><w:r><w:t>一人の</w:t></w:r>' +
        '<w:r><w:rPr><w:b/></w:rPr><w:t>下人</w:t></w:r>' +
        '<w:r><w:t>が、</w:t></w:r>' +
        '<w:r><w:t>羅生</w:t></w:r><w:r><w:t>門</w:t></w:r></w:p>',
    )
  })

  it('keeps a part without ruby as it is', () => {
    const xml = '<w:p><w:r><w:rPr/><w:t>rubyBase</w:t></w:r></w:p>'
    expect(rubyBaseOnly(xml)).toBe(xml)
  })
})
