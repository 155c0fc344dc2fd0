/** The index's folding and tokenizing moved to src/main/text/fold.ts (shared with compare/ and importers/). */
export * from '../text/fold'
