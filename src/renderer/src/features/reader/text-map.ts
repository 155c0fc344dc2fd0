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
const RESYNC_WINDOW = 4000

/** Build the map for every text node under `root` against `text`. */
export function buildTextMap(root: Node, text: string): TextMap {
  const ownerDocument = root.ownerDocument ?? (root as Document)
  const walker = ownerDocument.createTreeWalker(root, NodeFilter.SHOW_TEXT)
  const nodes: NodeMap[] = []
  let cursor = 0
  // Out of sync after a character the text lacks: only a whole word found again in the text re-syncs, so stray
  // letters never pair up by coincidence.
  let inSync = true
  for (let current = walker.nextNode(); current; current = walker.nextNode()) {
    const node = current as Text
    const value = node.data
    const positions = new Int32Array(value.length).fill(-1)
    let first = -1
    let last = -1
    for (let i = 0; i < value.length; i++) {
      const char = value[i] as string
      if (SPACE.test(char)) continue
      while (cursor < text.length && SPACE.test(text[cursor] as string)) cursor++
      if (inSync && cursor < text.length && sameChar(text[cursor] as string, char)) {
        positions[i] = cursor++
      } else {
        const wordStart = i === 0 || SPACE.test(value[i - 1] as string)
        const found = inSync || wordStart ? resync(text, cursor, value, i) : -1
        if (found === -1) {
          inSync = false
          continue
        }
        inSync = true
        cursor = found
        positions[i] = cursor++
      }
      if (first === -1) first = positions[i] as number
      last = positions[i] as number
    }
    if (first !== -1) nodes.push({ node, positions, first, last })
  }

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

function sameChar(a: string, b: string): boolean {
  if (a === b) return true
  // Typographic quotes and dashes may be normalised on one side only.
  return fold(a) === fold(b)
}

function fold(char: string): string {
  if ('‘’‚‛′'.includes(char)) return "'"
  if ('“”„‟″'.includes(char)) return '"'
  if ('‐‑‒–—―'.includes(char)) return '-'
  return char.normalize('NFKD').charAt(0)
}

/** Find the word starting at value[i] in text after `cursor`; -1 when the word is not in the text nearby. */
function resync(text: string, cursor: number, value: string, i: number): number {
  let end = i
  while (end < value.length && !SPACE.test(value[end] as string) && end - i < 40) end++
  const word = value.slice(i, end)
  if (word.length < 3) return -1
  const found = text.indexOf(word, cursor)
  return found !== -1 && found - cursor <= RESYNC_WINDOW ? found : -1
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
