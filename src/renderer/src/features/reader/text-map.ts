/**
 * Maps between positions in a rendered document (DOM text nodes) and character offsets in the document's plain
 * `text`, which is what quotes, search matches and citations refer to.
 *
 * The rendered HTML and the stored text agree on words but not on whitespace (the importer collapses it, the HTML
 * keeps its own), and the HTML may carry a few words the text lacks (alt text, list markers) or the reverse. So the
 * map aligns the two character by character, ignoring whitespace, and resynchronises on the next word when they
 * disagree.
 */
export type TextMap = {
  /** Text offsets [start, end) covered by a DOM range, or null when the range touches no mapped text. */
  offsetsOf(range: Range): { start: number; end: number } | null
  /** A DOM range over the text offsets [start, end), or null when they fall outside the rendered text. */
  rangeOf(start: number, end: number): Range | null
}

type NodeMap = { node: Text; positions: Int32Array; first: number; last: number }

const SPACE = /\s/
/** How far ahead (non-space characters of the text) a lost alignment looks for its place again. */
const RESYNC_WINDOW = 4000
/** Non-space characters that must agree, in a row, before a lost alignment trusts a place again. */
const ANCHOR = 16

/** Non-space characters, folded (see `fold`), each with the index it came from. */
type Stream = { chars: string; from: number[] }

/**
 * A rendered equation: its characters [start, end) of the rendered stream and its linear text (folded, no spaces).
 * MathML shows `a/b` as two identifiers in a fraction, so its characters are a subsequence of the linear text the
 * stored text holds (`a/b`, `x^2`, `∑_(k=1)^n`), never equal to it.
 */
type Equation = { element: Element; start: number; end: number; chars: string }

/** How far ahead in an equation's linear text a rendered character may find itself (`√(√(√2))`: radicals draw). */
const EQUATION_LOOKAHEAD = 24

/** Build the map for every text node under `root` against `text`. */
export function buildTextMap(root: Node, text: string): TextMap {
  const ownerDocument = root.ownerDocument ?? (root as Document)
  // Ruby's readings (and their fallback brackets) are shown but are not the document's text (html-to-text.ts).
  const anyRuby = (root as ParentNode).querySelector?.('rt, rp') != null
  const walker = ownerDocument.createTreeWalker(
    root,
    NodeFilter.SHOW_TEXT,
    anyRuby
      ? (node) =>
          node.parentElement?.closest('rt, rp')
            ? NodeFilter.FILTER_REJECT
            : NodeFilter.FILTER_ACCEPT
      : null,
  )
  const textNodes: Text[] = []
  for (let current = walker.nextNode(); current; current = walker.nextNode()) {
    textNodes.push(current as Text)
  }
  // The rendered side: every non-space character of every text node, folded, as one stream.
  let domChars = ''
  const domNode: number[] = []
  const domIndex: number[] = []
  const domWordStart: boolean[] = []
  const equations: Equation[] = []
  // Only DOCX documents have equations: the others skip the ancestor walk for every text node.
  const anyMath = (root as ParentNode).querySelector?.('math') != null
  textNodes.forEach((node, n) => {
    const value = node.data
    // Text inside a <math> element: its characters are matched against the equation's linear text (alttext).
    const math = anyMath ? (node.parentElement?.closest('math') ?? null) : null
    const last = equations[equations.length - 1]
    if (math && last?.element === math) last.end = -1
    else if (math) {
      const linear = math.getAttribute('alttext')
      equations.push({
        element: math,
        start: domChars.length,
        end: -1,
        chars: linear ? stream(linear).chars : '',
      })
    }
    let afterSpace = true
    for (let i = 0; i < value.length; i++) {
      const char = value[i] as string
      if (SPACE.test(char)) {
        afterSpace = true
        continue
      }
      const folded = fold(char)
      for (let k = 0; k < folded.length; k++) {
        domChars += folded[k]
        domNode.push(n)
        domIndex.push(i)
        domWordStart.push(afterSpace && k === 0)
      }
      afterSpace = false
    }
    const current = equations[equations.length - 1]
    if (math && current) current.end = domChars.length
  })
  const target = stream(text)
  const matched = align(domChars, domWordStart, target.chars, equations)

  const positionsOf = textNodes.map((node) => new Int32Array(node.data.length).fill(-1))
  for (let p = 0; p < domChars.length; p++) {
    const t = matched[p] as number
    if (t < 0) continue
    const positions = positionsOf[domNode[p] as number] as Int32Array
    const i = domIndex[p] as number
    // A character folded into several (a ligature) maps to where its first one landed.
    if ((positions[i] as number) < 0) positions[i] = target.from[t] as number
  }
  const nodes: NodeMap[] = []
  textNodes.forEach((node, n) => {
    const positions = positionsOf[n] as Int32Array
    let first = -1
    let last = -1
    for (const position of positions) {
      if (position < 0) continue
      if (first === -1) first = position
      last = position
    }
    if (first !== -1) nodes.push({ node, positions, first, last })
  })

  return {
    offsetsOf(range) {
      const start = offsetAt(nodes, range.startContainer, range.startOffset, 'forward')
      const end = offsetAt(nodes, range.endContainer, range.endOffset, 'backward')
      if (start === null || end === null || end <= start) return null
      return { start, end }
    },
    rangeOf(start, end) {
      const from = domAt(nodes, start, 'forward')
      const to = domAt(nodes, end - 1, 'backward')
      if (!from || !to) return null
      const range = ownerDocument.createRange()
      range.setStart(from.node, from.index)
      range.setEnd(to.node, to.index + 1)
      return range
    },
  }
}

function stream(value: string): Stream {
  let chars = ''
  const from: number[] = []
  for (let i = 0; i < value.length; i++) {
    const char = value[i] as string
    if (SPACE.test(char)) continue
    const folded = fold(char)
    for (let k = 0; k < folded.length; k++) {
      chars += folded[k]
      from.push(i)
    }
  }
  return { chars, from }
}

/**
 * For each rendered character, the index of the text character it is (or -1). Walks both in step; a character on
 * one side only (a hyphen at a line break, a stray mark) is stepped over; words the text lacks (running headers,
 * alt text, list markers) lose the alignment until a run of ANCHOR characters is found again in the text ahead,
 * so a lone common word never pairs up with the wrong place.
 */
function align(
  dom: string,
  wordStart: readonly boolean[],
  text: string,
  equations: readonly Equation[] = [],
): Int32Array {
  const matched = new Int32Array(dom.length).fill(-1)
  let cursor = 0
  let inSync = true
  let next = 0 // the next equation to reach
  for (let p = 0; p < dom.length; p++) {
    while (next < equations.length && (equations[next] as Equation).start < p) next++
    const equation = equations[next]
    if (equation && equation.start === p && equation.chars.length > 0 && equation.end > p) {
      const at = text.startsWith(equation.chars, cursor)
        ? cursor
        : text.indexOf(equation.chars, cursor)
      if (at !== -1 && at - cursor <= RESYNC_WINDOW) {
        matchEquation(dom, equation, text, at, matched)
        cursor = at + equation.chars.length
        inSync = true
        p = equation.end - 1
        next++
        continue
      }
    }
    if (inSync && cursor < text.length && dom[p] === text[cursor]) {
      matched[p] = cursor++
      continue
    }
    if (inSync && cursor < text.length) {
      if (agree(dom, p + 1, text, cursor, 4)) continue // only in the rendered text
      const skip = agree(dom, p, text, cursor + 1, 4)
        ? 1
        : agree(dom, p, text, cursor + 2, 4)
          ? 2
          : 0
      if (skip > 0) {
        cursor += skip // only in the text
        matched[p] = cursor++
        continue
      }
    }
    if (inSync || wordStart[p]) {
      const anchor = dom.slice(p, p + ANCHOR)
      // Shorter only at the very end of the rendered text.
      const usable =
        anchor.length === ANCHOR || (anchor.length >= 4 && p + anchor.length === dom.length)
      const found = usable ? text.indexOf(anchor, cursor) : -1
      if (found !== -1 && found - cursor <= RESYNC_WINDOW) {
        cursor = found
        matched[p] = cursor++
        inSync = true
        continue
      }
    }
    inSync = false
  }
  return matched
}

/** Each rendered character of the equation to the next equal character of its linear text at `at`, in order. */
function matchEquation(
  dom: string,
  equation: Equation,
  text: string,
  at: number,
  matched: Int32Array,
): void {
  const end = at + equation.chars.length
  let k = at
  for (let p = equation.start; p < equation.end; p++) {
    const limit = Math.min(end, k + EQUATION_LOOKAHEAD)
    for (let t = k; t < limit; t++) {
      if (text[t] === dom[p]) {
        matched[p] = t
        k = t + 1
        break
      }
    }
  }
}

function agree(a: string, from: number, b: string, at: number, length: number): boolean {
  if (from + length > a.length || at + length > b.length) return false
  for (let k = 0; k < length; k++) if (a[from + k] !== b[at + k]) return false
  return true
}

/** Typographic quotes and dashes may be normalised on one side only; ligatures split ("ﬁ" → "fi"). */
function fold(char: string): string {
  if ('‘’‚‛′'.includes(char)) return "'"
  if ('“”„‟″'.includes(char)) return '"'
  if ('‐‑‒–—―'.includes(char)) return '-'
  const decomposed = char.normalize('NFKD').replace(/\p{M}/gu, '')
  return decomposed === '' ? char : decomposed
}

/** Index of the NodeMap holding `node`, by document order search. */
function indexOfNode(nodes: NodeMap[], node: Node): number {
  for (let i = 0; i < nodes.length; i++) if (nodes[i]?.node === node) return i
  return -1
}

/**
 * The text offset at a DOM boundary point. `forward` picks the first mapped character at or after the point (range
 * starts), `backward` the end of the last mapped character before it (range ends).
 */
function offsetAt(
  nodes: NodeMap[],
  container: Node,
  offset: number,
  direction: 'forward' | 'backward',
): number | null {
  let nodeIndex: number
  let charIndex: number
  if (container.nodeType === Node.TEXT_NODE) {
    nodeIndex = indexOfNode(nodes, container)
    charIndex = offset
    if (nodeIndex === -1) {
      // An unmapped text node (e.g. whitespace only): use the nearest mapped node in document order.
      nodeIndex = nearestNode(nodes, container, direction)
      if (nodeIndex === -1) return null
      charIndex = direction === 'forward' ? 0 : (nodes[nodeIndex]?.positions.length ?? 0)
    }
  } else {
    // An element boundary: the child at `offset` (or the end of the element).
    const child = container.childNodes[offset] ?? null
    const probe = child ?? container
    nodeIndex = nearestNode(nodes, probe, child ? 'forward' : 'backward', !child)
    if (nodeIndex === -1) return null
    if (direction === 'backward' && child) {
      nodeIndex = nearestNode(nodes, child, 'backward')
      if (nodeIndex === -1) return null
    }
    charIndex = direction === 'forward' && child ? 0 : (nodes[nodeIndex]?.positions.length ?? 0)
  }
  for (let n = nodeIndex; n >= 0 && n < nodes.length; n += direction === 'forward' ? 1 : -1) {
    const positions = (nodes[n] as NodeMap).positions
    if (direction === 'forward') {
      const from = n === nodeIndex ? charIndex : 0
      for (let i = from; i < positions.length; i++)
        if ((positions[i] as number) >= 0) return positions[i] as number
    } else {
      const from = n === nodeIndex ? charIndex - 1 : positions.length - 1
      for (let i = from; i >= 0; i--)
        if ((positions[i] as number) >= 0) return (positions[i] as number) + 1
    }
  }
  return null
}

/** The mapped node nearest to `probe` in document order, looking `direction`. */
function nearestNode(
  nodes: NodeMap[],
  probe: Node,
  direction: 'forward' | 'backward',
  inside = false,
): number {
  if (direction === 'forward') {
    for (let i = 0; i < nodes.length; i++) {
      const node = (nodes[i] as NodeMap).node
      if (inside ? probe.contains(node) : isAfter(node, probe)) return i
    }
    return -1
  }
  for (let i = nodes.length - 1; i >= 0; i--) {
    const node = (nodes[i] as NodeMap).node
    if (inside ? probe.contains(node) : isBefore(node, probe)) return i
  }
  return -1
}

function isAfter(node: Node, probe: Node): boolean {
  if (node === probe || probe.contains(node)) return true
  return Boolean(probe.compareDocumentPosition(node) & Node.DOCUMENT_POSITION_FOLLOWING)
}

function isBefore(node: Node, probe: Node): boolean {
  if (node === probe) return true
  return Boolean(probe.compareDocumentPosition(node) & Node.DOCUMENT_POSITION_PRECEDING)
}

/** The DOM position of the character at text offset `offset` (or the nearest mapped one in `direction`). */
function domAt(
  nodes: NodeMap[],
  offset: number,
  direction: 'forward' | 'backward',
): { node: Text; index: number } | null {
  // Binary search for the first node whose last mapped offset is >= offset.
  let low = 0
  let high = nodes.length - 1
  let found = -1
  while (low <= high) {
    const middle = (low + high) >> 1
    if ((nodes[middle] as NodeMap).last >= offset) {
      found = middle
      high = middle - 1
    } else {
      low = middle + 1
    }
  }
  if (direction === 'forward') {
    if (found === -1) return null
    const map = nodes[found] as NodeMap
    for (let i = 0; i < map.positions.length; i++) {
      if ((map.positions[i] as number) >= offset) return { node: map.node, index: i }
    }
    return null
  }
  // Backward: the last mapped char <= offset.
  const candidates = found === -1 ? [nodes.length - 1] : [found, found - 1]
  for (const n of candidates) {
    const map = nodes[n]
    if (!map || map.first > offset) continue
    for (let i = map.positions.length - 1; i >= 0; i--) {
      const position = map.positions[i] as number
      if (position >= 0 && position <= offset) return { node: map.node, index: i }
    }
  }
  return null
}
