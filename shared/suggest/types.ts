/**
 * What the suggestion model gives the rest of Newsmark. Inference lives in shared/suggest/
 * (no DOM, no Node), so main, a worker and the command line run the same code.
 */
import type { Span, Tag } from '../model/types';

/** Which part of an attribution a span is: who said it, or the words that say it was said. */
export type AttributionRole = 'source' | 'cue';

export interface Proposal {
  /** Stable within one run of the model on one text: "p1", "p2", … in document order. */
  key: string;
  /** 'quote' or 'claim' for a content, 'attribution' for a source with its cue. */
  tag: Tag;
  /** The fragments, sorted, non-overlapping, in UTF-16 offsets into the text. */
  spans: Span[];
  /** For attributions: the role of each span, parallel to `spans`. */
  roles?: AttributionRole[];
  /** 0..1: how sure the model is of this proposal. */
  confidence: number;
  /** For contents: the key of the attribution proposal it is linked to. */
  attributionKey?: string;
}

export interface SuggestOptions {
  /** Proposals below this confidence are left out (default 0). */
  minConfidence?: number;
}

export interface Suggester {
  /** Bounded in time for any input (≤ 2 s for 5 MB); never throws on text. */
  suggest(text: string, options?: SuggestOptions): Proposal[];
  /** Short description for the model card and the About box, e.g. "attribution perceptron 2026-12". */
  readonly version: string;
}

/** `loadSuggester(json)` in shared/suggest/load.ts: a corrupt model is an error value, never a throw. */
export type LoadResult = { ok: true; suggester: Suggester } | { ok: false; error: string };
