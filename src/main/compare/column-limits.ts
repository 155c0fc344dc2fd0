/**
 * How many quotes a comparison shows side by side. Apart from compare-quotes so the API's argument schemas can use
 * the limits without loading the compare stack (jsdiff, citation-js) at start (issue 5 cold start).
 */
export const MIN_COLUMNS = 2
export const MAX_COLUMNS = 4
