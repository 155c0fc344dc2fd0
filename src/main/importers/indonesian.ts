/**
 * Indonesian or Malay. The language detector (eld) knows Malay but not Indonesian, so every Indonesian text was
 * stored as Malay: the Indonesian Debian Reference ("Referensi Debian") read `ms`. The two share most words; they
 * spell a few common ones apart, and those decide: Indonesian "karena, bahwa, saja, yaitu, uang, mau", Malay
 * "kerana, bahawa, sahaja, iaitu, wang, mahu". No such word either way leaves the detector's Malay.
 */
const INDONESIAN = new Set(['karena', 'bahwa', 'saja', 'yaitu', 'uang', 'mau'])
const MALAY = new Set(['kerana', 'bahawa', 'sahaja', 'iaitu', 'wang', 'mahu'])

/** How much of a long text is read: the spellings recur often enough within it. */
const READ = 200_000

export function malayOrIndonesian(text: string): 'ms' | 'id' {
  let indonesian = 0
  let malay = 0
  for (const [word] of text
    .slice(0, READ)
    .toLowerCase()
    .matchAll(/\p{L}+/gu)) {
    if (INDONESIAN.has(word)) indonesian++
    else if (MALAY.has(word)) malay++
  }
  return indonesian > malay ? 'id' : 'ms'
}
