import type { Span } from '../model/types';

export const CONTEXT_LENGTH = 32;

/** The quote that travels with every exported span, so it can be re-attached later. */
export interface TextQuote {
  exact: string;
  prefix: string;
  suffix: string;
}

/** Slice context without splitting a surrogate pair at its outer edge. */
export function quoteFor(text: string, span: Span, context = CONTEXT_LENGTH): TextQuote {
  let p = Math.max(0, span.start - context);
  const pc = text.charCodeAt(p);
  if (p > 0 && pc >= 0xdc00 && pc <= 0xdfff) p++;
  let s = Math.min(text.length, span.end + context);
  const sc = text.charCodeAt(s - 1);
  if (s < text.length && sc >= 0xd800 && sc <= 0xdbff) s--;
  return {
    exact: text.slice(span.start, span.end),
    prefix: text.slice(p, span.start),
    suffix: text.slice(span.end, s),
  };
}
