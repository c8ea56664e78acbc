/**
 * What travels with every exported span so it can be re-attached to a text: where it was
 * (code points into the text it was exported from) and what it said, with context.
 */
export interface QuoteSelector {
  /** Code point offset, inclusive, in the text the annotation was exported from. */
  start: number;
  /** Code point offset, exclusive. */
  end: number;
  exact: string;
  prefix: string;
  suffix: string;
}

/** How a span was re-attached, from most to least certain. */
export type AnchorHow = 'position' | 'exact' | 'fuzzy';

export const HOW_RANK: Record<AnchorHow, number> = { position: 0, exact: 1, fuzzy: 2 };

/** A span placed in the new text, in UTF-16 code units, with the evidence for it. */
export interface SpanMatch {
  start: number;
  end: number;
  how: AnchorHow;
  /** 0..1: how well the surrounding text matches the selector's prefix and suffix. */
  context: number;
}

/** Context as a selector expects it: `before` reversed; edge markers where the old text ended. */
export interface ExpectedContext {
  before: string;
  after: string;
}

/** A selector being anchored, with its expected context computed once. */
export interface Target extends QuoteSelector {
  ctx: ExpectedContext;
  /** Whether the old span started and ended at word boundaries. */
  boundaries: { start: boolean; end: boolean };
}
