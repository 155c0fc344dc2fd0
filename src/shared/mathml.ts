/**
 * The MathML both sanitizers let through for equations (DOCX Office Math, see importers/extractors/omml.ts): the
 * MathML Core elements the converter writes and their presentation attributes, nothing else. No `href` (MathML
 * links), no `maction`, no `semantics`/`annotation-xml` (the way back into HTML), no `mglyph` (an image source), no
 * `style`/colour attributes. The main side and the renderer import this one list.
 */
export const MATHML_TAGS: readonly string[] = [
  'math',
  'mi',
  'mn',
  'mo',
  'mtext',
  'mspace',
  'mrow',
  'mfrac',
  'msqrt',
  'mroot',
  'msub',
  'msup',
  'msubsup',
  'munder',
  'mover',
  'munderover',
  'mmultiscripts',
  'mprescripts',
  'mtable',
  'mtr',
  'mtd',
  'mphantom',
]

export const MATHML_ATTRIBUTES: readonly string[] = [
  'alttext',
  'display',
  'mathvariant',
  'linethickness',
  'accent',
  'accentunder',
  'stretchy',
  'fence',
  'form',
  'separator',
  'largeop',
  'movablelimits',
  'width',
]

const TAGS = new Set(MATHML_TAGS)
const ATTRIBUTES = new Set(MATHML_ATTRIBUTES)

/** For DOMPurify's `ADD_ATTR` function form: a MathML attribute is allowed on MathML elements only. */
export const isAllowedMathAttribute = (attribute: string, tag: string): boolean =>
  TAGS.has(tag) && ATTRIBUTES.has(attribute)
