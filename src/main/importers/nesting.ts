/**
 * Nesting depth of untrusted HTML without building a DOM, and a flat fallback for documents nested too deeply.
 * DOM libraries pay for depth: Readability takes ~0.4 s at depth 500 and grows quadratically, linkedom and
 * htmlparser2 keep stacks that cost O(depth) per element, DOMPurify on jsdom takes ~30 s for 100,000 nested
 * divs. So deeper documents skip them and are imported as plain paragraphs.
 */

/** Deeper documents are flattened. */
export const MAX_DEPTH = 500

// Elements commonly left unclosed; counting them would make every sloppy page look deep.
const UNCOUNTED = new Set([
  'p',
  'li',
  'dt',
  'dd',
  'tr',
  'td',
  'th',
  'option',
  'optgroup',
  'thead',
  'tbody',
  'tfoot',
  'colgroup',
  'rb',
  'rt',
  'rp',
  'area',
  'base',
  'br',
  'col',
  'embed',
  'hr',
  'img',
  'input',
  'link',
  'meta',
  'source',
  'track',
  'wbr',
  'param',
  'keygen',
  'command',
  'basefont',
  'frame',
  'isindex',
])

/**
 * Nesting depth by a linear scan over tags (htmlparser2's own stack is quadratic at depth 100,000). Stops early
 * once `limit` is passed.
 */
export function nestingDepth(html: string, limit: number): number {
  const tag = /<(\/?)([a-zA-Z][a-zA-Z0-9:-]*)\b[^>]*?(\/?)>|<!--[\s\S]*?-->/g
  let depth = 0
  let max = 0
  for (let m = tag.exec(html); m; m = tag.exec(html)) {
    const name = m[2]?.toLowerCase()
    if (!name || UNCOUNTED.has(name) || m[3] === '/') continue
    if (m[1] === '/') depth = Math.max(0, depth - 1)
    else if (++depth > max) {
      max = depth
      if (max > limit) return max
    }
  }
  return max
}

const BLOCK =
  /^(?:p|div|section|article|main|header|footer|aside|nav|blockquote|figure|h[1-6]|ul|ol|li|dl|dt|dd|table|tr|pre|hr|address|body|html|center|td|th)$/i

/** Flatten a page to paragraphs: scripts, styles and comments removed; block tags become breaks; other tags go. */
export function flattenHtml(html: string): string {
  return html
    .replace(/<(script|style|template|noscript|title|head)\b[\s\S]*?<\/\1\s*>/gi, ' ')
    .replace(/<!--[\s\S]*?-->/g, ' ')
    .replace(/<\/?([a-zA-Z][a-zA-Z0-9:-]*)\b[^>]*>/g, (_all, name: string) =>
      BLOCK.test(name) ? '\u0001' : '',
    )
    .replace(/\s*(?:\u0001\s*)+/g, '<br><br>') // runs of block boundaries are one paragraph break
}
