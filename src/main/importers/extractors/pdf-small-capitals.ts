/**
 * Capitals that stand for lower-case letters, told by their geometry on the page, never by the words:
 *  - small capitals faked with capitals in smaller type, glued to a full-size capital on its baseline: "B" + "IB" in
 *    the title of btxdoc.pdf prints "BibTeX" ("B{\sc ib}" where the font has no small capitals);
 *  - the TeX and LaTeX logos: the "E" of "TEX" set lower than its "T" and "X" (by 0.15–0.4 em, the logo's \lower),
 *    the small "A" of "LATEX" set higher between "L" and "T".
 * A real small-capitals font (cmcsc10) needs nothing: pdf.js gives its glyphs as the lower-case letters they are.
 * Each rule needs its neighbours in the same content-stream order, on one line, with no space between.
 */

/** The positioned run fields these rules read (pdf.ts's Run). */
export type CaseRun = { str: string; x: number; y: number; width: number; size: number }

const CAPITALS = /^\p{Lu}+$/u
const LOGO_E = /^EX/
const GLUE = 0.2 // largest gap (in em of the larger run) between glued runs

function glued(left: CaseRun, right: CaseRun): boolean {
  const gap = right.x - (left.x + left.width)
  const em = Math.max(left.size, right.size)
  return gap >= -0.5 * em && gap <= GLUE * em
}

/**
 * The "E" of the TeX logo: a run set 0.15–0.4 em below the "T" that ends the run before it, in the same size, either
 * "E" alone followed by "X…" back on the baseline, or "EX…" (pdf.js keeps the "X" raised back with its "E").
 */
function loweredE(
  prev: CaseRun,
  prevBaseline: number,
  run: CaseRun,
  next: CaseRun | undefined,
): boolean {
  const drop = (run.y - prevBaseline) / prev.size
  if (!prev.str.endsWith('T') || Math.abs(run.size / prev.size - 1) > 0.02) return false
  if (drop > -0.15 || drop < -0.4) return false
  if (LOGO_E.test(run.str)) return true
  return (
    run.str === 'E' &&
    next !== undefined &&
    next.str.startsWith('X') &&
    Math.abs(next.y - prevBaseline) <= 0.05 * prev.size &&
    glued(run, next)
  )
}

/** Lower-case the runs that the rules above recognise, in place; returns how many changed. */
export function lowerSmallCapitals(runs: CaseRun[]): number {
  let changed = 0
  // Runs with text only: an empty run has no geometry worth reading, a space run breaks the glue.
  const visible = runs.filter((r) => r.str.length > 0)
  // The baseline of each run: its own y, except a run that starts at a logo's lowered "E" and carries the rest of
  // the line with it ("EX. However, … that T"): that one sits on the baseline of the run before it.
  const baselines = visible.map((r) => r.y)
  for (let i = 1; i < visible.length; i++) {
    const run = visible[i] as CaseRun
    const prev = visible[i - 1] as CaseRun
    const next = visible[i + 1]
    if (!/^\p{Lu}/u.test(run.str) || !glued(prev, run)) continue
    const ratio = run.size / prev.size
    const rise = (run.y - prev.y) / prev.size
    const last = prev.str.at(-1) ?? ''
    if (
      CAPITALS.test(run.str) &&
      Math.abs(rise) <= 0.05 &&
      ratio >= 0.55 &&
      ratio <= 0.85 &&
      /\p{Lu}/u.test(last)
    ) {
      run.str = run.str.toLowerCase()
      changed++
    } else if (loweredE(prev, baselines[i - 1] ?? prev.y, run, next)) {
      run.str = `e${run.str.slice(1)}`
      baselines[i] = baselines[i - 1] ?? prev.y
      changed++
    } else if (
      run.str === 'A' &&
      last === 'L' &&
      next?.str.startsWith('T') &&
      ratio >= 0.55 &&
      ratio <= 0.85 &&
      rise >= 0.1 &&
      rise <= 0.45 &&
      Math.abs(next.y - prev.y) <= 0.05 * prev.size &&
      glued(run, next)
    ) {
      run.str = 'a'
      changed++
    }
  }
  return changed
}
