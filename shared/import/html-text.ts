import { isSurrogate } from '../text/surrogates';

/**
 * String-level HTML helpers for inline HTML inside Markdown. Pages go through a real DOM
 * (electron/services/import/html.ts); these only need to handle what people type in prose.
 */
const NAMED: Record<string, string> = {
  amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0',
  ndash: '–', mdash: '—', hellip: '…', lsquo: '‘', rsquo: '’', ldquo: '“', rdquo: '”',
  laquo: '«', raquo: '»', bull: '•', middot: '·', copy: '©', reg: '®', trade: '™',
  euro: '€', pound: '£', deg: '°', times: '×', shy: '\u00ad',
};

export function decodeEntities(text: string): string {
  return text.replace(/&(?:#(\d{1,7})|#[xX]([0-9a-fA-F]{1,6})|([A-Za-z]+));/g, (all, dec?: string, hex?: string, name?: string) => {
    if (name !== undefined) return NAMED[name] ?? all;
    const code = dec !== undefined ? Number(dec) : parseInt(hex!, 16);
    // NUL, surrogates and out-of-range points are not characters: keep the source text.
    return code > 0 && code <= 0x10ffff && !isSurrogate(code) ? String.fromCodePoint(code) : all;
  });
}

/** Remove tags (`<b>`, `</span>`, `<img …/>`); a `<` not opening a tag ("a < b") stays. */
export function stripTags(text: string): string {
  return text.replace(/<\/?[A-Za-z][\w:-]*(?:\s+[^<>]*?)?\s*\/?>/g, '');
}
