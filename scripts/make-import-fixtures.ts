/**
 * Writes the byte-exact import fixtures (encodings, line ends, binary, Newsmark exports)
 * to fixtures/import/. The HTML, Markdown and other JSON fixtures are written by hand.
 * Run: npx tsx scripts/make-import-fixtures.ts — the output is committed; rerunning it
 * must not change a byte.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { toNewsmarkExport } from '../shared/formats/newsmark-json';
import { textHash } from '../shared/hash';
import type { Annotation, Article } from '../shared/model/types';

const dir = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'fixtures', 'import');

/** Shared by the encoded fixtures, so tests compare every one to the same string. */
export const ENCODED_TEXT = [
  'Harbour pilots vote to strike',
  '',
  'Pilots at Eastport voted by 41 to 3 to strike over rosters, their union said on Monday.',
  '“We have no choice,” said the union’s secretary, José Alvarez. “Safety comes first — always.”',
  'The port authority said it was “disappointed” and would “seek talks at once”. Fees rose 8 % to €12.',
].join('\n');

const ASTRAL = ' Reactions online ranged from 👍 to 😡.';

function utf16(text: string, littleEndian: boolean): Uint8Array {
  const out = new Uint8Array(2 + text.length * 2);
  const view = new DataView(out.buffer);
  view.setUint16(0, 0xfeff, littleEndian);
  for (let i = 0; i < text.length; i++) view.setUint16(2 + i * 2, text.charCodeAt(i), littleEndian);
  return out;
}

/** windows-1252 for the characters the fixture uses (TextEncoder only writes UTF-8). */
const CP1252: Record<string, number> = { '“': 0x93, '”': 0x94, '’': 0x92, '—': 0x97, '€': 0x80, 'é': 0xe9 };

function windows1252(text: string): Uint8Array {
  return Uint8Array.from([...text], (ch) => {
    const code = ch.charCodeAt(0);
    if (code < 0x80) return code;
    const byte = CP1252[ch];
    if (byte === undefined) throw new Error(`no windows-1252 byte for ${ch}`);
    return byte;
  });
}

/** A PNG header and a few chunks, saved with a .txt name by mistake. */
function binaryFile(): Uint8Array {
  const bytes = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52, 0, 0, 0, 0x10, 0, 0, 0, 0x10, 8, 6, 0, 0, 0];
  let seed = 7;
  for (let i = 0; i < 480; i++) {
    seed = (seed * 1103515245 + 12345) & 0x7fffffff;
    bytes.push(seed >> 16 & 0xff);
  }
  return Uint8Array.from(bytes);
}

async function newsmarkExports(): Promise<{ withText: string; withoutText: string }> {
  const text = fs.readFileSync(path.join(dir, '..', '..', 'resources', 'sample', 'venezuela-maduro-call.txt'), 'utf8');
  const at = '2025-12-02T09:00:00.000Z';
  const article: Article = {
    id: 'a1b2c3d4-0000-4000-8000-000000000001',
    title: 'It was claimed that U.S. President Donald Trump had a phone conversation with Venezuelan…',
    text,
    source: { outlet: 'Newsmark sample', published: '2025-12-01T13:06' },
    textHash: await textHash(text),
    createdAt: at,
    updatedAt: at,
  };
  const quote = '"immediately leave Venezuela to save his life."';
  const start = text.indexOf(quote);
  const annotations: Annotation[] = [
    {
      id: 'ann-1',
      tag: 'quote',
      spans: [{ start, end: start + quote.length }],
      note: '',
      links: [],
      author: { id: 'editor-1', name: 'Fixture Editor' },
      createdAt: at,
      updatedAt: at,
    },
  ];
  const options = { exporter: { name: 'Newsmark', version: '0.1.0' }, now: at };
  return {
    withText: `${JSON.stringify(toNewsmarkExport(article, annotations, { ...options, includeText: true }), null, 2)}\n`,
    withoutText: `${JSON.stringify(toNewsmarkExport(article, annotations, options), null, 2)}\n`,
  };
}

async function main(): Promise<void> {
  const crlf = `01.12.2025 13:06\r\nFerry service suspended after storm damages pier\r\n\r\nThe ferry operator said on Monday that crossings would stop “until further notice”.\r\nEngineers will inspect the pier on Tuesday.\r\n`;
  const exports = await newsmarkExports();
  const files: Record<string, Uint8Array | string> = {
    'utf16le-bom.txt': utf16(ENCODED_TEXT + ASTRAL, true),
    'utf16be-bom.txt': utf16(ENCODED_TEXT + ASTRAL, false),
    'utf8-bom.txt': `\ufeff${ENCODED_TEXT}${ASTRAL}`,
    'windows-1252.txt': windows1252(ENCODED_TEXT),
    'crlf.txt': crlf,
    'image-renamed.txt': binaryFile(),
    'empty.txt': '',
    'whitespace.txt': ' \r\n\t\r\n  \n',
    'newsmark-export.json': exports.withText,
    'newsmark-export-no-text.json': exports.withoutText,
  };
  for (const [name, content] of Object.entries(files)) fs.writeFileSync(path.join(dir, name), content);
  console.log(`wrote ${Object.keys(files).length} fixtures to ${path.relative(process.cwd(), dir)}`);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) await main();
