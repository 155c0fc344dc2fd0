/**
 * Title, authors and date from the top of a document's text, as a reader finds them: e-mail headers (Subject, From,
 * Date), an RFC's header block, underlined or overlined title blocks (reST, AsciiDoc, Setext), centred title lines,
 * press-release mastheads skipped, "Author:"/"Written by" lines, and dated lines ("Last updated …", "version 2.28
 * (2023-02-15)", "Release 2022-06-01", "ratified on March 26th, 2022", a date alone on its line). Copyright years
 * are never taken for a publication date. Only the first HEAD_CHARS characters are read.
 */
import type { PartialDate } from '@shared/contract'
import { dateAtStart } from '../dates'
import { oneLine } from '../normalise'
import { readsAsTitle } from '../text-metadata'
import { cleanName, looksLikeName, looksLikeOrganisation, splitAuthors } from './authors'
import { type Candidate, candidate } from './provenance'

const HEAD_CHARS = 12 * 1024
const HEAD_LINES = 80

export type HeadMetadata = {
  title: Candidate<string> | null
  authors: Candidate<string[]> | null
  date: Candidate<PartialDate> | null
  /** Where the body starts (after e-mail headers), for the caller's first-sentence fallback. */
  bodyStart: number
}

const HEADER = /^([A-Za-z][A-Za-z-]{1,30}):[ \t]*(.*)$/
const KNOWN_HEADERS =
  /^(?:from|date|subject|to|cc|bcc|message-id|references|in-reply-to|reply-to|sender|organi[sz]ation|newsgroups|abstract|content-type|content-transfer-encoding|mime-version|x-[\w-]+|user-agent|status|lines|keywords)$/i

/** The e-mail/news header block at the very top, if the text starts with one (≥ 2 headers incl. From/Date/Subject). */
export function emailHeaders(
  lines: string[],
): { headers: Map<string, string>; end: number } | null {
  let i = 0
  while (i < lines.length && !lines[i]?.trim()) i++
  const headers = new Map<string, string>()
  let last: string | null = null
  let k = i
  for (; k < lines.length; k++) {
    const line = lines[k] ?? ''
    if (!line.trim()) break
    if (/^[ \t]/.test(line) && last) {
      headers.set(last, `${headers.get(last)} ${line.trim()}`)
      continue
    }
    const m = HEADER.exec(line)
    if (!m || !KNOWN_HEADERS.test(m[1] ?? '')) break
    last = (m[1] ?? '').toLowerCase()
    if (!headers.has(last)) headers.set(last, (m[2] ?? '').trim())
  }
  const core = ['from', 'date', 'subject'].filter((h) => headers.has(h)).length
  if (headers.size < 2 || core < 1) return null
  return { headers, end: k }
}

const MONTH_YEAR =
  /^(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?\s+(?:\d{1,2},?\s+)?\d{4}$/i

/** An RFC / Internet-Draft first page: two-column header block, then a centred title. */
function rfcHead(lines: string[]): Omit<HeadMetadata, 'bodyStart'> | null {
  let i = 0
  while (i < lines.length && !lines[i]?.trim()) i++
  if (
    !/^\s*(?:Network Working Group|Internet Engineering Task Force|Internet-Draft|INTERNET[- ]DRAFT|Request for Comments|IETF)\b/.test(
      lines[i] ?? '',
    )
  )
    return null
  const authors: string[] = []
  let date: PartialDate | null = null
  let k = i
  for (; k < lines.length && lines[k]?.trim(); k++) {
    const cols = (lines[k] ?? '').trim().split(/\s{2,}/)
    const right = cols.length > 1 ? (cols[cols.length - 1] ?? '') : ''
    if (!right) continue
    if (MONTH_YEAR.test(right)) date = dateAtStart(right)?.date ?? date
    else if (/^(?:\p{Lu}\.\s?)+(?:-\p{Lu}\.\s?)*\s*[\p{Lu}][\p{L}'-]+(?:,\s*Ed\.)?$/u.test(right))
      authors.push(right.replace(/,\s*Ed\.$/, ''))
  }
  while (k < lines.length && !lines[k]?.trim()) k++
  const titleLines: string[] = []
  for (; k < lines.length && lines[k]?.trim() && titleLines.length < 3; k++)
    titleLines.push((lines[k] ?? '').trim())
  const title = titleLines.length > 0 ? oneLine(titleLines.join(' '), 300) : null
  return {
    title: title ? candidate(title, 'text', 0.85, 'RFC title line') : null,
    authors: authors.length > 0 ? candidate(authors, 'text', 0.85, 'RFC header') : null,
    date: date ? candidate(date, 'text', 0.9, 'RFC header date') : null,
  }
}

const RULE = /^\s*([=\-*~^#+_])\1{2,}\s*$/

/** A title set off by an underline (and maybe an overline): reST, AsciiDoc, Setext. Returns the line index. */
function underlinedTitle(lines: string[], from: number, to: number): number | null {
  for (let i = from; i < Math.min(to, lines.length - 1); i++) {
    const text = (lines[i] ?? '').trim()
    const under = lines[i + 1] ?? ''
    if (!text || RULE.test(lines[i] ?? '') || !RULE.test(under)) continue
    if (under.trim().length < text.length * 0.6) continue
    if (!readsAsTitle(text) && !/[?]$/.test(text)) continue
    return i
  }
  return null
}

const BOX_EDGE = /^\s*\+[-=]{3,}\+\s*$/
const BOX_ROW = /^\s*\|(.*)\|\s*$/

/**
 * A title drawn in a box at the top ("| THE BYTEFIELD PACKAGE |" between "+----+" edges in bytefield's README): its
 * first row. Returns the row's text and line index.
 */
function boxedTitle(
  lines: string[],
): { title: string; line: number; author: string | null } | null {
  let i = 0
  while (i < lines.length && !lines[i]?.trim()) i++
  if (!BOX_EDGE.test(lines[i] ?? '')) return null
  for (let k = i + 1; k < Math.min(lines.length, i + 8); k++) {
    const row = BOX_ROW.exec(lines[k] ?? '')
    if (!row) return null
    const text = (row[1] ?? '').trim()
    if (!text) continue
    if (!readsAsTitle(text)) return null
    // "The Euro Symbol Package for LaTeX by Henrik Theiling" (eurosym's README): the title, then its author.
    const by = /^(.{3,}?\S)\s+by\s+(\p{Lu}[\p{L}.'-]*(?:\s+\p{Lu}[\p{L}.'-]*){1,3})$/u.exec(text)
    const author = by ? nameFromLine(by[2] ?? '') : null
    return author && by
      ? { title: oneLine(by[1] ?? '', 300), line: k, author }
      : { title: oneLine(text, 300), line: k, author: null }
  }
  return null
}

/** Where a date may start: not inside a Latin word or a number (a date right after a CJK character may). */
const WORD_BEFORE = /[\p{sc=Latin}\p{sc=Greek}\p{sc=Cyrillic}\p{N}]/u

/** A year in Chinese numerals or of a Japanese era (tested only on lines holding 年). */
const CJK_YEAR = /[〇零○一二三四五六七八九]{4}\s*年|(?:明治|大正|昭和|平成|令和)\s*[元\d]/u

/** Every day- or month-precise date in the line, in order, with where it starts and ends. */
export function datesInLine(line: string): { date: PartialDate; start: number; end: number }[] {
  // Every date has a four-digit year (in any digits: "٢٠٠٦", "२०२१", or Chinese numerals: "二零二一年") or a Japanese
  // era's ("昭和 62 年"): most lines have none and cost one regex test.
  if (!/\p{Nd}{4}/u.test(line) && !(line.includes('年') && CJK_YEAR.test(line))) return []
  const found: { date: PartialDate; start: number; end: number }[] = []
  for (let i = 0; i < line.length; i++) {
    if (i > 0 && WORD_BEFORE.test(line[i - 1] ?? '')) continue
    // The tail of a number is no day: "version 2022.1 January 2022" is January 2022, not 1 January (dvips.pdf).
    if (i > 1 && /[.,]/.test(line[i - 1] ?? '') && /\p{N}/u.test(line[i - 2] ?? '')) continue
    if (!/[\p{L}\p{N}]/u.test(line[i] ?? '')) continue
    const hit = dateAtStart(line.slice(i))
    if (!hit || hit.precision === 'year') continue
    found.push({ date: hit.date, start: i, end: i + hit.length })
    i += hit.length - 1
  }
  return found
}

/** Words before a date that say it dates the document (a version's date in other languages: VERSION_THEN). */
const DATING_WORDS =
  /\b(?:last\s+)?(?:updated|revised|modified|released?|published|dated?|version|ratified|issued|posted|from|v\d[\w.]*|as of)\b.{0,40}$/i

const ENGLISH_DATE_WORDS =
  /^(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?|(?:mon|tues?|wed(?:nes)?|thu(?:rs?)?|fri|sat(?:ur)?|sun)(?:day)?|st|nd|rd|th|of)$/i

/** A date written with a month name of another language or in CJK characters. */
function foreignDate(written: string): boolean {
  if (/[年月日]/.test(written) || /^\d{1,2}\.\s/.test(written)) return true
  return (written.match(/\p{L}+/gu) ?? []).some((w) => !ENGLISH_DATE_WORDS.test(w))
}

/** The same in Chinese and Japanese: "版本 6.03，二零二一年十一月", "更新日：2023年1月2日", "発行 2020年4月". */
const CJK_DATING_WORDS =
  /(?:版本|更新|修订|修訂|发布|發布|发行|發行|発行|改訂|日期|日付)[^。]{0,40}$/u

/**
 * A date anywhere in the line (the most precise one), with whether a dating keyword precedes it and how long it is
 * as written ("2007 年 1 月 30 日": 15 characters for the 10 of 2007-01-30).
 */
export function dateInLine(
  line: string,
): { date: PartialDate; keyword: boolean; written: number } | null {
  let best: { date: PartialDate; start: number; end: number } | null = null
  for (const hit of datesInLine(line)) if (!best || hit.date.length > best.date.length) best = hit
  if (!best) return null
  const before = line.slice(0, best.start)
  // A line opening with a date is a dateline ("April 24, 2025 China and Kenya…") when the date is written in English
  // or in figures; "diciembre de 2015 en su casa…", "2008年12月26日 Thiemo Seufer が…" open sentences of prose.
  const written = line.slice(best.start, best.end)
  const keyword =
    DATING_WORDS.test(before) ||
    CJK_DATING_WORDS.test(before) ||
    (/^\s*[([]?\s*$/.test(before) && !foreignDate(written))
  return { date: best.date, keyword, written: best.end - best.start }
}

const COPYRIGHT = /(?:copyright|©|\(c\))/i

/** Marks with no letter or digit: brackets, punctuation, symbols ("¡", "*", "†"), spaces. */
const MARKS = /^[\p{P}\p{S}\p{Z}\s]*/u

/**
 * A line that is a date and nothing else but marks before or after it: "January 2002¡" (amsfndoc.pdf, where a stray
 * "<" typed in a TeX OT1 font prints as "¡"), "(12 March 2021)", "— 2003-02-01 —". A day or a month, never a year
 * alone; a line with any other word or number is no date line (a sentence that mentions a date).
 */
export function dateAlone(line: string): PartialDate | null {
  const lead = MARKS.exec(line)?.[0].length ?? 0
  const hit = dateAtStart(line.slice(lead))
  if (!hit || hit.precision === 'year') return null
  const rest = line.slice(lead + hit.length)
  return (MARKS.exec(rest)?.[0].length ?? 0) === rest.length ? hit.date : null
}

/**
 * A label saying that what follows is the latest revision's date: "Last updated:", "Latest editorial change:"
 * (hyph-utf8.pdf), "Revised", "Last modified", "Dernière modification", "mis à jour le", "Zuletzt geändert", "Stand:",
 * "最終更新", "更新日", "改訂". The date is on the label's line after it, or alone on the next line.
 */
const REVISION_LABEL =
  /(?:(?<!\p{L})(?:(?:last|latest|most\s+recent)\b[\p{L}\s]{0,30}?\b(?:change[sd]?|update[sd]?|revi(?:sed|sion)|modifi(?:ed|cation)|edit(?:ed)?)|(?:last\s+)?(?:updated|revised|modified)(?:\s+on)?|dernière\s+(?:modification|mise\s+à\s+jour|révision)|mise?\s+à\s+jour(?:\s+le)?|révisée?\s+le|zuletzt\s+(?:geändert|aktualisiert|überarbeitet)|stand|última\s+(?:actualización|modificación|revisión)|ultim[oa]\s+aggiornamento)(?!\p{L})|最終更新日?|更新日|改訂日?|最后更新|最後更新)\s*[:：]?\s*/iu

/**
 * A version and its date: "version 12.18, publiée le 2023-03-06" (developers-reference.fr.txt), "(第2.100版)
 * (2023-02-04 11:59:01 UTC)" (debian-reference.ja), "（版本 2.100）(2023-02-04 …)", "v1.4 (2021/03/01)". The date
 * of the version at hand, however long the paragraph around it: a date at most 30 characters after a dotted version
 * number, with no other number between them. A licence's version ("GPL version 2 (June 1991)") is not the document's.
 */
const LICENCE = /\blicen[cs]e|\bGPL\b|\bLizenz|\bpublic license/i
// Marathi/Hindi आवृत्ती, संस्करण, Arabic الإصدار, Persian نسخه, Thai รุ่น, then a colon maybe and the number in any digits:
// "आवृत्ती:  ०.६ (१६ डिसेंबर, २०२१)" (aalok's README).
const VERSION_THEN =
  /(?:(?:(?<!\p{L})(?:version|versión|versione|versão|release|revision|edition|édition|ausgabe|v|आवृत्ती|संस्करण|الإصدار|نسخه|รุ่น)(?![\p{L}\p{M}])|版本|バージョン|第)\s*:?\s*["“«]?\s*\p{Nd}+(?:\.\p{Nd}+)+[a-z]?\s*版?|\d+(?:\.\d+)+\s*版)\s*["”»]?[^\p{Nd}\n]{0,30}$/iu

/**
 * A list item is a changelog's or a file list's entry ("*** v0.1 - 2011/03/10 ***", "+ URbeamer.cls v2.0(2017/04/05)"),
 * and "version 1.2, October 1996 or later" a requirement: neither dates this document. (A file list's
 * "URbeamer.cls v2.0(2017/04/05)" comes after the bundle's own "urcls 2019/01/31 v2.1": the first version wins.)
 */
const NOT_THIS_VERSION =
  /^\s*(?:[*+•‣◦]+|-(?!-))\s|\bor\s+(?:later|newer|higher|above)\b|\brequire/i

/** A date and then its version, as LaTeX packages print themselves: "urcls 2019/01/31 v2.1". */
const DATE_THEN_VERSION = /^\s*[,;]?\s*v(?:ersion)?\s*\d+(?:\.\d+)+\b/i

/** The first date in the line that comes with a version number. */
function versionDate(line: string): Candidate<PartialDate> | null {
  if (NOT_THIS_VERSION.test(line)) return null
  for (const hit of datesInLine(line))
    if (
      VERSION_THEN.test(line.slice(Math.max(0, hit.start - 60), hit.start)) ||
      DATE_THEN_VERSION.test(line.slice(hit.end, hit.end + 20))
    ) {
      const around = line.slice(Math.max(0, hit.start - 40), hit.end)
      return candidate(hit.date, 'text', 0.8, `a version's date: "${oneLine(around, 70)}"`)
    }
  return null
}

/** The date a revision label gives, on its line or the next one with words; null when the line has no such label. */
function revisionDate(lines: string[], i: number): { date: PartialDate; label: string } | null {
  const line = lines[i] ?? ''
  const label = REVISION_LABEL.exec(line)
  if (!label) return null
  const after = line.slice(label.index + label[0].length)
  const listed = datesInLine(after)
  const here = listed[0]
  if (here && here.start <= 3) {
    // "revised 2002-02-25, 2016-11-14, …, 2020-02-18" (amsldoc.pdf): the latest revision listed.
    let latest = here
    for (const next of listed.slice(1)) {
      if (
        !/^[\s,;&]*(?:and\s+)?$/.test(after.slice(latest.end, next.start)) &&
        next.start > latest.end + 6
      )
        break
      if (next.date > latest.date) latest = next
    }
    return { date: latest.date, label: oneLine(line, 80) }
  }
  if (after.trim()) return null
  let k = i + 1
  while (k < lines.length && k <= i + 2 && !lines[k]?.trim()) k++
  const next = dateAlone((lines[k] ?? '').trim())
  return next ? { date: next, label: oneLine(`${line.trim()} ${lines[k]?.trim()}`, 80) } : null
}

/**
 * Dated lines near the top, never a copyright line. APA cites the version being read, so a labelled latest revision
 * ("Latest editorial change: 16 Mars 2018" under "Main description: June 2011") comes first, then a date alone on its
 * line, a line labelled "Date:", a version's date ("version 12.18, publiée le 2023-03-06"), a date after a dating
 * word.
 */
function headDate(
  lines: string[],
  from: number,
  to: number,
  versionTo: number,
): Candidate<PartialDate> | null {
  let fallback: Candidate<PartialDate> | null = null
  let lone: Candidate<PartialDate> | null = null
  let version: Candidate<PartialDate> | null = null
  for (let i = from; i < Math.min(Math.max(to, versionTo), lines.length); i++) {
    const raw = (lines[i] ?? '').trim()
    if (!raw || COPYRIGHT.test(raw)) continue
    // Below the title block only a version's date is read (a licence and a list of copyrights can come first:
    // developers-reference.fr.txt names its version 37 lines down).
    if (i >= to) {
      if (!version && !LICENCE.test(raw)) version = versionDate(raw)
      continue
    }
    const revised = revisionDate(lines, i)
    if (revised) return candidate(revised.date, 'text', 0.87, `"${revised.label}"`)
    if (!version && !LICENCE.test(raw)) version = versionDate(raw)
    const line = raw
    if (line.length > 160 || lone) continue
    const found = dateInLine(line)
    if (!found) continue
    const alone =
      line.replace(/[()[\],.]/g, '').trim().length <= found.date.length + 16 &&
      /^[\s([]*(?:\w+\s+)?[\d\p{L}]/u.test(line) &&
      dateAtStart(line.replace(/^[\s([]+/, '')) !== null
    const single = alone ? found.date : dateAlone(line)
    if (single) lone = candidate(single, 'text', 0.8, 'date line under the title')
    else if (found.keyword && !fallback && !LICENCE.test(line) && !NOT_THIS_VERSION.test(line))
      fallback = candidate(found.date, 'text', 0.75, `"${oneLine(line, 60)}"`)
  }
  return (
    lone ??
    (fallback?.detail && DATE_LABEL.test(fallback.detail) ? fallback : null) ??
    version ??
    fallback
  )
}

/** A line labelled as the date ("Date: 1997/03/08"): surer than a version's date in the same head. */
const DATE_LABEL = /(?:^|\s|")(?:date|datum|fecha|data)\s*:/i

/** Labels of a byline, in the languages the library holds; a CJK label needs no space before the name. */
const AUTHOR_WORDS =
  'authors?|author\\(s\\)|by|written\\s+by|verfasser(?:in)?|auteurs?|autor(?:en|in|es)?|autore|autori|rédigé\\s+par|geschrieben\\s+von|escrito\\s+por'
/**
 * Byline labels in scripts without capitals, each followed by a colon or a space: Thai โดย ("by"), ผู้เขียน, ผู้แต่ง
 * ("author"); Hindi and Marathi लेखक, लेखिका; Arabic تأليف, بقلم, المؤلف; Persian نویسنده, مؤلف, نگارش. Thai writes no
 * space between words, so a space or a colon must follow ("โดยทั่วไป", "in general", opens no byline).
 */
const CASELESS_AUTHOR_WORDS = 'โดย|ผู้เขียน|ผู้แต่ง|लेखक|लेखिका|تأليف|بقلم|المؤلف|نویسنده|مؤلف|نگارش'
const AUTHOR_LINE = new RegExp(
  `^\\s*:?(?:(?:${AUTHOR_WORDS})\\s*:?\\s+|(?:作者|著者|执笔|執筆|编者|編者)\\s*[:：]\\s*|(?:${CASELESS_AUTHOR_WORDS})(?:\\s*[:：]\\s*|\\s+))(\\S.{1,200})$`,
  'iu',
)
const AUTHOR_LABEL = new RegExp(
  `^\\s*:?(?:authors?|author\\(s\\)|auteurs?|autor(?:en)?|作者|著者|${CASELESS_AUTHOR_WORDS})\\s*[:：]?\\s*$`,
  'iu',
)
/**
 * The people who keep the work ("Maintainer: Christian Tellechea", "Maintained by Joseph A. Wright", and
 * "Maintainers of the hyph-utf8 package and collectors of patterns:" over "• Mojca Miklavec, Arthur Reutenauer"):
 * its authors when the work names no author.
 */
// Capitalised: a label, not a sentence's wrapped tail ("…based on the package seuthesis\nmaintained by Xu Yuan").
const MAINTAINER_LINE = /^\s*(?:(?:Maintainers?|MAINTAINERS?)\s*:|Maintained\s+by)\s*(\S.{1,200})$/
const MAINTAINER_LABEL = /^\s*(?:Maintainers?|MAINTAINERS?)\b[^:.;]{0,80}:\s*$/
/**
 * A package's control fields around the line ("Package:", "Version:", "Depends:"…): the "Maintainer:" there is an
 * example's (the Debian Administrator's Handbook prints "Maintainer: APT Development Team" in one), not a byline.
 */
const CONTROL_FIELD =
  /^\s*(?:package|source|version|architecture|depends|pre-depends|recommends|suggests|section|priority|standards-version|build-depends|homepage|uploaders|installed-size|description|essential|multi-arch|vcs-[\w]+)\s*:/i
function controlFields(lines: string[], i: number): boolean {
  for (let k = Math.max(0, i - 4); k <= i + 4 && k < lines.length; k++)
    if (k !== i && CONTROL_FIELD.test(lines[k] ?? '')) return true
  return false
}

/** A list mark before a name: "• Mojca Miklavec", "* Jane Doe", "- Jane Doe". */
const LIST_MARK = /^\s*[•*·‣◦–-]\s+/u

/** Names on a byline's value; [] when it names nobody. */
function namesIn(value: string): string[] {
  return splitAuthors(value.replace(LIST_MARK, '')).filter(
    (a) => looksLikeName(a) || CJK_NAME.test(a) || CASELESS_NAME.test(a),
  )
}

/** A name written in Chinese, Japanese or Korean characters (no capitals to go by): "青木 修" after "作者：". */
const CJK_NAME = /^[\p{sc=Han}\p{sc=Hiragana}\p{sc=Katakana}\p{sc=Hangul}・ ]{2,16}$/u
/**
 * A name after a byline label in a script without capitals: one to four words of Arabic, Thai, Devanagari or Bengali
 * letters and their marks ("توفيق الحكيم", "निरंजन", "สมชาย ใจดี"), nothing else on the line.
 */
const CASELESS_NAME =
  /^(?:[\p{sc=Arabic}\p{M}]{2,20}|[\p{sc=Thai}\p{M}]{2,20}|[\p{sc=Devanagari}\p{M}]{2,20}|[\p{sc=Bengali}\p{M}]{2,20})(?: [\p{sc=Arabic}\p{sc=Thai}\p{sc=Devanagari}\p{sc=Bengali}\p{M}]{2,20}){0,3}$/u

/** The value of a label standing alone on its line: the next line with words (a list mark taken off). */
function valueBelow(lines: string[], i: number): string | null {
  let k = i + 1
  while (k < lines.length && !lines[k]?.trim() && k < i + 3) k++
  return lines[k] ?? null
}

/**
 * A byline's value cut inside its brackets at the line's end: a PDF's DocBook "COLLABORATORS" table wraps its cell,
 * "WRITTEN BY Osamu Aoki (青木" over "修)", and the citation printed the author "Osamu Aoki (青木". What the open
 * bracket holds (here the name again, in Han) is left out: the name before it is whole, as the German, Spanish and
 * Indonesian editions print it ("Osamu Aoki"), and a citation takes no family name from inside brackets.
 */
function closedValue(value: string): string {
  const open = (value.match(/[(（[]/gu)?.length ?? 0) - (value.match(/[)）\]]/gu)?.length ?? 0)
  return open > 0 ? value.replace(/\s*[(（[][^()（）[\]]*$/u, '') : value
}

/**
 * "Author: X", ":author: X" (repeatable), "Written by X", "Auteur : X", "作者：X", or a label with the names on the next
 * line; failing those, the maintainers' line.
 */
function headAuthors(lines: string[], from: number, to: number): Candidate<string[]> | null {
  const names: string[] = []
  const keepers: string[] = []
  for (let i = from; i < Math.min(to, lines.length); i++) {
    const line = lines[i] ?? ''
    if (COPYRIGHT.test(line)) continue
    const raw =
      AUTHOR_LINE.exec(line)?.[1] ?? (AUTHOR_LABEL.test(line) ? valueBelow(lines, i) : null)
    const value = raw ? closedValue(raw) : null
    if (value) {
      for (const a of namesIn(value)) if (!names.includes(a)) names.push(a)
      continue
    }
    const kept = controlFields(lines, i)
      ? null
      : (MAINTAINER_LINE.exec(line)?.[1] ??
        (MAINTAINER_LABEL.test(line) ? valueBelow(lines, i) : null))
    if (kept) for (const a of namesIn(kept)) if (!keepers.includes(a)) keepers.push(a)
  }
  if (names.length > 0) return candidate(names, 'text', 0.8, 'author line')
  return keepers.length > 0 ? candidate(keepers, 'text', 0.7, 'maintainers line') : null
}

const MAILBOX = /^(.+?)\s*<[^<>\s@]+@[^<>\s@]+\.[^<>\s@]+>$/

/**
 * The line under a title that is a name and an e-mail address, as DocBook, AsciiDoc and pandoc print a byline in
 * plain text ("Équipe du guide de référence pour Debian <developers-reference@packages.debian.org>" under
 * developers-reference.fr.txt's title, the address wrapped at its hyphen). Only the first block under the title;
 * a copyright line is never a byline.
 */
function mailboxByline(lines: string[], titleLine: number): Candidate<string[]> | null {
  let k = titleLine + 1
  if (RULE.test(lines[k] ?? '')) k++
  while (k < lines.length && k <= titleLine + 4 && !lines[k]?.trim()) k++
  const names: string[] = []
  for (let n = 0; n < 4 && k < lines.length && lines[k]?.trim(); n++) {
    let line = (lines[k++] ?? '').trim()
    // An address wrapped inside the brackets: "<developers-" + "reference@packages.debian.org>".
    if (/<[^>]*$/.test(line) && k < lines.length) line += (lines[k++] ?? '').trim()
    const m = MAILBOX.exec(line)
    if (!m || COPYRIGHT.test(line)) return null
    // A labelled name (":Editor: …", ".. moduleauthor:: …") is another rule's: editors are no authors.
    const name = /:/.test(m[1] ?? '') ? null : cleanName(m[1] ?? '')
    if (!name || !(looksLikeName(name) || looksLikeOrganisation(name))) return null
    names.push(name)
  }
  return names.length > 0 ? candidate(names, 'text', 0.8, 'name and e-mail under the title') : null
}

const MASTHEAD =
  /^(?:the white house|office of the [\w\s]+|for immediate release|press release|news release|embargoed.*|immediate release|statement|media advisory)$/i

/**
 * A line holding a date, skipped with mastheads before a title ("October 8, 2010", "$Id: README,v 3.11 2010/05/06"),
 * unless the date is written in CJK or another language's month names: "2023 年 1 月 1 日 星期日 晴 ⸺ 公寓" is a
 * diary's entry (jwjournal-demo-cn.pdf), and skipping it made a later entry the title.
 */
function datedLabel(line: string): boolean {
  if (dateAlone(line) !== null) return true
  return datesInLine(line).some((hit) => !foreignDate(line.slice(hit.start, hit.end)))
}

/** The first one- or two-line paragraph that reads as a title, skipping mastheads, notices and date-only blocks. */
function paragraphTitle(
  lines: string[],
  from: number,
  to: number,
): { title: string; line: number } | null {
  let i = from
  const end = Math.min(to, lines.length)
  while (i < end) {
    while (i < end && !lines[i]?.trim()) i++
    const start = i
    const block: string[] = []
    while (i < end && lines[i]?.trim()) block.push((lines[i++] ?? '').trim())
    if (block.length === 0) break
    const rules = block.filter((l) => RULE.test(l))
    const words = block.filter((l) => !RULE.test(l))
    // A masthead or a block of dates and labels: look further.
    if (words.every((l) => MASTHEAD.test(l) || datedLabel(l) || l.length < 4)) continue
    if (words.length > 0 && words.length <= 2 && rules.length === 0) {
      // Joined by oneLine: a wrap inside Chinese/Japanese words gets no space.
      const text = oneLine(words.join('\n'), 300)
      if (
        words.every((l) => readsAsTitle(l)) &&
        !/^(?:written by|by)\b/i.test(text) &&
        !AUTHOR_LINE.test(text)
      )
        return { title: text, line: start }
    }
    // A wrapped prose paragraph first (a notice, an abstract): the title, if any, is in a later block.
    if (words.length >= 3) continue
    if (words.length > 0) return null
  }
  return null
}

/** Read the head of a text. */
export function headMetadata(text: string): HeadMetadata {
  const head = text.slice(0, HEAD_CHARS)
  const lines = head.split('\n').slice(0, HEAD_LINES)
  const none: HeadMetadata = { title: null, authors: null, date: null, bodyStart: 0 }
  if (lines.every((l) => !l.trim())) return none

  const mail = emailHeaders(lines)
  if (mail) {
    const h = mail.headers
    const subject = h
      .get('subject')
      ?.replace(/^(?:(?:re|fwd?|aw|sv):\s*)+/i, '')
      .trim()
    const from = h.get('from')
    const dateValue = h.get('date')
    const date = dateValue
      ? (dateAtStart(dateValue.replace(/^[A-Za-z]{3},?\s+/, ''))?.date ?? null)
      : null
    const titleAt = underlinedTitle(lines, mail.end, mail.end + 12)
    const heading = titleAt !== null ? oneLine(lines[titleAt] ?? '', 300) : null
    const authors = splitAuthors(from)
    return {
      title: heading
        ? candidate(heading, 'text', 0.85, 'title under the e-mail headers')
        : subject
          ? candidate(oneLine(subject, 300), 'text', 0.8, 'e-mail Subject: header')
          : null,
      authors: authors.length > 0 ? candidate(authors, 'text', 0.85, 'e-mail From: header') : null,
      date: date ? candidate(date, 'text', 0.9, 'e-mail Date: header') : null,
      bodyStart: lines.slice(0, mail.end).join('\n').length,
    }
  }

  const rfc = rfcHead(lines)
  if (rfc) return { ...rfc, bodyStart: 0 }

  const boxed = boxedTitle(lines)
  const underlined = underlinedTitle(lines, 0, 30)
  const plain = paragraphTitle(lines, 0, 40)
  let title: Candidate<string> | null = null
  let titleLine = 0
  if (boxed) {
    title = candidate(boxed.title, 'text', 0.8, 'title in a box')
    titleLine = boxed.line
  } else if (underlined !== null && (plain === null || underlined <= plain.line + 2)) {
    title = candidate(oneLine(lines[underlined] ?? '', 300), 'text', 0.85, 'underlined title')
    titleLine = underlined
  } else if (plain) {
    const centred = /^\s{6,}\S/.test(lines[plain.line] ?? '')
    title = candidate(
      plain.title,
      'text',
      centred ? 0.8 : 0.65,
      centred ? 'centred title line' : 'first line',
    )
    titleLine = plain.line
  }
  const from = Math.max(0, titleLine - 4)
  return {
    title,
    authors:
      headAuthors(lines, from, titleLine + 20) ??
      (title ? mailboxByline(lines, titleLine) : null) ??
      (boxed?.author ? candidate([boxed.author], 'text', 0.75, 'name in the title box') : null),
    date: headDate(lines, 0, titleLine + 24, titleLine + 40),
    bodyStart: 0,
  }
}

/** A single name from a "Written by" style line, for callers that have one line. */
export const nameFromLine = (line: string): string | null => {
  const n = cleanName(line)
  return n && looksLikeName(n) ? n : null
}
