/**
 * The numbers behind "never attach to the wrong words". Context scores are Levenshtein
 * similarities of up to 32 characters on each side: two unrelated stretches of English
 * score about 0.3–0.4, so a score needs one side essentially intact to pass MIN_CONTEXT.
 * Tuned on the PolNeAR dev texts with the edit simulator in anchor.test.ts.
 */
export const THRESHOLDS = {
  /** Context this good is the same place; among several, the nearest one wins. */
  strongContext: 0.8,
  /** Context this good needs no comparison with near-matches. */
  certainContext: 0.95,
  /** Below this the surroundings do not vouch for a candidate. */
  minContext: 0.55,
  /** The best candidate must beat the runner-up by this much, otherwise it is ambiguous. */
  margin: 0.15,
  /** Quotes shorter than this need strong context or a predicted position, not just fair context. */
  distinctiveQuote: 16,
  /** A quote this long occurring once in the whole text stands on its own, whatever its context. */
  longQuote: 64,
  /** Shorter quotes found at their old position must also show matching context. */
  trustedPositionLength: 16,
  /** The quick window pass only scores candidates whose edges agree with this many context characters. */
  nearAdjacent: 4,
  /** Search this far (UTF-16 units) each side of the expected position before the whole text. */
  window: 2048,
  /** Quotes shorter than this are not matched fuzzily: "he" → "she" is another word. */
  minFuzzyLength: 5,
  /** Fuzzy matches must score this on 0.5·quote + 0.5·context … */
  minFuzzyScore: 0.75,
  /** … and beat the best non-overlapping alternative by this much. */
  fuzzyMargin: 0.1,
  /** Fuzzy search far from the expected position: only quotes this long, with at most this many edits. */
  farFuzzyMinLength: 16,
  farFuzzyMaxErrors: 3,
  /** A seed piece occurring more often than this is too common to narrow the search. */
  farSeedMaxHits: 64,
  /** At most this many candidates (the best by adjacent agreement or errors) get the full context score. */
  maxScored: 12,
} as const;

/**
 * Bounded edit distance for the fuzzy step: a quarter of the quote, at least 1. A typo fix
 * or a changed word in a sentence-length quote stays within it; a rewritten sentence
 * (more than a quarter changed) is different text and becomes an orphan.
 */
export function maxErrorsFor(length: number): number {
  return Math.max(1, Math.floor(length / 4));
}
