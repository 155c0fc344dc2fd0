/**
 * citeproc's HTML output (italic titles, small caps, numbered left margins) → styled runs, so every export format can
 * keep the style's formatting while writing its own, fully escaped markup. The HTML is parsed with linkedom, never
 * passed through.
 */
import { parseHTML } from 'linkedom'

export type Run = {
  text: string
  italic?: boolean
  bold?: boolean
  smallCaps?: boolean
  superscript?: boolean
  subscript?: boolean
}

type Style = Omit<Run, 'text'>

type DomNode = {
  nodeType: number
  nodeName: string
  textContent: string | null
  childNodes: ArrayLike<DomNode>
  getAttribute?: (name: string) => string | null
}

function walk(node: DomNode, style: Style, out: Run[]): void {
  if (node.nodeType === 3) {
    const text = (node.textContent ?? '').replace(/\s+/g, ' ')
    if (text) out.push({ text, ...style })
    return
  }
  if (node.nodeType !== 1) return
  const tag = node.nodeName.toLowerCase()
  const css = node.getAttribute?.('style') ?? ''
  const cls = node.getAttribute?.('class') ?? ''
  const next: Style = { ...style }
  if (tag === 'i' || tag === 'em') next.italic = !style.italic
  if (tag === 'b' || tag === 'strong') next.bold = true
  if (tag === 'sup') next.superscript = true
  if (tag === 'sub') next.subscript = true
  if (/font-style:\s*normal/.test(css)) next.italic = false
  if (/font-style:\s*italic/.test(css)) next.italic = true
  if (/font-variant:\s*small-caps/.test(css)) next.smallCaps = true
  if (/font-weight:\s*bold/.test(css)) next.bold = true
  for (const child of Array.from(node.childNodes)) walk(child, next, out)
  // Numeric styles put "[1]" in a left-margin block: keep it apart from the entry text.
  if (cls.includes('csl-left-margin')) out.push({ text: ' ' })
}

/** Merge neighbours of equal style and trim the outer whitespace. */
function tidy(runs: Run[]): Run[] {
  const merged: Run[] = []
  for (const run of runs) {
    const last = merged[merged.length - 1]
    const same =
      last &&
      !!last.italic === !!run.italic &&
      !!last.bold === !!run.bold &&
      !!last.smallCaps === !!run.smallCaps &&
      !!last.superscript === !!run.superscript &&
      !!last.subscript === !!run.subscript
    if (last && same) last.text = (last.text + run.text).replace(/ {2,}/g, ' ')
    else merged.push({ ...run })
  }
  if (merged[0]) merged[0].text = merged[0].text.trimStart()
  const tail = merged[merged.length - 1]
  if (tail) tail.text = tail.text.trimEnd()
  return merged.filter((r) => r.text.length > 0)
}

/** Styled runs of a fragment of citeproc HTML. */
export function htmlToRuns(html: string): Run[] {
  const { document } = parseHTML(`<!doctype html><html><body>${html}</body></html>`)
  const out: Run[] = []
  walk(document.body as unknown as DomNode, {}, out)
  return tidy(out)
}

/** The plain text of runs. */
export const runsText = (runs: readonly Run[]): string => runs.map((r) => r.text).join('')
