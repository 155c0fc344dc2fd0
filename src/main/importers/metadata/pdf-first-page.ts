/**
 * PDF metadata weighed against the first page, as a reader sees it: the largest type near the top is the title, the
 * name lines under it (affiliations, e-mail and URL lines skipped) are the authors, a date line under them is the
 * date. The Info dictionary and XMP are believed when the page agrees (their title or an author's surname is on the
 * page); generic values ("Microsoft Word - draft.docx", logins, tool names) are dropped. The creation date is a file
 * stamp unless its year is printed on the first pages. Only the first pages are ever read here.
 */
import type { PartialDate } from '@shared/contract'
import { parseDate } from '../dates'
import { unfoldArabicForms } from '../extractors/pdf-bidi'
import { oneLine } from '../normalise'
import type { ExtractedDocument } from '../types'
import { cleanName, looksLikeName, splitAuthors } from './authors'
import { genericTitle, sectionHeading } from './finish'
import { foldName, printedSpelling } from './printed-spelling'
import { type Candidate, candidate, setBest, setField } from './provenance'
import { dateAlone, dateInLine, datesInLine } from './text-head'

/**
 * A positioned run of text on page 1 (what pdf.ts calls a fragment). size: its largest type; textSize: the size most
 * of its characters are in; font/fonts: pdf.js's ids of the fonts it was set in (the main one, and all). Fragments
 * without them count as one size and one font.
 */
export type PageFragment = {
  text: string
  x: number
  right: number
  y: number
  size: number
  textSize?: number
  font?: string
  fonts?: string[]
}

export type PdfEmbedded = {
  title: string | null
  author: string | null
  creationDate: string | null
  xmpDate: string | null
}

const JUNK_TITLE =
  /^(?:untitled|microsoft (?:word|powerpoint|excel)\b|document\d*$|slide \d+$|presentation\d*$|\s*$)|\.(?:docx?|pptx?|pdf|tex|dvi|indd|qxd|rtf|odt)$/i

/**
 * The largest type on page 1 that is not the work's title: a section heading ("Contents of this document" in
 * amsfndoc.pdf), or the labels of a figure-only page ("R R a" in transistor.pdf): finish.ts's rules for any format.
 */
export function notATitle(title: string): boolean {
  return sectionHeading(title) || genericTitle(title)
}

/**
 * An organisation printed under a person's name is where they work ("Korean TeX Users Group" under Jin-Hwan Cho):
 * words that name no person ("House" or "Press" can be a surname, so they are not here).
 */
const ORGANISATION =
  /\b(?:group|society|association|institute|team|committee|consortium|foundation|council|project|laborator(?:y|ies))\b/i

const AFFILIATION =
  /\b(?:universit|institut|department|dept\.|laborator|college|school|centre|center|inc\.?$|ltd|gmbh|corporation|faculty|academy|hospital|@|https?:|www\.)/i

/**
 * A footnote mark: a few digits or reference symbols set smaller than the text they follow (`textSize`) and raised
 * `rise` above its baseline: a title's \thanks "1", an author's "²" pointing to an e-mail. Letters never are: the
 * LaTeX logo's raised "A" is part of the word.
 */
export function footnoteMark(text: string, size: number, rise: number, textSize: number): boolean {
  return (
    size <= 0.85 * textSize && rise >= 0.2 * textSize && /^[\d*∗†‡§¶,]{1,4}$/u.test(text.trim())
  )
}

/** The LaTeX logos come out of pdf.js as spaced capitals ("L AT EX", "T EX"). */
export function tidyLogos(s: string): string {
  return s
    .replace(/\bL\s*A\s*T\s*E\s*X(?=\d|\b)/g, 'LaTeX') // "The LATEX3 Project" too
    .replace(/\bLATeX(?=\d|\b)/g, 'LaTeX') // its lowered E read as a small letter
    .replace(/\b(pdf|Xe|Lua|e|)T\s*E\s*X\b/g, (_m, p: string) => `${p}TeX`)
    .replace(/\s*[∗⋆†‡]+\s*$/u, '')
    .replace(/\s+/g, ' ')
    .trim()
}

const fold = (s: string): string =>
  tidyLogos(s)
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim()

/**
 * Accents off too: "Petr Olšák" on the page and "Petr Olsak" in Info are one name. Only for Info typed in ASCII (then
 * cited as printed, respell below): Info with accents of its own must match as printed ("třidy" is not "třídy").
 */
const foldAccents = (s: string): string => foldName(tidyLogos(s))
const ascii = (s: string): boolean => /^[\x20-\x7e]*$/.test(s)

/**
 * A visual line: its text, baseline, largest type size, the size and the font most of its characters are in, all its
 * fonts, and its cells (pieces apart by a wide gap: names set side by side).
 */
type Line = {
  text: string
  y: number
  size: number
  textSize: number
  font: string
  fonts: Set<string>
  cells: string[]
}

/**
 * Two-column pages (TUGboat, most journals) are read as pdf.ts reads them: full-width blocks in turn, and between
 * them the left column, then the right one. Otherwise a title set at the top of the left column reads as one line with
 * the right column's prose beside it. Returns the page's fragments in blocks, top to bottom.
 */
function columnBlocks(fragments: PageFragment[]): PageFragment[][] {
  // Columns of prose have many lines; a title page or a slide (tens of pieces) is read as it is.
  if (fragments.length < 40) return [fragments]
  const lo = fragments.reduce((m, f) => Math.min(m, f.x), Number.POSITIVE_INFINITY)
  const hi = fragments.reduce((m, f) => Math.max(m, f.right), Number.NEGATIVE_INFINITY)
  const mid = (lo + hi) / 2
  // Columns are counted by their lines of prose: page numbers at the right of a table of contents are no column.
  const wide = (f: PageFragment): boolean => f.right - f.x >= 0.3 * (hi - lo)
  const left = fragments.filter((f) => f.right <= mid + 2 && wide(f))
  const right = fragments.filter((f) => f.x >= mid - 2 && wide(f))
  const share = fragments.length * 0.2
  if (left.length < Math.max(5, share) || right.length < Math.max(5, share)) return [fragments]
  // A row with a fragment across the middle is one line, all of it ("The L" | "ATEX Extension Package" around a
  // centred title's raised A), and so are pieces that meet at the middle: no gutter between them.
  const isLeft = (f: PageFragment): boolean => f.right <= mid + 2
  const isRight = (f: PageFragment): boolean => f.x >= mid - 2
  const whole = new Set<PageFragment>()
  const sameRow = (a: PageFragment, b: PageFragment): boolean =>
    Math.abs(a.y - b.y) <= 0.5 * Math.max(a.size, b.size)
  // Only fragments within half the page's largest size of `a`'s baseline can share its row: scanned in y order, so a
  // dense page (tens of thousands of pieces) costs n log n, not n².
  const byY = [...fragments].sort((p, q) => p.y - q.y)
  const reach = 0.5 * byY.reduce((m, f) => Math.max(m, f.size), 0)
  const firstAtOrAbove = (y: number): number => {
    let lo = 0
    let hi = byY.length
    while (lo < hi) {
      const m = (lo + hi) >> 1
      if ((byY[m] as PageFragment).y < y) lo = m + 1
      else hi = m
    }
    return lo
  }
  for (const a of fragments) {
    const crosses = !isLeft(a) && !isRight(a)
    const nearMid = isLeft(a) && a.right > mid - 3 * a.size
    if (!crosses && !nearMid) continue
    for (let i = firstAtOrAbove(a.y - reach); i < byY.length; i++) {
      const b = byY[i] as PageFragment
      if (b.y > a.y + reach) break
      if (
        b !== a &&
        sameRow(a, b) &&
        (crosses || (isRight(b) && b.x - a.right < Math.max(a.size, b.size)))
      ) {
        whole.add(a)
        whole.add(b)
      }
    }
  }
  const blocks: PageFragment[][] = []
  let full: PageFragment[] = []
  let leftBlock: PageFragment[] = []
  let rightBlock: PageFragment[] = []
  const flushColumns = (): void => {
    for (const b of [leftBlock, rightBlock]) if (b.length > 0) blocks.push(b)
    leftBlock = []
    rightBlock = []
  }
  for (const f of [...fragments].sort((p, q) => q.y - p.y || p.x - q.x)) {
    const column = whole.has(f) ? null : isLeft(f) ? leftBlock : isRight(f) ? rightBlock : null
    if (column) {
      if (full.length > 0) blocks.push(full)
      full = []
      column.push(f)
    } else {
      flushColumns()
      full.push(f)
    }
  }
  if (full.length > 0) blocks.push(full)
  flushColumns()
  return blocks
}

/**
 * Fragments → visual lines, top to bottom. A fragment belongs to a line when its baseline is within half the line's
 * type size (raised and lowered letters of logos stay on their line), and a line's fragments are read left to right.
 */
function toLines(fragments: PageFragment[]): Line[] {
  return columnBlocks(fragments).flatMap(blockLines)
}

function blockLines(fragments: PageFragment[]): Line[] {
  const groups: { y: number; size: number; parts: PageFragment[] }[] = []
  for (const f of [...fragments].sort((a, b) => b.size - a.size)) {
    const group = groups.find((g) => Math.abs(g.y - f.y) <= 0.5 * g.size)
    if (group) group.parts.push(f)
    else groups.push({ y: f.y, size: f.size, parts: [f] })
  }
  return groups
    .sort((a, b) => b.y - a.y)
    .map((g) => {
      // Footnote marks set apart from the word they follow ("介绍" then a raised "1") are no part of the line.
      const parts = g.parts
        .sort((a, b) => a.x - b.x)
        .filter((p, i, all) => {
          const before = all[i - 1]
          return !(
            before &&
            p.x - before.right < 0.5 * g.size &&
            footnoteMark(p.text, p.size, p.y - before.y, before.textSize ?? before.size)
          )
        })
      let text = ''
      let right = Number.NEGATIVE_INFINITY
      const perFont = new Map<string, number>()
      const perSize = new Map<number, number>()
      const fonts = new Set<string>()
      const cells: string[] = []
      for (const p of parts) {
        const gap = p.x - right
        if (cells.length === 0 || gap > 2 * g.size) cells.push(p.text)
        else cells[cells.length - 1] += gap > 0.15 * g.size ? ` ${p.text}` : p.text
        text += text && gap > 0.15 * g.size ? ` ${p.text}` : p.text
        right = Math.max(right, p.right)
        const main = p.font ?? ''
        perFont.set(main, (perFont.get(main) ?? 0) + p.text.length)
        const size = p.textSize ?? p.size
        perSize.set(size, (perSize.get(size) ?? 0) + p.text.length)
        for (const f of p.fonts ?? [main]) fonts.add(f)
      }
      const most = <K>(m: Map<K, number>): K | undefined =>
        [...m.entries()].sort((a, b) => b[1] - a[1])[0]?.[0]
      return {
        text: tidyLogos(text),
        y: g.y,
        size: g.size,
        textSize: most(perSize) ?? g.size,
        font: most(perFont) ?? '',
        fonts,
        cells: cells.map(tidyLogos),
      }
    })
    .filter((l) => /\S/.test(l.text))
}

/** No font in common: a line set in another face (bold title, roman byline) even where the type size is the same. */
const otherFonts = (a: Line, b: Line): boolean => ![...a.fonts].some((f) => b.fonts.has(f))

/**
 * A name printed in Chinese characters, each followed by its romanisation in capitals, surname first
 * ("趙CHO, 珍JIN 煥HWAN" on tug2003-slides.pdf): the person as a Latin citation names them ("Jin Hwan Cho").
 * The hyphen of "Jin-Hwan" is not printed, so none is added.
 */
export function romanisedName(line: string): string | null {
  const m = /^(?:\p{sc=Han}\s*)?(\p{Lu}+),\s*((?:(?:\p{sc=Han}\s*)?\p{Lu}+\s*){1,3})$/u.exec(
    line.trim(),
  )
  if (!m || !/\p{sc=Han}/u.test(line)) return null
  const cap = (w: string): string => w.charAt(0) + w.slice(1).toLowerCase()
  const given = (m[2] ?? '')
    .replace(/\p{sc=Han}/gu, ' ')
    .trim()
    .split(/\s+/)
  return [...given, m[1] ?? ''].map(cap).join(' ')
}

/**
 * A word no person's name has: a number standing alone ("ICT Call 1") or a small word other than a particle
 * ("Welcome to LaTeX News 2", a heading once its column is read apart). Abbreviated titles ("prof.") are let be.
 */
const NOT_IN_A_NAME =
  /^(?:\d+|(?!(?:v[ao]n|van|vom|der|den|ten|ter|op|de|da|das|dos|des|du|di|del|della|dei|degli|la|le|bin|ibn|al|el|y|zu|zur)$)\p{Ll}+)$/u

/** People named on a line of the title block ("A and B", "A, B"), or [] when it is not a name line. */
function namesOn(line: string): string[] {
  // A byline label before the names ("英文作者： Tobias Oetiker", lshort-zh-cn: the original's authors) is no name.
  const text = line.replace(AUTHOR_LABEL, '')
  // "نویسنده و نگه‌دارنده‌ی بسته: شاپور مددپور": Arabic-script names have no capitals; the label says they are names.
  const labelled = RTL_AUTHOR_LABEL.exec(line)
  if (labelled) {
    const name = line.slice(labelled[0].length).trim()
    return ARABIC_SCRIPT_NAME.test(name) ? [name] : []
  }
  const romanised = romanisedName(text)
  if (romanised) return [romanised]
  // Affiliation marks set apart from the name ("Aaron Feickert a , Jonathan Totushek a , and C. Igathinathane b").
  const unmarked = text.replace(
    /(?<=\p{L}{2})\s+[a-z](?:\s*,\s*[a-z])*(?=\s*(?:[,;∗*]|\band\b|$))/gu,
    '',
  )
  return splitAuthors(unmarked).filter((n) => {
    const words = n.split(/\s+/)
    return words.length >= 2 && looksLikeName(n) && !words.some((w) => NOT_IN_A_NAME.test(w))
  })
}

/**
 * The commonest Chinese surnames (simplified and traditional; compound ones first): a name printed in characters has no
 * capitals to go by, so its first character is what tells "王然" from a heading.
 */
const COMPOUND_SURNAMES =
  /^(?:欧阳|歐陽|司马|司馬|诸葛|諸葛|上官|东方|東方|夏侯|皇甫|尉迟|尉遲|公孙|公孫|慕容|令狐|宇文|长孙|長孫|司徒|端木|轩辕|軒轅)/u
const SURNAMES = new Set(
  '王李张張刘劉陈陳杨楊黄黃赵趙吴吳周徐孙孫马馬朱胡郭何高林罗羅郑鄭梁谢謝宋唐许許韩韓冯馮邓鄧曹彭曾肖蕭田董袁潘于蒋蔣蔡余杜叶葉程苏蘇魏吕呂丁任沈姚卢盧姜崔钟鍾谭譚陆陸汪范範金石廖贾賈夏韦韋付傅方白邹鄒孟熊秦邱江尹薛闫閻段雷侯龙龍史陶黎贺賀顾顧毛郝龚龔邵万萬钱錢严嚴覃武戴莫孔向汤湯常温溫康施文牛樊葛邢安齐齊易乔喬伍庞龐颜顏倪庄莊聂聶章鲁魯岳翟殷詹申欧歐耿关關兰蘭焦俞左柳甘祝包宁寧尚符舒阮柯纪紀梅童凌毕畢单單季裴霍涂塗成苗谷盛曲翁冉骆駱蓝藍路游辛靳管柴蒙鲍鮑华華喻祁蒲房滕屈饶饒解牟艾尤阳陽时時穆农農司卓古吉缪繆简簡车車项項连連芦蘆麦麥褚娄婁窦竇戚岑景党黨宫宮费費卜冷晏席卫衛米柏宗瞿桂全佟应應臧闵閔苟邬鄔边邊卞姬师師和仇栾欒隋商刁沙荣榮巫寇桑郎甄丛叢仲虞敖巩鞏明佘池查麻苑迟遲邝鄺',
)

/**
 * People named in Chinese characters on a line of their own ("王然", "张三、李四"): each name two to four characters
 * from a known surname on. [] unless every part of the line is such a name.
 */
export function chineseNames(line: string): string[] {
  const parts = line
    .trim()
    .split(/\s*[、，,;；]\s*|\s{2,}/u)
    .filter(Boolean)
  const names = parts.filter(
    (p) =>
      /^\p{sc=Han}{2,4}$/u.test(p) &&
      (COMPOUND_SURNAMES.test(p) ? p.length >= 3 : SURNAMES.has(p.charAt(0))),
  )
  return names.length > 0 && names.length === parts.length ? names : []
}

/** An organisation's name in Chinese or Japanese ends with what it is: "LuaTeX-ja プロジェクト", "CTEX 开发小组". */
const CJK_ORGANISATION =
  /(?:プロジェクト|コミュニティ|チーム|グループ|委員会|協会|学会|研究会|项目组|小组|小組|团队|團隊|社区|社區|工作组|委员会)$/u

/**
 * The people and organisations a line of a title block in Chinese or Japanese names, or [] unless every part of it
 * is one: Chinese names (chineseNames); a name and, in brackets, its romanisation or address ("八登崇之（Takayuki
 * YATO）", "吴凌云 (aloft@ctex.org)"); a Japanese name with family and given name apart ("北川 弘典"); an
 * organisation's name ("LuaTeX-ja プロジェクト"); and beside one of those, any name of two to four characters
 * ("奥村晴彦，日本語TeX開発コミュニティ"). Footnote marks after a part are dropped.
 */
export function cjkByline(line: string): string[] {
  // A name and its romanisation or address in brackets, whatever the brackets hold ("八登 崇之 (Takayuki YATO; aka
  // “ZR”)", set a wide gap apart on pxrubrica.pdf).
  const named = bracketedName(line.replace(/\s+/g, ' ').trim())
  if (named) return [named]
  // Two Chinese names set a space apart ("张三 李四") are two people; a Japanese name is one ("北川 弘典").
  const listed = line.replace(
    /(\p{sc=Han}{2,4}) (?=(\p{sc=Han}{2,4})(?!\p{sc=Han}))/gu,
    (m, a: string, b: string) => (chineseNames(`${a}、${b}`).length === 2 ? `${a}、` : m),
  )
  const parts = listed
    .split(/\s*[、，,&＆]\s*|\s{2,}/u)
    .map((p) => p.replace(/[\s*∗†‡]+$/u, '').trim())
    .filter(Boolean)
  const names = parts.map(cjkName)
  // Bare names of two to four characters count only beside a name or an organisation told apart by its form.
  if (names.some((n) => n === null) || !names.some((n) => n)) return []
  return parts.map((p, i) => names[i] || p)
}

/** A name of 2-4 characters (family and given name perhaps apart) and, in brackets, its romanisation or address. */
function bracketedName(text: string): string | null {
  const m = /^(\p{sc=Han}{2,4}|\p{sc=Han}{1,3} \p{sc=Han}{1,3})\s*[（(]([^）)]*)[）)]$/u.exec(text)
  return m && /@|https?:|\p{Lu}\p{L}+\s+\p{Lu}/u.test(m[2] ?? '') ? (m[1] ?? null) : null
}

/** One part of such a line as a name or an organisation; '' for a bare name of 2-4 characters; null otherwise. */
function cjkName(part: string): string | null {
  if (/[（(]/.test(part)) return bracketedName(part)
  // Family and given name apart (two Chinese names apart were split above).
  if (/^\p{sc=Han}{1,3} \p{sc=Han}{1,3}$/u.test(part)) return part
  if (CJK_ORGANISATION.test(part) && part.length <= 40 && /[\p{sc=Han}\p{sc=Katakana}]/u.test(part))
    return withoutKanjiSkip(part)
  const chinese = chineseNames(part)
  if (chinese.length === 1) return chinese[0] ?? null
  return /^\p{sc=Han}{2,4}$/u.test(part) && !PLACE_OF_WORK.test(part) ? '' : null
}

/** A department, school or company, not a person: "数学系", "计算机学院", "研究所", "株式会社". */
const PLACE_OF_WORK = /(?:系|学院|學院|大学|大學|研究所|研究院|公司|中心|会社|部|局)$/u

/**
 * Japanese typesetting puts a quarter-em space between kanji or kana and Latin letters (pTeX's xkanjiskip): on the
 * page, not in the name ("日本語TeX開発コミュニティ", as the PDF's own Author field spells it).
 */
function withoutKanjiSkip(text: string): string {
  if (!/[\p{sc=Hiragana}\p{sc=Katakana}]/u.test(text)) return text
  return text.replace(
    /(?<=[\p{sc=Han}\p{sc=Hiragana}\p{sc=Katakana}ー])\s+(?=[A-Za-z0-9])|(?<=[A-Za-z0-9])\s+(?=[\p{sc=Han}\p{sc=Hiragana}\p{sc=Katakana}])/gu,
    '',
  )
}

/** A byline label in Persian or Arabic: "نویسنده", "مؤلف", "تألیف", "بقلم", "إعداد", up to its colon. */
const RTL_AUTHOR_LABEL =
  /^(?:نویسنده|نويسنده|نگارنده|مؤلف|مولف|المؤلف|تألیف|تأليف|بقلم|إعداد|اعداد)[^:：]{0,40}[:：]\s*/u
/** One to four words in Arabic script and their marks, nothing else. */
const ARABIC_SCRIPT_NAME =
  /^[\p{sc=Arabic}\p{M}\u200c]{2,20}(?: [\p{sc=Arabic}\p{M}\u200c]{2,20}){0,3}$/u

const AUTHOR_LABEL = /^[^:：]{0,8}(?:作者|著者|authors?|autor(?:en)?|auteurs?)[^:：]{0,8}[:：]\s*/iu

/** A label naming the original of a translation: "英文版本：", "原版：", "Original version:", "English edition:". */
const ORIGINAL_EDITION =
  /^(?:英文版本?|英語版|原版|原文版?|原著|原書|original(?:\s+(?:version|edition))?|english\s+(?:version|edition))\s*[:：]/iu

/** A translator's line: "NOMURA Masataka 訳", "译者：goodluck", "Translated by …". */
const TRANSLATOR =
  /^(?:译者|訳者|翻译|翻訳|中文翻译|中文翻譯|translated by|translation:|traduit par|übersetzt von)|\s(?:訳|译|譯)$/iu

const ABSTRACT = /^(?:abstract|summary|zusammenfassung|résumé)\b/i

type Layout = {
  title: string | null
  /** How the title was told apart: the largest type, or its own (bold) face above a byline. */
  titleBy: 'size' | 'font'
  authors: string[]
  date: PartialDate | null
  /** The date was printed alone at the top of the page, not under the title. */
  dateAtTop?: boolean
}

/**
 * The title when no type on the page is clearly bigger than the body (TUGboat preprints, dvipdfmx-special.pdf): a
 * line near the top set in fonts the body is not set in (bold), then a name line in another face, then
 * "Abstract", an affiliation, an e-mail or a date. Without that byline a bold first line is as likely a heading.
 */
function titleByFont(lines: Line[], bodyFont: string): { start: number; end: number } | null {
  for (let start = 0; start < Math.min(5, lines.length); start++) {
    const first = lines[start] as Line
    if (first.fonts.has(bodyFont) || !WORD.test(first.text)) continue
    let end = start
    while (
      end + 1 < lines.length &&
      end - start < 2 &&
      !otherFonts(first, lines[end + 1] as Line) &&
      !(lines[end + 1] as Line).fonts.has(bodyFont)
    )
      end++
    const title = lines
      .slice(start, end + 1)
      .map((l) => l.text)
      .join(' ')
    // A name in bold is a letter's sender or a heading's person ("prof. Walter Daems"), not a title.
    if (
      notATitle(title) ||
      namesOn(title).length > 0 ||
      /[.:;,]$/.test(title) ||
      title.split(/\s+/).length > 20 ||
      dateInLine(title) ||
      /^(?:for\s+)?(?:version|release|edition)\b/i.test(title)
    )
      continue
    // A title is never set smaller than the byline under it.
    const byline = lines[end + 1]
    if (
      !byline ||
      byline.size > first.size + 0.5 ||
      !otherFonts(first, byline) ||
      namesOn(byline.text).length === 0
    )
      continue
    for (const next of lines.slice(end + 2, end + 6)) {
      if (ABSTRACT.test(next.text) || AFFILIATION.test(next.text) || dateInLine(next.text))
        return { start, end }
      if (namesOn(next.text).length === 0) break
    }
  }
  return null
}

/**
 * A date printed alone on one of the page's first lines, above its title or where no title was found (amsfndoc.pdf
 * opens with "January 2002¡" over its prose and contents): lines of prose are never read for it.
 */
function dateAtTop(lines: Line[], before: number): PartialDate | null {
  for (const line of lines.slice(0, Math.min(3, before))) {
    const date = dateAlone(line.text.trim())
    if (date) return date
  }
  return null
}

/**
 * Two letters of a word, a letter's combining marks between them: "छाया" is छ + ा + य + ा, and a fully vocalised
 * Arabic word has a vowel mark after each letter (al-Jahiz.pdf), so two letters in a row would miss both titles.
 */
const WORD = /\p{L}\p{M}*\p{L}/u

/** Vowel signs written before the consonant they follow in speech: Devanagari ि, Bengali ি ে ৈ, Gurmukhi ਿ, Gujarati િ. */
const PRE_BASE_SIGN =
  /(?<![\p{L}\p{M}])([\u093F\u09BF\u09C7\u09C8\u0A3F\u0ABF])((?:\p{L}[\u094D\u09CD\u0A4D\u0ACD])*\p{L})/gu

/**
 * A title as typed, from glyphs some PDFs give in the order they are drawn (no word starts with a combining mark
 * when typed). A pre-base vowel sign drawn first ("िमस पाल", xetex-misspaal.pdf) goes back after its consonants
 * ("मिस पाल"); any other word opening with a mark (vocalised Arabic given left to right, al-Jahiz.pdf:
 * "ُةَجاَجَد" for "دَجاجَةُ") cannot be put right with certainty, and a title in an order nobody typed is no title.
 */
export function logicalOrder(title: string): string | null {
  const fixed = title.replace(PRE_BASE_SIGN, (_, sign: string, cluster: string) => cluster + sign)
  return /(?:^|[\s\p{P}])\p{M}/u.test(fixed) ? null : fixed
}

/** Title, authors and date from the layout of page 1. */
export function firstPageLayout(fragments: PageFragment[]): Layout {
  const none: Layout = { title: null, titleBy: 'size', authors: [], date: null }
  const lines = toLines(fragments).slice(0, 40)
  const worded = lines.filter((l) => WORD.test(l.text))
  if (worded.length === 0) return none
  // The body size and font: the size and the font most characters on the page are set in.
  const chars = new Map<number, number>()
  const fontChars = new Map<string, number>()
  for (const l of worded) {
    chars.set(Math.round(l.size), (chars.get(Math.round(l.size)) ?? 0) + l.text.length)
    fontChars.set(l.font, (fontChars.get(l.font) ?? 0) + l.text.length)
  }
  const bySize = [...chars.entries()].sort((a, b) => b[1] - a[1])
  let body = bySize[0]?.[0] ?? 10
  // A title page has little text: its one- or two-line title can hold the most characters (dvips.pdf: the title,
  // then a version and date line and the author, each in another size). The body is then the next size.
  const biggestSize = Math.max(...[...chars.keys()])
  const biggestLines = worded.filter((l) => Math.round(l.size) === biggestSize)
  if (
    body === biggestSize &&
    bySize.length > 1 &&
    worded.length <= 12 &&
    biggestLines.length <= 2 &&
    biggestLines.reduce((n, l) => n + l.text.length, 0) <= 100
  )
    body = bySize[1]?.[0] ?? body
  const bodyFont = [...fontChars.entries()].sort((a, b) => b[1] - a[1])[0]?.[0] ?? ''
  // The title: the first run of the largest type in the top part of the page, clearly bigger than the body text.
  const top = worded.slice(0, 15)
  const biggest = Math.max(...top.map((l) => l.size))
  let start: number
  let end: number
  let titleBy: Layout['titleBy'] = 'size'
  if (biggest >= body * 1.15) {
    start = lines.findIndex((l) => Math.abs(l.size - biggest) < 0.5 && WORD.test(l.text))
    end = start
    // A next line in the title's size continues it, unless only a few letters of it are that size and it shares
    // no font with the title: "趙CHO, 珍JIN 煥HWAN" under tug2003-slides' title has only its Hanja in that size.
    // Title lines in another face ("Philosophers' Imprint" in italics) stay in the title.
    // A byline set in the title's size ("نویسنده …: شاپور مددپور" on alpha-persian's title page) ends it.
    const continues = (l: Line): boolean =>
      Math.abs(l.size - biggest) < 0.5 &&
      !AUTHOR_LABEL.test(l.text) &&
      !RTL_AUTHOR_LABEL.test(l.text) &&
      (Math.abs(l.textSize - biggest) < 0.5 || !otherFonts(lines[start] as Line, l))
    while (end + 1 < lines.length && continues(lines[end + 1] as Line)) end++
  } else {
    const byFont = titleByFont(lines, bodyFont)
    if (!byFont) {
      const dateOnTop = dateAtTop(lines, lines.length)
      return dateOnTop ? { ...none, date: dateOnTop, dateAtTop: true } : none
    }
    ;({ start, end } = byFont)
    titleBy = 'font'
  }
  const title = oneLine(
    lines
      .slice(start, end + 1)
      .map((l) => l.text)
      .join(' '),
    300,
  )
  // Under the title: names (affiliations, e-mail and URL lines skipped), then maybe a date; stop at the first line
  // of prose or a heading. An organisation under a person's name is their affiliation ("Korean TeX Users Group").
  // A title page may print the date first and the author at its foot (Texinfo: dvips.pdf): names after the date
  // count only when nothing but names and addresses follows them on the page.
  const authors: string[] = []
  const afterDate: string[] = []
  let date: PartialDate | null = null
  let dateSize = 0
  let reachedEnd = true
  // The original's date on a translation's title page ("英文版本： Version 6.4, March 9, 2021" above "中文版本：版本
  // 6.03，二零二一年十一月"): the translation's own date is the edition read and cited, the original's only a fallback.
  let originalDate: PartialDate | null = null
  const below = lines.slice(end + 1, end + 10)
  for (const line of below) {
    const text = line.text.trim()
    const dated = dateInLine(text)
    if (!date && dated && ORIGINAL_EDITION.test(text)) {
      originalDate ??= dated.date
      continue
    }
    if (!date && dated && (dated.keyword || text.length <= dated.written + 12)) {
      date = dated.date
      dateSize = line.size
      if (authors.length > 0) break
      continue
    }
    // A translator is no author ("NOMURA Masataka 訳", "译者：…"); a name with its address in brackets is one
    // ("吴凌云 (aloft@ctex.org)").
    if (TRANSLATOR.test(text)) continue
    const withAddress = !date && /[（(]/.test(text) ? cjkByline(text) : []
    if (AFFILIATION.test(text) && withAddress.length === 0) continue
    const words = text.split(/\s+/)
    if (
      words.length > 10 ||
      /[.:;]$/.test(text) ||
      ABSTRACT.test(text) ||
      // A section number, not a number counting something ("94 分 LaTeX 2ε 入門": LaTeX in 94 minutes).
      /^(?:introduction|contents|\d+(?:\.\d+)*\s(?![分秒時时天日年月个個回種种件本人]))/i.test(text)
    ) {
      reachedEnd = false
      break
    }
    let names =
      withAddress.length > 0
        ? withAddress
        : line.cells.length > 1
          ? line.cells.flatMap(namesOn)
          : namesOn(text)
    // A name in Chinese characters ("王然") counts only above a date or an address, as a byline is set: a short
    // heading under the title can start with a surname's character too ("高等数学").
    if (names.length === 0 && !date && addressOrDateFollows(below, line))
      names = line.cells.length > 1 ? line.cells.flatMap(cjkByline) : cjkByline(text)
    // Under the date, only a name in larger type than the date, not in capitals: a Texinfo title page's author
    // ("Tomas Rokicki" under "January 2022"), not a venue ("ADELAIDE AUSTRALIA" under a conference's dates).
    if (date && (line.size <= dateSize + 0.5 || text === text.toUpperCase())) names = []
    const person = authors.some((a) => !ORGANISATION.test(a))
    const into = date ? afterDate : authors
    for (const name of names) {
      if (person && ORGANISATION.test(name)) continue
      if (!authors.includes(name) && !into.includes(name)) into.push(name)
    }
    if (date && names.length === 0) {
      reachedEnd = false
      break
    }
  }
  if (date && authors.length === 0 && reachedEnd && end + 10 >= lines.length)
    authors.push(...afterDate)
  date ??= originalDate
  // A section heading in the largest type ("Contents of this document") is no title: a date above it still counts.
  const dateOnTop = date ? null : dateAtTop(lines, notATitle(title) ? lines.length : start)
  return {
    title: title.length >= 3 ? logicalOrder(unfoldArabicForms(tidyLogos(title))) : null,
    titleBy,
    authors,
    date: date ?? dateOnTop,
    ...(dateOnTop ? { dateAtTop: true } : {}),
  }
}

/** The line after `line` (or the one after that) is a date or an affiliation, e-mail or web address. */
function addressOrDateFollows(lines: Line[], line: Line): boolean {
  const at = lines.indexOf(line)
  return lines
    .slice(at + 1, at + 3)
    .some((l) => AFFILIATION.test(l.text) || dateInLine(l.text) !== null)
}

/** Weigh the PDF's embedded metadata against page 1 and set title, authors and date with their provenance. */
export function applyPdfMetadata(
  doc: ExtractedDocument,
  embedded: PdfEmbedded,
  fragments: PageFragment[],
  firstPagesText: string,
): void {
  const pageFold = ` ${fold(firstPagesText.slice(0, 20_000))} `
  const layout = firstPageLayout(fragments)

  const infoTitle =
    embedded.title && !JUNK_TITLE.test(embedded.title) ? oneLine(embedded.title, 500) : null
  const titleOnPage = infoTitle !== null && pageFold.includes(` ${fold(infoTitle)} `)
  setBest(doc, 'title', [
    infoTitle
      ? candidate(
          infoTitle,
          'embedded',
          titleOnPage ? 0.9 : 0.6,
          titleOnPage ? 'PDF Info Title, printed on page 1' : 'PDF Info Title',
        )
      : null,
    layout.title && !notATitle(layout.title)
      ? candidate(
          layout.title,
          'text',
          0.8,
          layout.titleBy === 'size'
            ? 'first page, largest type'
            : 'first page, its own typeface above the byline',
        )
      : null,
  ])

  const infoAuthors = splitAuthors(embedded.author).filter((a) => cleanName(a) !== null)
  const nameFold = ascii(embedded.author ?? '') ? foldAccents : fold
  const pageNames =
    nameFold === fold ? pageFold : ` ${foldAccents(firstPagesText.slice(0, 20_000))} `
  const surnameOnPage = infoAuthors.some((a) => {
    const last = nameFold(a).split(' ').pop()
    return !!last && pageNames.includes(` ${last} `)
  })
  // The same people in both: the page prints them as a reader sees them (order, accents, one name per person),
  // where Info may run two into one ("…, Khaled Hosny \040Elie Roux" in luatex-hyphen.pdf).
  const surname = (name: string): string => nameFold(name).split(' ').pop() ?? ''
  const infoFold = ` ${nameFold(embedded.author ?? '')} `
  const layoutFold = ` ${layout.authors.map(nameFold).join(' ')} `
  const sameNames =
    infoAuthors.length > 0 &&
    layout.authors.length > 0 &&
    infoAuthors.every((a) => layoutFold.includes(` ${surname(a)} `)) &&
    layout.authors.every((a) => infoFold.includes(` ${surname(a)} `))
  setBest(
    doc,
    'authors',
    [
      infoAuthors.length > 0
        ? candidate(
            infoAuthors,
            'embedded',
            surnameOnPage ? 0.9 : 0.55,
            surnameOnPage ? 'PDF Info Author, printed on page 1' : 'PDF Info Author',
          )
        : null,
      layout.authors.length > 0
        ? sameNames
          ? candidate(
              layout.authors,
              'text',
              0.92,
              'first page, under the title (the PDF Info Author names them too)',
            )
          : candidate(layout.authors, 'text', 0.75, 'first page, under the title')
        : null,
    ],
    (a) => a.length > 0,
  )

  // Info typed in ASCII, the page printing the same words with accents: cite the page's spelling.
  const printed = tidyLogos(firstPagesText.slice(0, 20_000))
  respell(doc, 'title', printed, false)
  respell(doc, 'authors', printed, true)

  const created = parseDate(embedded.creationDate) ?? parseDate(embedded.xmpDate)
  const createdYearPrinted =
    created !== null && new RegExp(`(?<!\\d)${created.slice(0, 4)}(?!\\d)`).test(firstPagesText)
  // The creation day printed on the front pages, outside a copyright line: the document dates itself with the day
  // this file was made ("(2023-02-04 11:59:01 UTC)" on debian-reference.ja.pdf's page ii, "16 Mars 2018" as the
  // latest editorial change of hyph-utf8.pdf). That is the version a reader cites (APA: the version used).
  const createdDayPrinted =
    created !== null && created.length === 10 && dayPrinted(created, firstPagesText)
  const dates: (Candidate<PartialDate> | null)[] = [
    layout.date
      ? candidate(
          layout.date,
          'text',
          0.85,
          layout.dateAtTop ? 'first page, a date line at the top' : 'first page, under the title',
        )
      : null,
    created && createdDayPrinted
      ? candidate(created, 'text', 0.84, 'printed on the first pages, the day the PDF was made')
      : created && createdYearPrinted
        ? candidate(created, 'embedded', 0.45, 'PDF creation date (its year is printed on page 1)')
        : null,
  ]
  setBest(doc, 'publishedAt', dates)
  if (created && !(created && createdYearPrinted)) doc.fileDate = created
}

/** Whether the day is printed on the pages, on a line that is no copyright notice. */
function dayPrinted(day: PartialDate, text: string): boolean {
  for (const line of text.split('\n'))
    if (!/copyright|©|\(c\)/i.test(line) && datesInLine(line).some((d) => d.date === day))
      return true
  return false
}

/** An embedded title or author list as page 1 spells it (printed-spelling.ts); names may differ in case too. */
function respell(
  doc: ExtractedDocument,
  field: 'title' | 'authors',
  pageText: string,
  caseToo: boolean,
): void {
  const p = doc.provenance[field]
  if (p?.origin !== 'embedded') return
  if (field === 'title') {
    const printed = printedSpelling(doc.title, pageText, { caseToo })
    if (printed)
      setField(doc, 'title', printed, {
        ...p,
        detail: `${p.detail ?? 'PDF Info'}, spelled as printed`,
      })
    return
  }
  const printed = doc.authors.map((a) => printedSpelling(a, pageText, { caseToo }) ?? a)
  if (printed.some((a, i) => a !== doc.authors[i]))
    setField(doc, 'authors', printed, {
      ...p,
      detail: `${p.detail ?? 'PDF Info Author'}, spelled as printed`,
    })
}
