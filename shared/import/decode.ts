/**
 * Bytes → string, without normalising anything that would shift offsets: only the byte
 * order mark is dropped. UTF-8 is tried strictly first; bytes that are not valid UTF-8 are
 * read as the page's declared charset (HTML) or else as windows-1252, the usual encoding
 * of older Western newsroom files (curly quotes are 0x93/0x94 there).
 */
export type Encoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252' | (string & {});

export interface DecodedText {
  text: string;
  encoding: Encoding;
  /** The file started with a byte order mark (dropped from `text`). */
  bom: boolean;
}

export interface DecodeOptions {
  /** Encoding label for bytes that are not valid UTF-8 (e.g. from `<meta charset>`). */
  fallback?: string;
}

export function decodeText(bytes: Uint8Array, options: DecodeOptions = {}): DecodedText {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    // A BOM declares UTF-8; invalid sequences after it become U+FFFD rather than a guess.
    return { text: new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes.subarray(3)), encoding: 'utf-8', bom: true };
  }
  if (bytes[0] === 0xff && bytes[1] === 0xfe) {
    return { text: new TextDecoder('utf-16le', { ignoreBOM: true }).decode(bytes.subarray(2)), encoding: 'utf-16le', bom: true };
  }
  if (bytes[0] === 0xfe && bytes[1] === 0xff) {
    return { text: new TextDecoder('utf-16be', { ignoreBOM: true }).decode(bytes.subarray(2)), encoding: 'utf-16be', bom: true };
  }
  try {
    return { text: new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes), encoding: 'utf-8', bom: false };
  } catch {
    const encoding = (options.fallback && encodingOf(options.fallback)) || 'windows-1252';
    if (encoding === 'windows-1252') return { text: decodeWindows1252(bytes), encoding, bom: false };
    return { text: new TextDecoder(encoding, { ignoreBOM: true }).decode(bytes), encoding, bom: false };
  }
}

/** The WHATWG name for a label ("latin1" → "windows-1252"), or undefined for an unknown one. */
function encodingOf(label: string): string | undefined {
  try {
    return new TextDecoder(label).encoding;
  } catch {
    return undefined;
  }
}

/** windows-1252 bytes 0x80–0x9F (WHATWG index); the five unassigned bytes stay C1 controls. */
const CP1252_C1 = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ';

/**
 * Node 20.18.3+ and 22.13+ decode 'windows-1252' as ISO-8859-1, so 0x93 becomes U+0093
 * instead of “ (nodejs/node#60888). Decode as Latin-1, which is right for every other
 * byte, and map the 0x80–0x9F range ourselves: one character per byte either way.
 */
export function decodeWindows1252(bytes: Uint8Array): string {
  return new TextDecoder('latin1').decode(bytes).replace(/[\x80-\x9f]/g, (c) => CP1252_C1[c.charCodeAt(0) - 0x80]!);
}

/**
 * The charset an HTML page declares in its first 1024 bytes (`<meta charset=…>` or the
 * http-equiv form), as browsers look for it before parsing.
 */
export function sniffHtmlCharset(bytes: Uint8Array): string | undefined {
  let head = '';
  for (let i = 0; i < Math.min(bytes.length, 1024); i++) head += String.fromCharCode(bytes[i]!);
  const m = /<meta[^>]+charset\s*=\s*["']?\s*([\w.:-]+)/i.exec(head);
  return m?.[1]?.toLowerCase();
}
