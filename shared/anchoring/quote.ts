import type { Span } from '../model/types';
import { isHighSurrogate, isLowSurrogate } from '../text/surrogates';


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
  if (p > 0 && isLowSurrogate(pc)) p++;
  let s = Math.min(text.length, span.end + context);
  const sc = text.charCodeAt(s - 1);
  if (s < text.length && isHighSurrogate(sc)) s--;
  return {
    exact: text.slice(span.start, span.end),
    prefix: text.slice(p, span.start),
    suffix: text.slice(span.end, s),
  };
}
