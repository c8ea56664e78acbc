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
    const label = options.fallback && isKnownEncoding(options.fallback) ? options.fallback : 'windows-1252';
    const decoder = new TextDecoder(label, { ignoreBOM: true });
    return { text: decoder.decode(bytes), encoding: decoder.encoding, bom: false };
  }
}

function isKnownEncoding(label: string): boolean {
  try {
    new TextDecoder(label);
    return true;
  } catch {
    return false;
  }
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
