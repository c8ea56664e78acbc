import type { Span } from '../model/types';

/**
 * Is a PolNeAR Content span a direct quotation? Yes when at least half of its letters and
 * digits stand inside quotation marks. Quoted stretches are found per paragraph: “ « „
 * open, ” » close, a straight " toggles, and a quote still open at the end of a paragraph
 * runs to its end (news style reopens a long quote in each paragraph). Single quotes are
 * left out: ’ is far more often an apostrophe. So “We will win,” he said → quote, and a
 * paraphrase with a few quoted words ("…in order to “keep the details under wraps.”") →
 * claim.
 */
const OPEN = new Set(['“', '«', '„']);
const CLOSE = new Set(['”', '»']);
const COUNTED = /[\p{L}\p{N}]/u;

/** For each UTF-16 index, whether it lies inside quotation marks (the marks included). */
export function quotedMask(text: string): Uint8Array {
  const mask = new Uint8Array(text.length);
  let open = -1;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (c === '\n') {
      if (open !== -1) mask.fill(1, open, i);
      open = -1;
    } else if (open === -1 && (OPEN.has(c) || c === '"')) open = i;
    else if (open !== -1 && (CLOSE.has(c) || c === '"')) {
      mask.fill(1, open, i + 1);
      open = -1;
    }
  }
  if (open !== -1) mask.fill(1, open, text.length);
  return mask;
}

export function isDirectQuote(text: string, spans: readonly Span[], mask: Uint8Array = quotedMask(text)): boolean {
  let inside = 0;
  let all = 0;
  for (const s of spans) {
    for (let i = s.start; i < s.end; i++) {
      if (!COUNTED.test(text[i]!)) continue;
      all++;
      inside += mask[i]!;
    }
  }
  return all > 0 && inside * 2 >= all;
}
