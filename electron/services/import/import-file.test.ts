import fs from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeWindows1252 } from '../../../shared/import/decode';
import { MAX_TEXT_LENGTH } from '../../../shared/model/types';
import { canonicalText } from '../../../shared/text/line-index';
import { ImportError, importFile, type ImportedFile } from './import-file';
import { POLNEAR_DEV_TEXT } from '../../../tests/corpus/paths';

const FIXTURES = path.resolve(__dirname, '../../../fixtures/import');
const SAMPLE = path.resolve(__dirname, '../../../resources/sample/venezuela-maduro-call.txt');
const POLNEAR_DEV = POLNEAR_DEV_TEXT;
const ASTRAL = ' Reactions online ranged from 👍 to 😡.';
/** What every encoded fixture holds, read by Node's own UTF-8 decoder (not ours) from the BOM'd UTF-8 one. */
const ENCODED_TEXT = fs.readFileSync(path.join(FIXTURES, 'utf8-bom.txt'), 'utf8').replace(/^\ufeff/, '').slice(0, -ASTRAL.length);

const bytesOf = (file: string) => new Uint8Array(fs.readFileSync(file));
const importFixture = (name: string) => importFile({ name, bytes: bytesOf(path.join(FIXTURES, name)) });
const utf8 = (s: string) => new TextEncoder().encode(s);

function article(result: ImportedFile) {
  if (result.kind !== 'article') throw new Error(`expected an article, got ${result.kind}`);
  return result;
}

async function refusal(promise: Promise<unknown>): Promise<ImportError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof ImportError) return error;
    throw error;
  }
  throw new Error('expected an ImportError');
}

describe('importFile: .txt', () => {
  it('imports the sample as is, with its dateline and first-sentence title', async () => {
    const result = article(await importFile({ name: 'venezuela-maduro-call.txt', bytes: bytesOf(SAMPLE) }));
    expect(result).toEqual({
      kind: 'article',
      name: 'venezuela-maduro-call.txt',
      text: fs.readFileSync(SAMPLE, 'utf8'),
      title: 'It was claimed that U.S. President Donald Trump had a phone conversation with Venezuelan…',
      source: { published: '2025-12-01T13:06' },
    });
  });

  it('changes CRLF to LF and nothing else', async () => {
    const raw = fs.readFileSync(path.join(FIXTURES, 'crlf.txt'), 'latin1');
    expect(raw).toContain('\r\n');
    const result = article(await importFixture('crlf.txt'));
    expect(result.text).toBe(new TextDecoder().decode(bytesOf(path.join(FIXTURES, 'crlf.txt'))).replaceAll('\r\n', '\n'));
    expect(result.text).not.toContain('\r');
    expect(result.title).toBe('Ferry service suspended after storm damages pier');
    expect(result.source.published).toBe('2025-12-01T13:06');
  });

  it('turns a lone CR into LF too', async () => {
    expect(article(await importFile({ name: 'cr.txt', bytes: utf8('a\rb\r\nc\n') })).text).toBe('a\nb\nc\n');
  });

  it('keeps every PolNeAR dev text byte for byte, so corpus offsets stay valid', async () => {
    const files = fs.readdirSync(POLNEAR_DEV).filter((f) => f.endsWith('.txt'));
    expect(files.length).toBe(84);
    for (const file of files) {
      const bytes = bytesOf(path.join(POLNEAR_DEV, file));
      const result = article(await importFile({ name: file, bytes }));
      expect(result.text).toBe(new TextDecoder().decode(bytes));
    }
  });

  it('imported text equals the decoded text with line ends made LF, for any text', async () => {
    const unit = fc.constantFrom('a', 'Z', ' ', '\t', '\n', '\r', 'é', '“', '’', '\u00a0', '\ufeff', '👍', '𝒜', '中');
    await fc.assert(
      fc.asyncProperty(fc.string({ unit, minLength: 1, maxLength: 60 }), async (s) => {
        fc.pre(s.trim() !== '' && !s.startsWith('\ufeff'));
        const result = article(await importFile({ name: 'p.txt', bytes: utf8(s) }));
        expect(result.text).toBe(canonicalText(s));
      }),
      { numRuns: 300 },
    );
  });
});

describe('importFile: encodings', () => {
  it.each(['utf16le-bom.txt', 'utf16be-bom.txt', 'utf8-bom.txt'])('%s: decoded, BOM dropped', async (name) => {
    const result = article(await importFixture(name));
    expect(result.text).toBe(ENCODED_TEXT + ASTRAL);
    expect(result.title).toBe('Harbour pilots vote to strike');
  });

  it('windows-1252: curly quotes from 0x93/0x94, one character per byte', async () => {
    const result = article(await importFixture('windows-1252.txt'));
    expect(result.text).toBe(ENCODED_TEXT);
    expect(result.text).toHaveLength(bytesOf(path.join(FIXTURES, 'windows-1252.txt')).length);
  });

  it('an HTML page in a declared charset that is not UTF-8', async () => {
    const html = fs.readFileSync(path.join(FIXTURES, 'news-page.html'), 'utf8').replace('<meta charset="utf-8">', '<meta charset="iso-8859-1">');
    const byteOf = new Map([...decodeWindows1252(Uint8Array.from({ length: 256 }, (_, i) => i))].map((c, i) => [c, i]));
    const bytes = Uint8Array.from(html, (c) => {
      const b = byteOf.get(c);
      if (b === undefined) throw new Error(`${c} is not in windows-1252`);
      return b;
    });
    expect(bytes).toContain(0x93);
    const result = article(await importFile({ name: 'latin.html', bytes }));
    expect(result.text).toContain('“We do not take a decision like this lightly,” said Margaret Osei, the council’s cabinet member for transport.');
    expect(result.text).toContain('£4.2m');
  });
});

describe('importFile: Markdown, HTML, Newsmark JSON', () => {
  it('.md: syntax removed, headline and front matter used', async () => {
    const result = article(await importFixture('article.md'));
    expect(result.title).toBe("Tenants' group says rent cap is being ignored");
    expect(result.source).toEqual({
      byline: 'Tomás Ferreira',
      url: 'https://www.harborledger.example/news/2025/05/09/rent-cap',
      published: '2025-05-09T16:20:00+01:00',
    });
    expect(result.text.split('\n')[0]).toBe(result.title);
    expect(result.text).not.toMatch(/\*\*|\]\(|^#/m);
  });

  it('.md without front matter: the dateline gives the date, the heading the title', async () => {
    const result = article(await importFile({ name: 'n.md', bytes: utf8('14.03.2025 07:45\n\n# Bridge to close\n\nThe *bridge* will close.') }));
    expect(result).toMatchObject({ title: 'Bridge to close', source: { published: '2025-03-14T07:45' } });
    expect(result.text).toBe('14.03.2025 07:45\nBridge to close\nThe bridge will close.');
  });

  it('.html: the article with its metadata', async () => {
    const result = article(await importFixture('news-page.html'));
    expect(result.title).toBe('Council approves emergency repairs to Eastport swing bridge after inspection finds corrosion');
    expect(result.source).toEqual({
      outlet: 'The Harbor Ledger',
      url: 'https://www.harborledger.example/news/2025/03/14/eastport-swing-bridge-repairs',
      byline: 'Priya Raman',
      published: '2025-03-14T07:45:00+00:00',
    });
    expect(result.text).not.toMatch(/cookie|Advertisement|gtag/i);
  });

  it('.json: a Newsmark export comes back as its own kind, untouched', async () => {
    const result = await importFixture('newsmark-export.json');
    expect(result.kind).toBe('newsmark');
    expect(result).toEqual({ kind: 'newsmark', name: 'newsmark-export.json', export: JSON.parse(fs.readFileSync(path.join(FIXTURES, 'newsmark-export.json'), 'utf8')) });
  });
});

describe('importFile: bad input names the file and the reason', () => {
  it.each([
    ['image-renamed.txt', 'binary', 'image-renamed.txt: this is a binary file, not text (it contains NUL bytes).'],
    ['empty.txt', 'empty', 'empty.txt: the file is empty.'],
    ['whitespace.txt', 'empty', 'whitespace.txt: the file contains only white space.'],
    ['login-page.html', 'no-article', 'login-page.html: no article text was found in this page (is it a login, search or index page?).'],
    ['web-annotation.json', 'not-newsmark', 'web-annotation.json: this JSON file is not a Newsmark export (it has no "format": "newsmark").'],
    [
      'newsmark-export-no-text.json',
      'no-text',
      'newsmark-export-no-text.json: this Newsmark export was saved without the article text, so the article cannot be restored from it; export it again with the text included.',
    ],
  ])('%s', async (name, code, message) => {
    const error = await refusal(importFixture(name));
    expect(error).toMatchObject({ file: name, code, message });
    expect(error.message).toBe(`${error.file}: ${error.reason}`);
  });

  it('an unsupported extension, before reading anything', async () => {
    const error = await refusal(importFile({ name: 'story.docx', bytes: utf8('PK') }));
    expect(error).toMatchObject({ code: 'unsupported', message: 'story.docx: Newsmark cannot import .docx files; it reads .txt, .md, .html, .htm and .json files.' });
  });

  it('a text over 5 MB, counted after CRLF → LF', async () => {
    const exact = 'a'.repeat(MAX_TEXT_LENGTH - 1) + '\r\n';
    expect(article(await importFile({ name: 'limit.txt', bytes: utf8(exact) })).text).toHaveLength(MAX_TEXT_LENGTH);
    const error = await refusal(importFile({ name: 'big.txt', bytes: utf8('a'.repeat(MAX_TEXT_LENGTH + 1)) }));
    expect(error.message).toBe('big.txt: the file has 5,000,001 characters of text; Newsmark takes articles of up to 5 MB (5,000,000 characters).');
  });

  it('a text file too large to hold 5 MB of text is refused unread', async () => {
    const error = await refusal(importFile({ name: 'huge.txt', bytes: new Uint8Array(3 * MAX_TEXT_LENGTH + 4) }));
    expect(error.message).toBe('huge.txt: the file is 15.0 MB, more than 5 MB of text; Newsmark takes articles of up to 5 MB.');
  });

  it('a Markdown file with nothing left once the syntax is gone', async () => {
    const error = await refusal(importFile({ name: 'pics.md', bytes: utf8('![a](b.png)\n\n---\n') }));
    expect(error.message).toBe('pics.md: the Markdown, once its formatting is removed, has no text.');
  });

  it('control characters without NUL bytes', async () => {
    const error = await refusal(importFile({ name: 'ctl.txt', bytes: Uint8Array.from([0x41, 1, 2, 3, 4, 5, 6, 7, 8, 0x42]) }));
    expect(error.message).toBe('ctl.txt: this is a binary file, not text (80% of its characters are control characters).');
  });

  it('JSON that does not parse', async () => {
    const error = await refusal(importFile({ name: 'broken.json', bytes: utf8('{"format": "newsmark", ') }));
    expect(error.code).toBe('invalid-json');
    expect(error.message).toMatch(/^broken\.json: this is not valid JSON \(/);
  });
});
