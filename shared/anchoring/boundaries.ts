/**
 * A span that began (or ended) at a word boundary in the old text must do so in the new
 * one: "I" must not land on the capital of "Imagine".
 */
const WORD = /[\p{L}\p{N}]/u;

function isWord(ch: string | undefined): boolean {
  return ch !== undefined && ch !== '' && WORD.test(ch);
}

export interface Boundaries {
  /** The old span started a word: no word character on both sides of its start. */
  start: boolean;
  end: boolean;
}

export function expectedBoundaries(exact: string, prefix: string, suffix: string): Boundaries {
  return {
    start: !(isWord(prefix.slice(-1)) && isWord(exact[0])),
    end: !(isWord(exact.slice(-1)) && isWord(suffix[0])),
  };
}

export function keepsBoundaries(text: string, start: number, end: number, b: Boundaries): boolean {
  if (b.start && start > 0 && isWord(text[start - 1]) && isWord(text[start])) return false;
  if (b.end && end < text.length && isWord(text[end - 1]) && isWord(text[end])) return false;
  return true;
}
