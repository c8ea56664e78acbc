/**
 * UTF-16 surrogate halves. Offsets inside Newsmark count UTF-16 code units, so an edge
 * (of a selection, a context slice, a fuzzy match) can land between the two halves of an
 * emoji or another astral character; these say when it has.
 */
export const isHighSurrogate = (code: number): boolean => code >= 0xd800 && code <= 0xdbff;
export const isLowSurrogate = (code: number): boolean => code >= 0xdc00 && code <= 0xdfff;
export const isSurrogate = (code: number): boolean => code >= 0xd800 && code <= 0xdfff;

/** True when `i` falls between the two halves of a surrogate pair in `text`. */
export function splitsPair(text: string, i: number): boolean {
  return i > 0 && i < text.length && isHighSurrogate(text.charCodeAt(i - 1)) && isLowSurrogate(text.charCodeAt(i));
}
