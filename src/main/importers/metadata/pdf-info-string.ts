/**
 * PDF Info strings written as UTF-8 bytes without the BOM the format asks for. A reader decodes them as
 * PDFDocEncoding, so "Pégourié" arrives as "PÃ©gouriÃ©" (real case: hyperref + LuaTeX 0.77, luatex-hyphen.pdf in
 * TeX Live). Poppler shows the same mojibake; a citation must print the name.
 *
 * The repair maps each character back to its PDFDocEncoding byte and keeps the result only if those bytes are valid
 * UTF-8 with at least one multi-byte sequence. Text really written in PDFDocEncoding almost never is: "Café" is
 * the bytes 43 61 66 E9, and a lone E9 is not UTF-8.
 */

/** PDFDocEncoding's bytes that do not decode to the same code point (PDF 32000-1, Annex D; as pdf.js reads them). */
const SPECIAL: Record<number, number> = {
  24: 0x2d8,
  25: 0x2c7,
  26: 0x2c6,
  27: 0x2d9,
  28: 0x2dd,
  29: 0x2db,
  30: 0x2da,
  31: 0x2dc,
  128: 0x2022,
  129: 0x2020,
  130: 0x2021,
  131: 0x2026,
  132: 0x2014,
  133: 0x2013,
  134: 0x192,
  135: 0x2044,
  136: 0x2039,
  137: 0x203a,
  138: 0x2212,
  139: 0x2030,
  140: 0x201e,
  141: 0x201c,
  142: 0x201d,
  143: 0x2018,
  144: 0x2019,
  145: 0x201a,
  146: 0x2122,
  147: 0xfb01,
  148: 0xfb02,
  149: 0x141,
  150: 0x152,
  151: 0x160,
  152: 0x178,
  153: 0x17d,
  154: 0x131,
  155: 0x142,
  156: 0x153,
  157: 0x161,
  158: 0x17e,
  160: 0x20ac,
}
const BYTE_OF = new Map<number, number>()
for (let b = 0; b < 256; b++) if (!(b in SPECIAL)) BYTE_OF.set(b, b)
for (const [b, cp] of Object.entries(SPECIAL)) BYTE_OF.set(cp, Number(b))

const utf8 = new TextDecoder('utf-8', { fatal: true })

export function repairUtf8AsPdfDoc(value: string): string {
  if (!/[\u0080-\uffff]/.test(value)) return value
  const bytes: number[] = []
  for (const ch of value) {
    const byte = BYTE_OF.get(ch.codePointAt(0) ?? -1)
    if (byte === undefined) return value // a character PDFDocEncoding cannot hold: decoded properly already
    bytes.push(byte)
  }
  if (!bytes.some((b) => b >= 0x80)) return value
  try {
    return utf8.decode(Uint8Array.from(bytes))
  } catch {
    return value
  }
}
