import { MAX_TEXT_LENGTH } from '../model/types';
import { detectKind, MAX_FILE_BYTES, type FileKind } from './detect-kind';
import { ImportError } from './errors';

/**
 * Plain-text checks shared by every kind of file: binary content, emptiness and the size
 * limit. Reasons are written for the person who dropped the file.
 */

/** Share of control characters above which a "text" is really a binary file. */
export const CONTROL_SHARE_LIMIT = 0.1;
/** How much of a text the control-character count looks at: enough to judge, cheap on 5 MB. */
const SAMPLE_CHARS = 64 * 1024;

/** NUL never occurs in text; in UTF-8 or windows-1252 it means a binary file. */
export function hasNulByte(bytes: Uint8Array): boolean {
  return bytes.indexOf(0) !== -1;
}

/**
 * NUL bytes at nearly every other position are UTF-16 without a byte order mark, which
 * cannot be told apart from binary safely: say so rather than guess.
 */
export function looksLikeUtf16WithoutBom(bytes: Uint8Array): boolean {
  const n = Math.min(bytes.length, 4096) & ~1;
  if (n < 4) return false;
  let evenNul = 0;
  let oddNul = 0;
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) evenNul++;
    if (bytes[i + 1] === 0) oddNul++;
  }
  const pairs = n / 2;
  return (oddNul > pairs * 0.9 && evenNul === 0) || (evenNul > pairs * 0.9 && oddNul === 0);
}

/** Control characters other than tab, line feed, form feed and carriage return, in a sample. */
export function controlShare(text: string): number {
  const sample = text.length > SAMPLE_CHARS ? text.slice(0, SAMPLE_CHARS) : text;
  if (sample.length === 0) return 0;
  let control = 0;
  for (let i = 0; i < sample.length; i++) {
    const c = sample.charCodeAt(i);
    if ((c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0c && c !== 0x0d) || c === 0x7f || c === 0xfffd) control++;
  }
  return control / sample.length;
}

export function formatMegabytes(bytes: number): string {
  return `${(bytes / 1_000_000).toFixed(1)} MB`;
}

/**
 * Refuse a file too large to read for its kind, before reading it: the window checks a
 * dropped file's size with this too, so a 2 GB video renamed .txt is never read.
 */
export function checkFileSize(name: string, size: number, kind: FileKind = detectKind(name)): void {
  const max = MAX_FILE_BYTES[kind];
  if (size <= max) return;
  const reason =
    kind === 'text' || kind === 'markdown'
      ? `the file is ${formatMegabytes(size)}, more than 5 MB of text; Newsmark takes articles of up to 5 MB.`
      : `the file is ${formatMegabytes(size)}; Newsmark reads ${kind === 'html' ? 'pages' : 'exports'} of up to ${formatMegabytes(max)}.`;
  throw new ImportError(name, 'too-large', reason);
}

/** Refuse bytes that are not text. Call before decoding. */
export function checkBytes(file: string, bytes: Uint8Array): void {
  if (bytes.length === 0) throw new ImportError(file, 'empty', 'the file is empty.');
  const bomUtf16 = (bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff);
  if (!bomUtf16 && hasNulByte(bytes)) {
    if (looksLikeUtf16WithoutBom(bytes)) {
      throw new ImportError(file, 'binary', 'the file looks like UTF-16 text without a byte order mark; save it as UTF-8 and import it again.');
    }
    throw new ImportError(file, 'binary', 'this is a binary file, not text (it contains NUL bytes).');
  }
}

/** Refuse a decoded text that is really binary: NUL characters or many control characters. */
export function checkNotBinary(file: string, text: string): void {
  if (text.includes('\0')) throw new ImportError(file, 'binary', 'this is a binary file, not text (it contains NUL characters).');
  const share = controlShare(text);
  if (share > CONTROL_SHARE_LIMIT) {
    throw new ImportError(file, 'binary', `this is a binary file, not text (${Math.round(share * 100)}% of its characters are control characters).`);
  }
}

/** `what` names the text when it is not the whole file ("the article text of this page"). */
export function checkNotEmpty(file: string, text: string, what = 'the file'): void {
  if (text.trim() === '') {
    throw new ImportError(file, 'empty', text.length === 0 ? `${what} has no text.` : `${what} contains only white space.`);
  }
}

/** The article limit applies to the canonical text, which is what the library stores. */
export function checkLength(file: string, text: string, what = 'the file'): void {
  if (text.length > MAX_TEXT_LENGTH) {
    throw new ImportError(
      file,
      'too-large',
      `${what} has ${text.length.toLocaleString('en-US')} characters of text; Newsmark takes articles of up to 5 MB (${MAX_TEXT_LENGTH.toLocaleString('en-US')} characters).`,
    );
  }
}
