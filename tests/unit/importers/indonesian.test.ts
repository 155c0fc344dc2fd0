/** Indonesian is not Malay: eld knows only Malay, and the spellings the two languages differ in decide (trial9). */
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { extractFile } from '../../../src/main/importers/extract'
import { malayOrIndonesian } from '../../../src/main/importers/indonesian'
import { detectMissingLanguage } from '../../../src/main/importers/language'

const limits = { maxFileBytes: 1e8, maxZipBytes: 1e8, maxZipEntries: 1000 }
const FIXTURE = join(__dirname, '../../fixtures/documents/debian/debian-reference-apa.id.html')

describe('Indonesian or Malay', () => {
  it('the Indonesian Debian Reference (appendix A, no language declared) is Indonesian, not Malay', async () => {
    const file = await extractFile(FIXTURE, limits)
    expect(file.language).toBeNull()
    await detectMissingLanguage(file)
    expect(file.language).toBe('id')
  })

  it('Malay spellings stay Malay; a text with neither stays as the detector said', () => {
    expect(
      malayOrIndonesian(
        'Perisian ini percuma kerana ia dikeluarkan di bawah lesen bebas, iaitu GPL.',
      ),
    ).toBe('ms')
    expect(
      malayOrIndonesian(
        'Perangkat lunak ini gratis karena dirilis di bawah lisensi bebas, yaitu GPL.',
      ),
    ).toBe('id')
    expect(malayOrIndonesian('Debian GNU/Linux')).toBe('ms')
    // Whole words only: "sajak" (a poem) is no "saja".
    expect(malayOrIndonesian('sajak dan pantun kerana')).toBe('ms')
  })
})
