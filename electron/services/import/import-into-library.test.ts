import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { toNewsmarkExport } from '../../../shared/formats/newsmark-json';
import { textHash } from '../../../shared/hash';
import type { ImportOutcome } from '../../../shared/ipc/contract';
import type { Annotation, Article } from '../../../shared/model/types';
import { Library } from '../library';
import { tempPorts } from '../test-ports';
import { importChosenFile, importIntoLibrary } from './import-into-library';

const FIXTURES = path.resolve(import.meta.dirname, '../../../fixtures/import');
const bytesOf = (name: string) => new Uint8Array(fs.readFileSync(path.join(FIXTURES, name)));
const utf8 = (s: string) => new TextEncoder().encode(s);

async function library() {
  const ports = tempPorts();
  const lib = new Library(ports);
  await lib.init();
  return { lib, ports };
}

/** Every file under the data folder with its content: what "changes nothing" compares. */
function snapshot(dataDir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else out[path.relative(dataDir, full)] = fs.readFileSync(full, 'utf8');
    }
  };
  walk(dataDir);
  return out;
}

function imported(outcome: ImportOutcome) {
  if (outcome.status !== 'imported') throw new Error(`expected an import, got ${outcome.file}: ${outcome.reason}`);
  return outcome;
}

function refused(outcome: ImportOutcome) {
  if (outcome.status !== 'failed') throw new Error(`expected a refusal, got ${outcome.article.title}`);
  return outcome;
}

const author = { id: 'ed-1', name: 'Ana' };
const at = '2025-12-02T09:00:00.000Z';

/** An article with text outside the BMP, a split quote, a link and a note: what must survive a round trip. */
async function richExport(options: { id?: string } = {}) {
  const text = 'Mayor 𝐀𝐁 said 😀 “rates will rise,” she added, “next year.”\nOfficials 🎉 confirmed the plan on Monday.';
  const span = (needle: string) => ({ start: text.indexOf(needle), end: text.indexOf(needle) + needle.length });
  const annotations: Annotation[] = [
    { id: 'att-1', tag: 'attribution', spans: [span('Mayor 𝐀𝐁')], note: '', links: [], author, createdAt: at, updatedAt: at },
    { id: 'q-1', tag: 'quote', spans: [span('“rates will rise,”'), span('“next year.”')], note: 'split quote', links: ['att-1'], author, createdAt: at, updatedAt: '2025-12-03T10:00:00.000Z' },
    { id: 'c-1', tag: 'claim', spans: [span('🎉 confirmed the plan')], note: '', links: [], author: { id: 'ed-2', name: 'Bo' }, createdAt: at, updatedAt: at, origin: { kind: 'colleague', file: 'bo.json' } },
  ];
  const article: Article = {
    id: options.id ?? 'b7e1c2d4-0000-4000-8000-000000000002',
    title: 'Mayor says rates will rise',
    text,
    source: { outlet: 'Harbor Ledger', url: 'https://harbor.example/rates', byline: 'Priya Raman', published: '2025-12-01T13:06' },
    textHash: await textHash(text),
    createdAt: at,
    updatedAt: at,
  };
  const exported = toNewsmarkExport(article, annotations, { includeText: true, exporter: { name: 'Newsmark', version: '0.1.0' }, now: at });
  return { article, annotations, exported, json: JSON.stringify(exported, null, 2) };
}

describe('importIntoLibrary', () => {
  it('a .txt with CRLF: LF text, headline title, dateline date', async () => {
    const { lib } = await library();
    const out = imported(await importIntoLibrary(lib, { name: 'crlf.txt', bytes: bytesOf('crlf.txt') }));
    expect(out).toMatchObject({ file: 'crlf.txt', annotations: 0, restored: false });
    expect(out.article).toMatchObject({ title: 'Ferry service suspended after storm damages pier', source: { published: '2025-12-01T13:06' } });
    expect(lib.open(out.article.id).article.text).not.toContain('\r');
  });

  it('a saved news page keeps title, byline, outlet, published time and URL', async () => {
    const { lib } = await library();
    const out = imported(await importIntoLibrary(lib, { name: 'news-page.html', bytes: bytesOf('news-page.html') }));
    expect(out.article.title).toBe('Council approves emergency repairs to Eastport swing bridge after inspection finds corrosion');
    expect(out.article.source).toEqual({
      outlet: 'The Harbor Ledger',
      url: 'https://www.harborledger.example/news/2025/03/14/eastport-swing-bridge-repairs',
      byline: 'Priya Raman',
      published: '2025-03-14T07:45:00+00:00',
    });
  });

  it('a Markdown article keeps its front matter', async () => {
    const { lib } = await library();
    const out = imported(await importIntoLibrary(lib, { name: 'article.md', bytes: bytesOf('article.md') }));
    expect(out.article).toMatchObject({
      title: "Tenants' group says rent cap is being ignored",
      source: { byline: 'Tomás Ferreira', url: 'https://www.harborledger.example/news/2025/05/09/rent-cap', published: '2025-05-09T16:20:00+01:00' },
    });
  });

  it('a Newsmark export brings back the article and its annotations exactly, in UTF-16 offsets', async () => {
    const { lib, ports } = await library();
    const { article, annotations, json } = await richExport();
    const out = imported(await importIntoLibrary(lib, { name: 'rates.newsmark.json', bytes: utf8(json) }));
    expect(out).toMatchObject({ annotations: 3, restored: true });
    expect(out.article).toMatchObject({ id: article.id, title: article.title, source: article.source, counts: { claim: 1, quote: 1, attribution: 1 } });
    const opened = lib.open(out.article.id);
    expect(opened.article.text).toBe(article.text);
    expect(opened.article.textHash).toBe(article.textHash);
    expect(opened.annotations).toEqual(annotations);
    // Stored as the app stores everything: the file reads back the same after a restart.
    lib.close();
    const again = new Library(tempPorts({ dataDir: ports.dataDir }));
    await again.init();
    expect(again.open(article.id).annotations).toEqual(annotations);
  });

  it('the fixture export restores its quote on the sample text', async () => {
    const { lib } = await library();
    const out = imported(await importIntoLibrary(lib, { name: 'newsmark-export.json', bytes: bytesOf('newsmark-export.json') }));
    const { article, annotations } = lib.open(out.article.id);
    expect(annotations).toHaveLength(1);
    const [span] = annotations[0]!.spans;
    expect(article.text.slice(span!.start, span!.end)).toBe('"immediately leave Venezuela to save his life."');
  });

  it('restoring the same export twice gives the second copy its own id', async () => {
    const { lib } = await library();
    const { json } = await richExport();
    const first = imported(await importIntoLibrary(lib, { name: 'a.json', bytes: utf8(json) }));
    const second = imported(await importIntoLibrary(lib, { name: 'a.json', bytes: utf8(json) }));
    expect(second.article.id).not.toBe(first.article.id);
    expect(lib.open(second.article.id).annotations).toHaveLength(3);
  });

  it('an export with CRLF in its text is stored with LF and its spans re-anchored', async () => {
    const { lib } = await library();
    const { exported } = await richExport();
    // Offsets (code points) shift by one after the line break once \r\n becomes \n.
    const crlf = { ...exported, article: { ...exported.article, text: exported.article.text!.replace('\n', '\r\n'), length: exported.article.length + 1 } };
    crlf.annotations = crlf.annotations.map((a) => ({ ...a, spans: a.spans.map((s) => (s.start > 60 ? { ...s, start: s.start + 1, end: s.end + 1 } : s)) }));
    const out = imported(await importIntoLibrary(lib, { name: 'crlf.json', bytes: utf8(JSON.stringify(crlf)) }));
    const { article, annotations } = lib.open(out.article.id);
    const claim = annotations.find((a) => a.id === 'c-1')!;
    expect(article.text.slice(claim.spans[0]!.start, claim.spans[0]!.end)).toBe('🎉 confirmed the plan');
  });

  it('an invalid export is refused with every problem located, and nothing changes', async () => {
    const { lib, ports } = await library();
    lib.close();
    const before = snapshot(ports.dataDir);
    const { exported } = await richExport();
    const broken = structuredClone(exported);
    broken.annotations[0]!.spans[0]!.exact = 'Mayor XY';
    broken.annotations[1]!.links = ['nobody'];
    (broken.annotations[2] as unknown as { tag: string }).tag = 'rumour';
    let out = refused(await importIntoLibrary(lib, { name: 'broken.json', bytes: utf8(JSON.stringify(broken)) }));
    expect(out.code).toBe('invalid-export');
    expect(out.problems!.map((p) => p.where)).toEqual(['$.annotations[2].tag']);
    (broken.annotations[2] as unknown as { tag: string }).tag = 'claim';
    out = refused(await importIntoLibrary(lib, { name: 'broken.json', bytes: utf8(JSON.stringify(broken)) }));
    expect(out.problems!.map((p) => p.where).sort()).toEqual(['$.annotations[0].spans[0].exact', '$.annotations[1].links[0]']);
    expect(out.reason).toMatch(/^this Newsmark export has 2 problems, so nothing was imported:\n/);
    expect(out.reason).toContain('$.annotations[1].links[0]: links to nobody, which does not exist');
    lib.close();
    expect(snapshot(ports.dataDir)).toEqual(before);
  });

  it('every bad input the issue lists is refused, naming the file and the reason, and nothing changes', async () => {
    const { lib, ports } = await library();
    lib.close();
    const before = snapshot(ports.dataDir);
    const cases: [string, Uint8Array, string, RegExp][] = [
      ['image-renamed.txt', bytesOf('image-renamed.txt'), 'binary', /binary file/],
      ['empty.txt', bytesOf('empty.txt'), 'empty', /the file is empty/],
      ['book.txt', utf8('x'.repeat(5_000_001)), 'too-large', /5,000,001 characters/],
      ['login-page.html', bytesOf('login-page.html'), 'no-article', /no article text was found/],
      ['web-annotation.json', bytesOf('web-annotation.json'), 'not-newsmark', /not a Newsmark export/],
      ['story.docx', utf8('PK'), 'unsupported', /cannot import \.docx/],
    ];
    for (const [name, bytes, code, reason] of cases) {
      const out = refused(await importIntoLibrary(lib, { name, bytes }));
      expect(out, name).toMatchObject({ file: name, code });
      expect(out.reason, name).toMatch(reason);
    }
    lib.close();
    expect(snapshot(ports.dataDir)).toEqual(before);
    expect(lib.list().articles).toHaveLength(1);
  });
});

describe('importChosenFile', () => {
  it('reads a chosen file in main', async () => {
    const { lib } = await library();
    const out = imported(await importChosenFile(lib, path.join(FIXTURES, 'article.md')));
    expect(out.file).toBe('article.md');
  });

  it('refuses an oversized file without reading it, and files it cannot read', async () => {
    const { lib, ports } = await library();
    const big = path.join(ports.dataDir, 'huge.txt');
    fs.writeFileSync(big, '');
    fs.truncateSync(big, 40_200_000); // sparse: a 40 MB file that costs nothing to make
    expect(refused(await importChosenFile(lib, big))).toMatchObject({ file: 'huge.txt', code: 'too-large', reason: expect.stringMatching(/40\.2 MB, more than 5 MB of text/) });
    expect(refused(await importChosenFile(lib, path.join(ports.dataDir, 'gone.txt')))).toMatchObject({ file: 'gone.txt', code: 'unreadable', reason: expect.stringMatching(/no longer exists/) });
    expect(refused(await importChosenFile(lib, FIXTURES))).toMatchObject({ code: 'unreadable' });
  });
});
