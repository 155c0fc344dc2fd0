/**
 * Office Math (OMML, `m:oMath`) → linear text for the stored text, and MathML Core for the reader, from one walk.
 *
 * The linear text follows Word's own linear format (UnicodeMath, what Word shows for an equation switched to
 * "Linear"): `a/b`, `x^2`, `x_(i+1)`, `∑_(k=1)^n`, `√(x+1)`, `(n¦k)` for a stacked pair, `■(a&b@c&d)` for a matrix.
 * So a quote reads as the equation does, with only grouping parentheses added where a part is more than one symbol,
 * and pasting it into Word's equation editor builds the same equation again. The characters of the source's runs are
 * kept as typed (no spacing is added around operators).
 *
 * Written here rather than taken from `omml2mathml` (npm 1.3.0): that package pulls jsdom 9 through `get-dom`, has
 * one release and gives no linear text, which is what search and quotes need.
 */

export type OmmlNode = {
  /** Local name for elements of the math namespace (`f`, `r`, `t`…); `w:` + local name for WordprocessingML. */
  tag: string
  /** `val` and the other math-namespace attributes by local name. */
  attrs: Record<string, string>
  children: OmmlNode[]
  /** Text of `t` elements. */
  text: string
}

export type ConvertedMath = { linear: string; mathml: string }

/** `scripted`: ends with a sub/superscript or limit written without parentheses (`x^2`), see `sequence`. */
type Part = { lin: string; ml: string; atom: boolean; scripted?: boolean }

const EMPTY: Part = { lin: '', ml: '', atom: true }

const escapeXml = (value: string): string =>
  value.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string,
  )

const child = (node: OmmlNode | undefined, tag: string): OmmlNode | undefined =>
  node?.children.find((c) => c.tag === tag)

/** The `m:val` of a property: `prop(node, 'naryPr', 'chr')`. `undefined` when absent, '' when set empty. */
const prop = (node: OmmlNode, pr: string, name: string): string | undefined =>
  child(child(node, pr), name)?.attrs.val

/** An on/off property (`<m:degHide/>`, `m:val="1"|"on"|"true"`). */
const flag = (node: OmmlNode, pr: string, name: string): boolean => {
  const el = child(child(node, pr), name)
  if (!el) return false
  const v = el.attrs.val
  return v === undefined || v === '1' || v === 'on' || v === 'true'
}

/** One symbol or a run of letters and digits needs no grouping in linear form (`x`, `12`, `ij`, `(a+b)`). */
const isAtom = (lin: string): boolean =>
  /^[\p{L}\p{N}.]+$/u.test(lin) || [...lin.replace(/\p{M}/gu, '')].length <= 1

/** Linear form of an argument, in grouping parentheses unless it is one unit. */
const group = (part: Part): string => (part.atom || isAtom(part.lin) ? part.lin : `(${part.lin})`)

/** Is this markup one element (so needs no <mrow> around it)? Our own markup: no comments, no `>` in values. */
function isOneElement(ml: string): boolean {
  if (!ml.startsWith('<')) return false
  let depth = 0
  for (const tag of ml.matchAll(/<(\/?)[^>]*>/g)) {
    depth += tag[1] ? -1 : 1
    if (depth === 0) return (tag.index ?? 0) + tag[0].length === ml.length
  }
  return false
}

/**
 * An argument as one child: <mrow> only around several (each element costs the sanitizer's DOM: a paper's hundreds of
 * equations made DOCX sanitizing several times slower).
 */
const row = (ml: string): string => (isOneElement(ml) ? ml : `<mrow>${ml}</mrow>`)

const mo = (c: string, extra = ''): string => (c ? `<mo${extra}>${escapeXml(c)}</mo>` : '')

/** Word's accent characters are combining marks; MathML wants their spacing forms over the base. */
const SPACING_ACCENT: Record<string, string> = {
  '\u0300': '`',
  '\u0301': '´',
  '\u0302': '^',
  '\u0303': '~',
  '\u0304': '¯',
  '\u0305': '¯',
  '\u0306': '˘',
  '\u0307': '˙',
  '\u0308': '¨',
  '\u030c': 'ˇ',
  '\u20d6': '←',
  '\u20d7': '→',
  '\u20e1': '↔',
}

const INTEGRALS = '∫∬∭∮∯∰∱∲∳⨌'

/**
 * Inside a row, MathML infers an operator's form from its place: a bracket between other tokens (`f(x)`) would be
 * "infix" and get an operator's spacing on both sides ("f ( x )"). Brackets say which side they open.
 */
const bracketForm = (c: string): string =>
  '([{⟨〈⌊⌈'.includes(c)
    ? ' form="prefix" stretchy="false"'
    : ')]}⟩〉⌋⌉'.includes(c)
      ? ' form="postfix" stretchy="false"'
      : ''

/** Content taller than a line (a fraction, limits, a root, a table): only then do Word's delimiters grow. */
const TALL = /<(?:mfrac|munderover|munder|mover|msqrt|mroot|mtable|msubsup)\b/

/**
 * Bold (`b`) and bold italic (`bi`) Latin letters and digits as the Mathematical Alphanumeric Symbols Word itself
 * shows (𝐅, 𝑨): Chromium's MathML Core honours only `mathvariant="normal"`, and a bold F (a vector) is not an F.
 * Display only: the linear text keeps the letters as typed, and the reader's text map folds these back (NFKD).
 */
function mathAlphanumeric(text: string, style: string | undefined): string {
  if (style !== 'b' && style !== 'bi') return text
  const upper = style === 'b' ? 0x1d400 : 0x1d468
  const lower = style === 'b' ? 0x1d41a : 0x1d482
  return text.replace(/[A-Za-z0-9]/g, (c) => {
    const code = c.charCodeAt(0)
    if (code <= 0x39) return String.fromCodePoint(0x1d7ce + code - 0x30) // bold digits (no bold italic ones)
    return String.fromCodePoint(code <= 0x5a ? upper + code - 0x41 : lower + code - 0x61)
  })
}

/** Tokens of a math run as MathML: numbers, identifiers (one per letter unless upright text), operators. */
function runTokens(text: string, style: string | undefined): string {
  const upright = style === 'p' || style === 'b'
  const variant = style === 'p' || style === 'b' ? ' mathvariant="normal"' : ''
  const pattern = upright
    ? /(\p{N}+(?:[.,]\p{N}+)*)|(\p{L}[\p{L}\p{M}]*)|(\s+)|([\s\S])/gu
    : /(\p{N}+(?:[.,]\p{N}+)*)|(\p{L}\p{M}*)|(\s+)|([\s\S])/gu
  let out = ''
  for (const m of text.matchAll(pattern)) {
    if (m[1]) out += `<mn>${escapeXml(mathAlphanumeric(m[1], style))}</mn>`
    else if (m[2]) out += `<mi${variant}>${escapeXml(mathAlphanumeric(m[2], style))}</mi>`
    else if (m[3]) out += '<mspace width="0.3em"></mspace>'
    else if (m[4]) out += mo(m[4], bracketForm(m[4]))
  }
  return out
}

/** Text of a run (`m:t`, and `w:t` where a producer put one). */
function runText(node: OmmlNode): string {
  let text = ''
  for (const c of node.children) if (c.tag === 't' || c.tag === 'w:t') text += c.text
  return text
}

function convertRun(node: OmmlNode): Part {
  const text = runText(node).replace(/\s+/g, ' ')
  if (!text) return EMPTY
  const rPr = child(node, 'rPr')
  const normal = child(rPr, 'nor')
  const isText = normal !== undefined && normal.attrs.val !== '0' && normal.attrs.val !== 'off'
  const ml = isText
    ? `<mtext>${escapeXml(text)}</mtext>`
    : runTokens(text, child(rPr, 'sty')?.attrs.val)
  return { lin: text, ml, atom: false }
}

/** The children of an argument (`m:e`, `m:num`, `m:sub`…) one after another. */
function sequence(node: OmmlNode | undefined, depth: number): Part {
  if (!node) return EMPTY
  const parts = node.children.map((c) => convert(c, depth + 1)).filter((p) => p.lin || p.ml)
  if (parts.length === 1) return parts[0] as Part
  let lin = ''
  let previous: Part | null = null
  for (const p of parts) {
    // `x^α e^β`, not `x^αe^β` (read as x to the power αe): a script's end is marked by a space before a letter.
    if (previous?.scripted && /[\p{L}\p{N}]$/u.test(lin) && /^[\p{L}\p{N}]/u.test(p.lin)) lin += ' '
    lin += p.lin
    previous = p
  }
  return {
    lin: lin.replace(/ {2,}/g, ' ').trim(),
    ml: parts.map((p) => p.ml).join(''),
    atom: false,
  }
}

const arg = (node: OmmlNode, tag: string, depth: number): Part => sequence(child(node, tag), depth)

function convert(node: OmmlNode, depth: number): Part {
  switch (node.tag) {
    case 'r':
    case 'w:r':
      return convertRun(node)
    case 'f': {
      const num = arg(node, 'num', depth)
      const den = arg(node, 'den', depth)
      const type = prop(node, 'fPr', 'type')
      if (type === 'noBar')
        return {
          lin: `${group(num)}¦${group(den)}`,
          ml: `<mfrac linethickness="0">${row(num.ml)}${row(den.ml)}</mfrac>`,
          atom: false,
        }
      const lin = `${group(num)}/${group(den)}`
      if (type === 'lin' || type === 'skw')
        return { lin, ml: row(`${row(num.ml)}${mo('/')}${row(den.ml)}`), atom: false }
      return { lin, ml: `<mfrac>${row(num.ml)}${row(den.ml)}</mfrac>`, atom: false }
    }
    case 'sSub':
    case 'sSup':
    case 'sSubSup': {
      const base = arg(node, 'e', depth)
      const sub = arg(node, 'sub', depth)
      const sup = arg(node, 'sup', depth)
      const lin =
        group(base) +
        (node.tag !== 'sSup' ? `_${group(sub)}` : '') +
        (node.tag !== 'sSub' ? `^${group(sup)}` : '')
      const ml =
        node.tag === 'sSub'
          ? `<msub>${row(base.ml)}${row(sub.ml)}</msub>`
          : node.tag === 'sSup'
            ? `<msup>${row(base.ml)}${row(sup.ml)}</msup>`
            : `<msubsup>${row(base.ml)}${row(sub.ml)}${row(sup.ml)}</msubsup>`
      return { lin, ml, atom: false, scripted: true }
    }
    case 'sPre': {
      const base = arg(node, 'e', depth)
      const sub = arg(node, 'sub', depth)
      const sup = arg(node, 'sup', depth)
      return {
        lin: `_${group(sub)}^${group(sup)}${group(base)}`,
        ml: `<mmultiscripts>${row(base.ml)}<mprescripts></mprescripts>${row(sub.ml)}${row(sup.ml)}</mmultiscripts>`,
        atom: false,
      }
    }
    case 'rad': {
      const base = arg(node, 'e', depth)
      const degree = arg(node, 'deg', depth)
      if (flag(node, 'radPr', 'degHide') || !degree.lin)
        return { lin: `√${group(base)}`, ml: `<msqrt>${base.ml}</msqrt>`, atom: false }
      return {
        lin: `√(${degree.lin}&${base.lin})`,
        ml: `<mroot>${row(base.ml)}${row(degree.ml)}</mroot>`,
        atom: false,
      }
    }
    case 'nary': {
      const chr = prop(node, 'naryPr', 'chr') ?? '∫'
      const sub = flag(node, 'naryPr', 'subHide') ? EMPTY : arg(node, 'sub', depth)
      const sup = flag(node, 'naryPr', 'supHide') ? EMPTY : arg(node, 'sup', depth)
      const body = arg(node, 'e', depth)
      const limitsLin = (sub.lin ? `_${group(sub)}` : '') + (sup.lin ? `^${group(sup)}` : '')
      const lin = `${chr}${limitsLin} ${body.lin}`
      const loc = prop(node, 'naryPr', 'limLoc') ?? (INTEGRALS.includes(chr) ? 'subSup' : 'undOvr')
      const op = mo(chr, ' largeop="true" movablelimits="false"')
      const [under, over, both] =
        loc === 'subSup' ? ['msub', 'msup', 'msubsup'] : ['munder', 'mover', 'munderover']
      const limits =
        sub.lin && sup.lin
          ? `<${both}>${op}${row(sub.ml)}${row(sup.ml)}</${both}>`
          : sub.lin
            ? `<${under}>${op}${row(sub.ml)}</${under}>`
            : sup.lin
              ? `<${over}>${op}${row(sup.ml)}</${over}>`
              : op
      return { lin: lin.trimEnd(), ml: row(limits + row(body.ml)), atom: false }
    }
    case 'd': {
      const beg = prop(node, 'dPr', 'begChr') ?? '('
      const end = prop(node, 'dPr', 'endChr') ?? ')'
      const sep = prop(node, 'dPr', 'sepChr') ?? '|'
      const items = node.children.filter((c) => c.tag === 'e').map((e) => sequence(e, depth))
      // Chromium stretches a stretchy fence to a larger glyph even around one line of symbols: "( x + a )".
      const grow = items.some((i) => TALL.test(i.ml)) ? '' : ' stretchy="false"'
      return {
        lin: beg + items.map((i) => i.lin).join(sep) + end,
        ml: row(
          mo(beg, ` fence="true" form="prefix"${grow}`) +
            items.map((i) => row(i.ml)).join(mo(sep, ' separator="true"')) +
            mo(end, ` fence="true" form="postfix"${grow}`),
        ),
        atom: Boolean(beg && end),
      }
    }
    case 'func': {
      const name = arg(node, 'fName', depth)
      const body = arg(node, 'e', depth)
      const joined = /^[([{|‖⟨〈]/.test(body.lin) ? '' : ' '
      return { lin: `${name.lin}${joined}${body.lin}`, ml: row(name.ml + body.ml), atom: false }
    }
    case 'limLow':
    case 'limUpp': {
      const base = arg(node, 'e', depth)
      const lim = arg(node, 'lim', depth)
      const low = node.tag === 'limLow'
      return {
        lin: `${group(base)}${low ? '_' : '^'}${group(lim)}`,
        ml: low
          ? `<munder>${row(base.ml)}${row(lim.ml)}</munder>`
          : `<mover>${row(base.ml)}${row(lim.ml)}</mover>`,
        atom: false,
        scripted: true,
      }
    }
    case 'acc': {
      const chr = prop(node, 'accPr', 'chr') ?? '\u0302'
      const base = arg(node, 'e', depth)
      const combining = /^\p{M}$/u.test(chr)
      const lin = combining && [...base.lin].length === 1 ? base.lin + chr : `${group(base)}${chr}`
      const shown = SPACING_ACCENT[chr] ?? chr
      return {
        lin,
        ml: `<mover accent="true">${row(base.ml)}${mo(shown, ' stretchy="true"')}</mover>`,
        atom: false,
      }
    }
    case 'bar': {
      const base = arg(node, 'e', depth)
      const top = prop(node, 'barPr', 'pos') === 'top'
      return {
        lin: `${top ? '¯' : '▁'}${group(base)}`,
        ml: top
          ? `<mover accent="true">${row(base.ml)}${mo('¯', ' stretchy="true"')}</mover>`
          : `<munder accentunder="true">${row(base.ml)}${mo('_', ' stretchy="true"')}</munder>`,
        atom: false,
      }
    }
    case 'groupChr': {
      const chr = prop(node, 'groupChrPr', 'chr') ?? '⏟'
      const top = prop(node, 'groupChrPr', 'pos') === 'top'
      const base = arg(node, 'e', depth)
      const mark = mo(chr, ' stretchy="true"')
      return {
        // A brace over or under its argument reads as one unit: `⏟(a+b)_text`.
        lin: `${chr}${group(base)}`,
        ml: top
          ? `<mover>${row(base.ml)}${mark}</mover>`
          : `<munder>${row(base.ml)}${mark}</munder>`,
        atom: true,
      }
    }
    case 'eqArr': {
      const rows = node.children.filter((c) => c.tag === 'e').map((e) => sequence(e, depth))
      return {
        lin: `█(${rows.map((r) => r.lin).join('@')})`,
        ml: `<mtable>${rows.map((r) => `<mtr><mtd>${r.ml}</mtd></mtr>`).join('')}</mtable>`,
        atom: true,
      }
    }
    case 'm': {
      const rows = node.children
        .filter((c) => c.tag === 'mr')
        .map((r) => r.children.filter((c) => c.tag === 'e').map((e) => sequence(e, depth)))
      return {
        lin: `■(${rows.map((cells) => cells.map((c) => c.lin).join('&')).join('@')})`,
        ml: `<mtable>${rows.map((cells) => `<mtr>${cells.map((c) => `<mtd>${c.ml}</mtd>`).join('')}</mtr>`).join('')}</mtable>`,
        atom: true,
      }
    }
    case 'phant': {
      const base = arg(node, 'e', depth)
      const hidden = child(child(node, 'phantPr'), 'show')?.attrs.val === '0'
      return hidden ? { ...base, ml: `<mphantom>${row(base.ml)}</mphantom>` } : base
    }
    case 't':
      return { lin: node.text, ml: `<mtext>${escapeXml(node.text)}</mtext>`, atom: false }
    default:
      // Properties say how, not what; deleted text is not part of the equation.
      if (/Pr$/.test(node.tag) || node.tag === 'w:del' || node.tag === 'w:moveFrom') return EMPTY
      // box, borderBox, w:hyperlink, w:ins, argument containers and anything unknown: their content, in order.
      return sequence(node, depth)
  }
}

/**
 * One equation (`m:oMath`) as linear text and a `<math>` element (`display="block"` for a display equation), with
 * the linear text as its `alttext`, which the reader maps selections onto.
 */
export function convertEquation(oMath: OmmlNode, display: boolean, index: number): ConvertedMath {
  const part = sequence(oMath, 0)
  const linear = part.lin.replace(/\s+/g, ' ').trim()
  // `data-eq` names the equation for the stored text: DOMPurify drops an `alttext` holding "]>" or "</script".
  const mathml = `<math data-eq="${index}"${display ? ' display="block"' : ''} alttext="${escapeXml(linear)}">${part.ml}</math>`
  return { linear, mathml }
}
