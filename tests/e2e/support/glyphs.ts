/**
 * Which fonts really drew an element's text, asked of the browser through the DevTools protocol
 * (CSS.getPlatformFontsForNode), each font then checked against its own character map (fontconfig's `fc-list`).
 *
 * Chromium reports the font that drew each run of glyphs, but when no installed font has a character it draws the
 * primary font's .notdef box and reports that font all the same (Ethiopic text here comes back as "Liberation Serif",
 * 8 glyphs): the report alone cannot tell a box from a letter. A character counts as drawn only when one of the
 * reported fonts actually maps it.
 */
import { execFileSync } from 'node:child_process'
import type { CDPSession, Locator } from '@playwright/test'

export type PlatformFont = {
  familyName: string
  postScriptName: string
  isCustomFont: boolean
  glyphCount: number
}

export type GlyphReport = {
  text: string
  fonts: PlatformFont[]
  /** Glyphs drawn, summed over the fonts. */
  glyphs: number
  /** User-perceived characters of the text, whitespace left out. */
  graphemes: number
  /** Characters (other than whitespace) that no reported font maps: drawn as boxes. */
  missing: string[]
}

/** Code point ranges a font maps, parsed from fontconfig's charset (`20-7e a0-ff …`); cached per font. */
const charsets = new Map<string, [number, number][]>()

function charsetOf(font: PlatformFont): [number, number][] {
  const key = font.postScriptName || font.familyName
  const known = charsets.get(key)
  if (known) return known
  // A fallback font ("Last Resort") is a font of boxes: it maps nothing for this purpose.
  if (/last\s*resort/i.test(font.familyName)) {
    charsets.set(key, [])
    return []
  }
  const pattern = font.postScriptName
    ? `:postscriptname=${font.postScriptName}`
    : `${font.familyName.replace(/[-:,\\]/g, '\\$&')}`
  let out: string
  try {
    out = execFileSync('fc-list', ['-f', '%{charset}\n', pattern], { encoding: 'utf8' })
  } catch (error) {
    throw new Error(`fc-list (fontconfig) is needed to check glyphs: ${String(error)}`)
  }
  const ranges: [number, number][] = []
  // Several faces may share the name (a .ttc's weights): a character mapped by any of them counts.
  for (const part of out.split(/\s+/)) {
    if (!part) continue
    const [a, b] = part.split('-')
    const low = Number.parseInt(a ?? '', 16)
    const high = b === undefined ? low : Number.parseInt(b, 16)
    if (Number.isFinite(low) && Number.isFinite(high)) ranges.push([low, high])
  }
  charsets.set(key, ranges)
  return ranges
}

const maps = (ranges: [number, number][], cp: number): boolean =>
  ranges.some(([low, high]) => cp >= low && cp <= high)

/** Characters that draw nothing and need no glyph of their own (spaces, joiners, variation selectors). */
const INVISIBLE = /^(?:\s|[\u200b-\u200f\u2060\ufeff]|\p{Variation_Selector})$/u

/** The glyph report of the element `locator` points at (its own text: a paragraph, a button, a blockquote). */
export async function glyphReport(cdp: CDPSession, locator: Locator): Promise<GlyphReport> {
  const probe = `g${Math.random().toString(36).slice(2)}`
  const text = await locator.evaluate((el, id) => {
    el.setAttribute('data-glyph-probe', id)
    return el.textContent ?? ''
  }, probe)
  await cdp.send('DOM.enable')
  await cdp.send('CSS.enable')
  const selector = `[data-glyph-probe="${probe}"]`
  const { root } = await cdp.send('DOM.getDocument', { depth: 0 })
  let { nodeId } = await cdp.send('DOM.querySelector', { nodeId: root.nodeId, selector })
  if (!nodeId) {
    // Inside a same-origin frame (the reader's document frame): look in each frame's own document.
    const { root: pierced } = await cdp.send('DOM.getDocument', { depth: -1, pierce: true })
    const documents: number[] = []
    const walk = (node: typeof pierced): void => {
      if (node.contentDocument) documents.push(node.contentDocument.nodeId)
      for (const child of [
        ...(node.children ?? []),
        ...(node.contentDocument ? [node.contentDocument] : []),
      ])
        walk(child)
    }
    walk(pierced)
    for (const id of documents) {
      nodeId = (await cdp.send('DOM.querySelector', { nodeId: id, selector })).nodeId
      if (nodeId) break
    }
  }
  if (!nodeId) throw new Error('glyph probe: element not found in the page')
  const { fonts } = (await cdp.send('CSS.getPlatformFontsForNode', { nodeId })) as {
    fonts: PlatformFont[]
  }
  await locator.evaluate((el) => el.removeAttribute('data-glyph-probe'))
  const drawing = fonts.filter((f) => f.glyphCount > 0).map(charsetOf)
  const missing = new Set<string>()
  for (const ch of text) {
    if (INVISIBLE.test(ch)) continue
    const cp = ch.codePointAt(0) ?? 0
    if (!drawing.some((ranges) => maps(ranges, cp))) missing.add(ch)
  }
  const segmenter = new Intl.Segmenter(undefined, { granularity: 'grapheme' })
  const graphemes = [...segmenter.segment(text)].filter((s) => !/^\s+$/u.test(s.segment)).length
  return {
    text,
    fonts,
    glyphs: fonts.reduce((n, f) => n + f.glyphCount, 0),
    graphemes,
    missing: [...missing],
  }
}

/** Short description for assertion messages. */
export function describeReport(r: GlyphReport): string {
  const fonts = r.fonts.map((f) => `${f.familyName} ×${f.glyphCount}`).join(', ')
  return `“${r.text.slice(0, 40)}”: fonts [${fonts}], ${r.glyphs} glyphs for ${r.graphemes} characters, missing [${r.missing.slice(0, 12).join(' ')}]`
}
