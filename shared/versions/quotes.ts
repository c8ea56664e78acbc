import { quotedMask } from '../formats/direct-quote';

/**
 * The words inside quotation marks of text[start, end), in order, as one string with single
 * spaces ("" when none). `mask` is quotedMask(text), computed once per text.
 */
export function quotedWords(text: string, mask: Uint8Array, start: number, end: number): string {
  const words: string[] = [];
  let word = '';
  for (let i = start; i < end; i++) {
    const c = text[i]!;
    if (mask[i] && /[\p{L}\p{N}\p{M}'’-]/u.test(c)) word += c;
    else if (word) {
      words.push(word);
      word = '';
    }
  }
  if (word) words.push(word);
  return words.join(' ');
}

export { quotedMask };
