/**
 * Word elements that wrap runs and that mammoth does not know, so it dropped them with the words inside:
 *  - `<w:fldSimple>`: a simple field whose runs are its last shown result (a cross-reference "Table 2", a page
 *    number, a date, a citation inserted by a reference manager): "as shown in Table 2" read "as shown in ";
 *  - `<w:dir>` and `<w:bdo>`: Word 2010's bidirectional embedding and override around runs of Arabic or Hebrew:
 *    a right-to-left sentence inside an English paragraph vanished.
 * Before mammoth reads a part, the wrapper tags are removed and their runs kept in place (a field with no result
 * shows nothing, as in Word). The reader lays out right-to-left text by its own direction (rtl paragraphs).
 * Also `<w:cr/>`, a carriage return inside a run, which mammoth skips, gluing the words on both sides of the line
 * break together ("first linesecond line"): it becomes the line break `<w:br/>` it draws.
 */

const WRAPPER = /<\/?w:(?:fldSimple|dir|bdo)(?=[\s>/])[^>]*>/g

const CARRIAGE_RETURN = /<w:cr\s*\/>/g

export function hasWrappers(xml: string): boolean {
  return (
    xml.includes('<w:fldSimple') ||
    xml.includes('<w:dir') ||
    xml.includes('<w:bdo') ||
    xml.includes('<w:cr')
  )
}

/** The part with those wrappers' tags removed, their runs kept, and carriage returns as line breaks. */
export function unwrapRuns(xml: string): string {
  return xml.replace(WRAPPER, '').replace(CARRIAGE_RETURN, '<w:br/>')
}
