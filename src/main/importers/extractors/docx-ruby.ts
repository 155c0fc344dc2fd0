/**
 * Ruby in Word files (`<w:ruby>`: a reading set over a word, as Japanese documents print it). mammoth does not know
 * the element and drops it whole, base text included, so "一人の下人が" came out as "一人のが": words the document
 * prints were missing from its text, its search and its quotes. Before mammoth reads a part, each run holding ruby
 * is replaced by the runs of its base text (`<w:rubyBase>`); the reading (`<w:rt>`) is left out, as it is from HTML
 * (html-to-text.ts: a reading glosses the text and is not part of it).
 */

const RUBY = /<w:ruby>[\s\S]*?<\/w:ruby>/g
const BASE = /<w:rubyBase>([\s\S]*?)<\/w:rubyBase>/
/** The start of a run element (not `<w:rPr>`, `<w:rt>`, `<w:rubyBase>`…). */
const RUN_START = /<w:r(?=[\s>])/g

export function hasRuby(xml: string): boolean {
  return xml.includes('<w:ruby>')
}

/** The part with every run that holds ruby replaced by its base text's runs. */
export function rubyBaseOnly(xml: string): string {
  let out = ''
  let copied = 0
  for (const match of xml.matchAll(RUBY)) {
    const start = match.index ?? 0
    const end = start + match[0].length
    // The run around the ruby: the last run start before it, the first run end after it.
    let runStart = -1
    for (const run of xml.slice(copied, start).matchAll(RUN_START))
      runStart = copied + (run.index ?? 0)
    const runEnd = xml.indexOf('</w:r>', end)
    if (runStart < 0 || runEnd < 0 || xml.slice(end, runEnd).trim() !== '') continue
    out += xml.slice(copied, runStart) + (BASE.exec(match[0])?.[1] ?? '')
    copied = runEnd + '</w:r>'.length
  }
  return out + xml.slice(copied)
}
