import { describe, expect, it } from 'vitest'
import { repairUtf8AsPdfDoc } from '../../../src/main/importers/metadata/pdf-info-string'

describe('PDF Info strings written as UTF-8 without a BOM', () => {
  it('repairs UTF-8 read as PDFDocEncoding, including bytes PDFDocEncoding maps elsewhere', () => {
    expect(repairUtf8AsPdfDoc('Manuel PÃ©gouriÃ©-Gonnard')).toBe('Manuel Pégourié-Gonnard')
    // "É" is C3 89, and PDFDocEncoding reads 0x89 as "›".
    expect(repairUtf8AsPdfDoc('Ã›lie Roux')).toBe('Élie Roux')
    expect(repairUtf8AsPdfDoc('æ¼¢å\u00adŠ')).toBe('漢字') // 字 is E5 AD 97; 0x97 reads as "Š"
  })
  it('leaves real PDFDocEncoding text, decoded UTF-16 and ASCII alone', () => {
    expect(repairUtf8AsPdfDoc('Café – “quoted”')).toBe('Café – “quoted”')
    expect(repairUtf8AsPdfDoc('Jürgen Müller')).toBe('Jürgen Müller')
    expect(repairUtf8AsPdfDoc('漢字 and Łódź')).toBe('漢字 and Łódź')
    expect(repairUtf8AsPdfDoc('Plain ASCII')).toBe('Plain ASCII')
  })
})
