/**
 * mammoth ignores Office Math (`m:oMath`, `m:oMathPara`): the equations and every word inside them vanished from the
 * text ("where x = 2 holds" became "where  holds"). Before mammoth runs, each equation in a part's XML is replaced by
 * a plain run holding a placeholder; after it, the placeholders in mammoth's HTML become `<math>` elements
 * (omml.ts). Only the equations' bytes change, so everything else converts exactly as before, and a part without
 * equations is not touched at all.
 */
import { randomBytes } from 'node:crypto'
import { Parser } from 'htmlparser2'
import { type ConvertedMath, convertEquation, type OmmlNode } from './omml'

const MATH_NS = 'http://schemas.openxmlformats.org/officeDocument/2006/math'
const WORD_NS = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main'
/** Deeper than this inside one equation, elements are read as text only (bounded recursion in omml.ts). */
const MAX_MATH_DEPTH = 120

/** Does this part's XML hold an equation at all? (cheap test before parsing) */
export const hasEquations = (xml: string): boolean => xml.includes(MATH_NS) && /:oMath\b/.test(xml)

export type EquationSlots = {
  /** Makes a placeholder for equation `index`, unique to this import (the document cannot forge one). */
  token: (index: number) => string
  /** Matches any placeholder of this import; group 1 is the index. */
  pattern: RegExp
}

export function equationSlots(): EquationSlots {
  const nonce = randomBytes(6).toString('hex')
  return {
    token: (index) => `\uE000${nonce}.${index}\uE001`,
    pattern: new RegExp(`\\uE000${nonce}\\.(\\d+)\\uE001`, 'g'),
  }
}

type Found = { start: number; end: number; equations: OmmlNode[]; display: boolean[] }

/**
 * Replace every top-level `oMathPara`/`oMath` of `xml` by a run with a placeholder; `equations` collects them (the
 * placeholder of equation i is `slots.token(i)`). One run per display block holds its equations, one per line.
 */
export function replaceEquations(
  xml: string,
  slots: EquationSlots,
  equations: ConvertedMath[],
): string {
  const prefixes = new Map<string, string>() // prefix → namespace, from the declarations seen (root first)
  const found: Found[] = []
  let mathPrefix: string | null = null
  // The equation being read: a stack of nodes, its start, and whether it is a display block.
  let stack: OmmlNode[] = []
  let start = -1
  let blockDepth = -1 // stack depth of the oMathPara, if any
  let overflow = 0 // elements open beyond MAX_MATH_DEPTH
  let deleted = 0 // open w:del / w:moveFrom outside equations: deleted equations stay out, as their text does
  let pending: OmmlNode[] = []
  let display: boolean[] = []

  const localOf = (name: string): { prefix: string; local: string } => {
    const colon = name.indexOf(':')
    return colon < 0
      ? { prefix: '', local: name }
      : { prefix: name.slice(0, colon), local: name.slice(colon + 1) }
  }
  const nodeOf = (name: string, attrs: Record<string, string>): OmmlNode => {
    const { prefix, local } = localOf(name)
    const inMath = prefix === mathPrefix
    const own: Record<string, string> = {}
    for (const [key, value] of Object.entries(attrs)) {
      const a = localOf(key)
      if (a.prefix === mathPrefix || a.prefix === '') own[a.local] = value
    }
    return { tag: inMath ? local : `w:${local}`, attrs: own, children: [], text: '' }
  }

  const parser = new Parser(
    {
      onopentag(name, attrs) {
        for (const [key, value] of Object.entries(attrs))
          if (key.startsWith('xmlns:')) {
            prefixes.set(key.slice(6), value)
            if (value === MATH_NS) mathPrefix = key.slice(6)
          }
        const { prefix, local } = localOf(name)
        if (stack.length === 0) {
          if (prefixes.get(prefix) === WORD_NS && (local === 'del' || local === 'moveFrom'))
            deleted++
          if (deleted > 0 || prefix !== mathPrefix || (local !== 'oMathPara' && local !== 'oMath'))
            return
          start = parser.startIndex
          blockDepth = local === 'oMathPara' ? 0 : -1
          stack = [nodeOf(name, attrs)]
          pending = []
          display = []
          return
        }
        if (stack.length >= MAX_MATH_DEPTH) {
          // The deepest kept element becomes a plain container, so the characters below it are kept in order
          // whatever it was (a delimiter would only read its `e` children).
          if (overflow === 0) (stack[stack.length - 1] as OmmlNode).tag = 'text-only'
          overflow++
          return
        }
        const node = nodeOf(name, attrs)
        ;(stack[stack.length - 1] as OmmlNode).children.push(node)
        stack.push(node)
      },
      ontext(text) {
        if (stack.length === 0) return
        const top = stack[stack.length - 1] as OmmlNode
        if (overflow > 0 || top.tag === 't' || top.tag === 'w:t') {
          // Too deep to keep the structure: the characters are kept, as a run of the deepest kept element.
          if (overflow > 0) top.children.push({ tag: 't', attrs: {}, children: [], text })
          else top.text += text
        }
      },
      onclosetag(name) {
        if (stack.length === 0) {
          const { prefix, local } = localOf(name)
          if (prefixes.get(prefix) === WORD_NS && (local === 'del' || local === 'moveFrom'))
            deleted = Math.max(0, deleted - 1)
          return
        }
        if (overflow > 0) {
          overflow--
          return
        }
        const node = stack.pop() as OmmlNode
        if (node.tag === 'oMath') {
          pending.push(node)
          display.push(blockDepth === 0)
        }
        if (stack.length === 0) {
          found.push({ start, end: parser.endIndex + 1, equations: pending, display })
          blockDepth = -1
        }
      },
    },
    { xmlMode: true, decodeEntities: true },
  )
  parser.write(xml)
  parser.end()

  let out = ''
  let at = 0
  for (const f of found) {
    const tokens = f.equations.map((node, i) => {
      const index = equations.length
      equations.push(convertEquation(node, f.display[i] === true, index))
      return slots.token(index)
    })
    // The run declares its own namespace: the part may bind WordprocessingML to any prefix.
    out += `${xml.slice(at, f.start)}<lectern:r xmlns:lectern="${WORD_NS}"><lectern:t xml:space="preserve">${tokens.join('\n')}</lectern:t></lectern:r>`
    at = f.end
  }
  return out + xml.slice(at)
}

/**
 * Put the equations in place of their placeholders in mammoth's HTML. Returns the HTML and how many placeholders
 * were not found (an equation in a place mammoth does not convert).
 */
export function placeEquations(
  html: string,
  slots: EquationSlots,
  equations: readonly ConvertedMath[],
): { html: string; missing: number } {
  const placed = new Set<number>()
  const out = html.replace(slots.pattern, (_, index: string) => {
    const equation = equations[Number(index)]
    if (!equation) return ''
    placed.add(Number(index))
    return equation.mathml
  })
  return { html: out, missing: equations.length - placed.size }
}
