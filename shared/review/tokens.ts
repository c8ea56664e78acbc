import type { Annotation, Tag } from '../model/types';

/**
 * Word tokens of an article, for token-level agreement. A token is a maximal run of
 * letters, combining marks and digits, which may be joined by one apostrophe (' or ’),
 * hyphen, period or comma between two such characters: "Maduro's", "U.S", "al-Assad",
 * "2,500", "3.5". Punctuation and whitespace are not tokens, so they never count as
 * agreement. Offsets are UTF-16 code units like everywhere inside Newsmark.
 */
const WORD = /[\p{L}\p{M}\p{N}]+(?:['’.,\-‐][\p{L}\p{M}\p{N}]+)*/gu;

export interface Tokens {
  readonly starts: Int32Array;
  readonly ends: Int32Array;
  readonly count: number;
}

export function tokenize(text: string): Tokens {
  const starts: number[] = [];
  const ends: number[] = [];
  for (const m of text.matchAll(WORD)) {
    starts.push(m.index);
    ends.push(m.index + m[0].length);
  }
  return { starts: Int32Array.from(starts), ends: Int32Array.from(ends), count: starts.length };
}

/** Token labels: 0 = none, then one code per tag. */
export const LABELS = ['none', 'claim', 'quote', 'attribution'] as const;
export type Label = (typeof LABELS)[number];
export const LABEL_CODE: Record<Tag, number> = { claim: 1, quote: 2, attribution: 3 };

/**
 * When annotations of different tags cover one token, the most specific tag wins:
 * attribution > quote > claim. Attributions (source, cue) are short and sit inside or next
 * to the content they introduce; a quote is a narrower kind of claim. Annotations of the
 * same tag nesting on a token give that tag once. The rule looks only at tags, never at
 * lengths or ids, so it cannot depend on input order.
 */
export const TAG_PRIORITY: readonly Tag[] = ['claim', 'quote', 'attribution'];

/** First token whose end is past `offset`. */
function firstTokenEndingAfter(tokens: Tokens, offset: number): number {
  let lo = 0;
  let hi = tokens.count;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (tokens.ends[mid]! <= offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** First token whose start is at or past `offset`. */
function firstTokenStartingFrom(tokens: Tokens, offset: number): number {
  let lo = 0;
  let hi = tokens.count;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (tokens.starts[mid]! < offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * Whether each token is covered by an annotation of `tag`. A span covers a token when they
 * share at least one character, so a span that cuts a word still claims that word.
 * Difference array: O(spans · log tokens + tokens), however deeply annotations nest.
 */
export function tagCoverage(tokens: Tokens, annotations: readonly Annotation[], tag: Tag): Uint8Array {
  const diff = new Int32Array(tokens.count + 1);
  for (const a of annotations) {
    if (a.tag !== tag) continue;
    for (const s of a.spans) {
      const first = firstTokenEndingAfter(tokens, s.start);
      const stop = firstTokenStartingFrom(tokens, s.end);
      if (first < stop) {
        diff[first]!++;
        diff[stop]!--;
      }
    }
  }
  const out = new Uint8Array(tokens.count);
  let depth = 0;
  for (let i = 0; i < tokens.count; i++) {
    depth += diff[i]!;
    out[i] = depth > 0 ? 1 : 0;
  }
  return out;
}

export type TagCoverages = Record<Tag, Uint8Array>;

export function tagCoverages(tokens: Tokens, annotations: readonly Annotation[]): TagCoverages {
  return {
    claim: tagCoverage(tokens, annotations, 'claim'),
    quote: tagCoverage(tokens, annotations, 'quote'),
    attribution: tagCoverage(tokens, annotations, 'attribution'),
  };
}

/** One label code per token (see LABELS and TAG_PRIORITY). */
export function tokenLabels(tokens: Tokens, annotations: readonly Annotation[]): Uint8Array {
  return labelsFrom(tagCoverages(tokens, annotations));
}

export function labelsFrom(coverages: TagCoverages): Uint8Array {
  const labels = new Uint8Array(coverages.claim.length);
  for (const tag of TAG_PRIORITY) {
    const covered = coverages[tag];
    const code = LABEL_CODE[tag];
    for (let i = 0; i < labels.length; i++) if (covered[i]) labels[i] = code;
  }
  return labels;
}
