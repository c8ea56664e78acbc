import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Annotation } from '../../../shared/model/types';
import type { Orphan } from '../../../shared/transfer/orphans';
import { createHandlers } from '../handlers';
import { Library } from '../library';
import { articleFromNewsmarkJson } from './import';
import { tempPorts } from '../test-ports';
import { POLNEAR_DEV } from '../../../tests/corpus/paths';

const POLNEAR = POLNEAR_DEV;
const STORY = 'breitbart_2016-09-12_stealth-over-health-hillary-clin';
const STORY_ANN = `${STORY}_ef2d.ann`;
/** Text outside the Basic Multilingual Plane: offsets in code points differ from UTF-16. */
const TEXT = 'Emoji 😀 first.\nThe mayor 𝐀𝐁 said “𠀀 rates rise” today, 🎉 officials noted.';
const author = { id: 'u1', name: 'Ana' };

const at = (needle: string) => ({ start: TEXT.indexOf(needle), end: TEXT.indexOf(needle) + needle.length });
function ann(id: string, needle: string, tag: Annotation['tag'], links: string[] = [], note = ''): Annotation {
  return { id, tag, spans: [at(needle)], note, links, author, createdAt: '2026-01-01T00:00:00.000Z', updatedAt: '2026-01-01T00:00:00.000Z' };
}
const cps = (s: string) => Array.from(s);

async function setup(text = TEXT, annotations: Annotation[] = [ann('q', '“𠀀 rates rise”', 'quote', ['o'], 'said = verb'), ann('o', 'officials', 'attribution')]) {
  const ports = tempPorts();
  const handlers = await createHandlers(ports);
  const summary = await handlers.library.create({ text, title: 'Rates rise', outlet: 'Wire' });
  if (annotations.length) handlers.library.apply({ articleId: summary.id, baseRevision: 0, operation: { type: 'batch', ops: annotations.map((a) => ({ type: 'add' as const, annotation: a })) } });
  const out = fs.mkdtempSync(path.join(os.tmpdir(), 'newsmark-transfer-'));
  const file = () => path.join(ports.dataDir, 'articles', `${summary.id}.json`);
  return { ports, handlers, id: summary.id, out, file };
}

async function ok<T>(reply: Promise<{ ok: boolean; value?: unknown; error?: unknown }>): Promise<T> {
  const r = await reply;
  if (!r.ok) throw new Error(JSON.stringify(r.error));
  return r.value as T;
}

describe('export, per format', () => {
  it('Newsmark JSON with and without the text, offsets in code points', async () => {
    const { ports, handlers, id, out } = await setup();
    ports.saveAnswers.push(path.join(out, 'a.json'), path.join(out, 'b.json'));
    await ok(handlers.handle('annotations:export', { articleId: id, format: 'newsmark' }));
    await ok(handlers.handle('annotations:export', { articleId: id, format: 'newsmark', includeText: true }));
    const without = JSON.parse(fs.readFileSync(path.join(out, 'a.json'), 'utf8'));
    const withText = JSON.parse(fs.readFileSync(path.join(out, 'b.json'), 'utf8'));
    expect(without.article.text).toBeUndefined();
    expect(withText.article.text).toBe(TEXT);
    const quote = withText.annotations.find((a: { tag: string }) => a.tag === 'quote');
    expect(cps(TEXT).slice(quote.spans[0].start, quote.spans[0].end).join('')).toBe('“𠀀 rates rise”');
    expect(quote.note).toBe('said = verb');
  });

  it('W3C: an AnnotationCollection and JSON Lines, classifying + tagging, both selectors in code points, links as linking', async () => {
    const { ports, handlers, id, out } = await setup();
    ports.saveAnswers.push(path.join(out, 'c.jsonld'), path.join(out, 'c.jsonl'));
    await ok(handlers.handle('annotations:export', { articleId: id, format: 'w3c' }));
    await ok(handlers.handle('annotations:export', { articleId: id, format: 'w3c-jsonl' }));
    const collection = JSON.parse(fs.readFileSync(path.join(out, 'c.jsonld'), 'utf8'));
    expect(collection).toMatchObject({ '@context': 'http://www.w3.org/ns/anno.jsonld', type: 'AnnotationCollection', total: 3, first: { type: 'AnnotationPage' } });
    const [quote, officials, link] = collection.first.items;
    expect(quote.motivation).toBe('classifying');
    expect(quote.body).toEqual([
      { type: 'TextualBody', value: 'quote', purpose: 'tagging' },
      { type: 'TextualBody', value: 'said = verb', format: 'text/plain', purpose: 'commenting' },
    ]);
    const [q, p] = quote.target.selector;
    expect(q).toMatchObject({ type: 'TextQuoteSelector', exact: '“𠀀 rates rise”' });
    expect(p.type).toBe('TextPositionSelector');
    expect(cps(TEXT).slice(p.start, p.end).join('')).toBe(q.exact);
    expect(officials.body[0].value).toBe('attribution');
    expect(link).toMatchObject({ motivation: 'linking', target: [quote.id, officials.id] });
    const lines = fs.readFileSync(path.join(out, 'c.jsonl'), 'utf8').trimEnd().split('\n').map((l) => JSON.parse(l));
    expect(lines).toHaveLength(3);
    expect(lines.every((l) => l['@context'] === 'http://www.w3.org/ns/anno.jsonld' && l.type === 'Annotation')).toBe(true);
  });

  it('brat: the .ann and the .txt beside it; a different .txt already there is never overwritten', async () => {
    const { ports, handlers, id, out } = await setup();
    ports.saveAnswers.push(path.join(out, 'story.ann'));
    const r = await ok<{ path: string; files: string[] }>(handlers.handle('annotations:export', { articleId: id, format: 'brat' }));
    expect(r.files).toEqual([path.join(out, 'story.ann'), path.join(out, 'story.txt')]);
    expect(fs.readFileSync(path.join(out, 'story.txt'), 'utf8')).toBe(TEXT);
    const lines = fs.readFileSync(path.join(out, 'story.ann'), 'utf8').trimEnd().split('\n');
    const quoteAt = cps(TEXT).join('').indexOf('“𠀀') === -1 ? -1 : cps(TEXT.slice(0, TEXT.indexOf('“𠀀'))).length;
    expect(lines).toEqual([
      `T1\tQuote ${quoteAt} ${quoteAt + cps('“𠀀 rates rise”').length}\t“𠀀 rates rise”`,
      expect.stringMatching(/^T2\tAttribution \d+ \d+\tofficials$/),
      'R1\tAttributedTo Arg1:T1 Arg2:T2',
      '#1\tAnnotatorNotes T1\tsaid = verb',
    ]);
    fs.writeFileSync(path.join(out, 'other.txt'), 'another text');
    ports.saveAnswers.push(path.join(out, 'other.ann'));
    const refused = await handlers.handle('annotations:export', { articleId: id, format: 'brat' });
    expect(refused).toMatchObject({ ok: false, error: { code: 'conflict', message: expect.stringContaining('other.txt already exists with a different text') } });
    expect(fs.existsSync(path.join(out, 'other.ann'))).toBe(false);
    expect(fs.readFileSync(path.join(out, 'other.txt'), 'utf8')).toBe('another text');
  });

  it('CSV: one row per fragment, RFC 4180 quoting, a BOM for spreadsheets, code points', async () => {
    const { ports, handlers, id, out } = await setup();
    ports.saveAnswers.push(path.join(out, 'd.csv'));
    await ok(handlers.handle('annotations:export', { articleId: id, format: 'csv' }));
    const raw = fs.readFileSync(path.join(out, 'd.csv'), 'utf8');
    expect(raw.startsWith('\uFEFFid,tag,fragment,start,end,exact,')).toBe(true);
    const rows = raw.slice(1).trimEnd().split('\r\n');
    expect(rows).toHaveLength(3);
    const quote = rows[1]!.split(',');
    expect(quote.slice(0, 3)).toEqual(['q', 'quote', '1']);
    expect(cps(TEXT).slice(Number(quote[3]), Number(quote[4])).join('')).toBe('“𠀀 rates rise”');
  });
});

describe('export all to a folder', () => {
  it('writes one file per article, resolves name clashes and overwrites nothing', async () => {
    const { ports, handlers, out } = await setup();
    await handlers.library.create({ text: 'Another story.\n\nBody.', title: 'Rates rise' }); // same title
    fs.writeFileSync(path.join(out, 'rates-rise.w3c.jsonl'), 'mine, not Newsmark’s');
    ports.folderAnswers.push(undefined, out);
    expect(await ok(handlers.handle('annotations:export-all', { format: 'w3c-jsonl' }))).toEqual({ canceled: true });
    const r = await ok<{ folder: string; count: number; files: string[]; failed: unknown[] }>(handlers.handle('annotations:export-all', { format: 'w3c-jsonl' }));
    expect(r).toMatchObject({ folder: out, count: 3, failed: [] });
    expect(fs.readFileSync(path.join(out, 'rates-rise.w3c.jsonl'), 'utf8')).toBe('mine, not Newsmark’s');
    expect(r.files.map((f) => path.basename(f)).sort()).toEqual([expect.stringMatching(/^it-was-claimed-that-u-s-president-donald-trump-had-a-[a-z-]+\.w3c\.jsonl$/), 'rates-rise-2.w3c.jsonl', 'rates-rise-3.w3c.jsonl']);
  });

  it('brat: both files of a stem must be free', async () => {
    const { ports, handlers, out } = await setup();
    fs.writeFileSync(path.join(out, 'rates-rise.txt'), 'someone else’s');
    ports.folderAnswers.push(out);
    const r = await ok<{ files: string[] }>(handlers.handle('annotations:export-all', { format: 'brat' }));
    expect(r.files.map((f) => path.basename(f))).toContain('rates-rise-2.ann');
    expect(r.files.map((f) => path.basename(f))).toContain('rates-rise-2.txt');
    expect(fs.existsSync(path.join(out, 'rates-rise.ann'))).toBe(false);
  });
});

type Prepared = { file: string; format: string; operation: { type: 'batch'; ops: { type: 'add'; annotation: Annotation }[] }; orphans: { add?: Orphan[] }; counts: Record<string, number> };

describe('import onto an article', () => {
  it('renames clashing ids (links follow), applies as one operation with the orphans, and both survive a restart', async () => {
    const { ports, handlers, id, out, file } = await setup();
    // A colleague's export: same ids as ours, one annotation on words our text lacks.
    const theirs = {
      format: 'newsmark',
      version: 1,
      exporter: { name: 'Newsmark', version: '0.1.0' },
      exportedAt: '2026-01-02T00:00:00.000Z',
      article: { id: 'x', title: 'Rates rise', source: {}, textHash: `sha256:${'0'.repeat(64)}`, length: cps(TEXT).length },
      annotations: [
        { id: 'o', tag: 'claim', spans: [{ start: 0, end: 5, exact: 'Emoji', prefix: '', suffix: ' 😀 first.\nThe mayor 𝐀𝐁 said “𠀀' }], note: '', links: ['gone'], author: { id: 'u2', name: 'Ben' }, createdAt: 'a', updatedAt: 'a' },
        { id: 'gone', tag: 'attribution', spans: [{ start: 20, end: 28, exact: 'Treasury', prefix: 'xx', suffix: 'yy' }], note: '', links: [], author: { id: 'u2', name: 'Ben' }, createdAt: 'a', updatedAt: 'a' },
      ],
    };
    const input = path.join(out, 'theirs.newsmark.json');
    fs.writeFileSync(input, JSON.stringify(theirs));
    ports.openAnswers.push([input]);
    const prepared = await ok<Prepared>(handlers.handle('annotations:import', { articleId: id }));
    expect(prepared.counts).toEqual({ total: 2, exact: 1, fuzzy: 0, unplaced: 1, duplicates: 0, renamed: 1 });
    const [placed] = prepared.operation.ops;
    expect(placed!.annotation).toMatchObject({ tag: 'claim', spans: [{ start: 0, end: 5 }], links: [], author: { name: 'Ben' }, origin: { kind: 'import', file: 'theirs.newsmark.json', originalId: 'o' } });
    expect(placed!.annotation.id).not.toBe('o');
    expect(prepared.orphans.add).toMatchObject([{ id: 'gone', linkedFrom: [placed!.annotation.id], spans: [{ exact: 'Treasury' }] }]);
    // Nothing is stored until the window applies it.
    handlers.library.snapshotAll(); // changes are journaled until the snapshot folds them in
    expect(JSON.parse(fs.readFileSync(file(), 'utf8')).annotations).toHaveLength(2);
    await ok(handlers.handle('annotations:apply', { articleId: id, baseRevision: 1, operation: prepared.operation, orphans: prepared.orphans }));
    handlers.library.close();

    const again = new Library(tempPorts({ dataDir: ports.dataDir }));
    await again.init();
    const opened = again.open(id);
    expect(opened.annotations.map((a) => a.id).sort()).toEqual(['o', 'q', placed!.annotation.id].sort());
    expect(opened.orphans!.map((o) => o.id)).toEqual(['gone']);
    expect(JSON.parse(fs.readFileSync(file(), 'utf8')).schemaVersion).toBe(3);
  });

  it('reads brat with the .txt beside it, or in PolNeAR’s ../text folder, and keeps the brat type', async () => {
    const text = fs.readFileSync(path.join(POLNEAR, 'text', `${STORY}.txt`), 'utf8');
    const { ports, handlers, id } = await setup(text, []);
    ports.openAnswers.push([path.join(POLNEAR, 'attributions', STORY_ANN)]);
    const prepared = await ok<Prepared & { note: string }>(handlers.handle('annotations:import', { articleId: id }));
    const entities = fs.readFileSync(path.join(POLNEAR, 'attributions', STORY_ANN), 'utf8').split('\n').filter((l) => /^T\d+\t(Source|Cue|Content) /.test(l));
    expect(prepared.note).toBe(`Offsets checked against ${STORY}.txt.`);
    expect(prepared.counts).toMatchObject({ total: entities.length, exact: entities.length, unplaced: 0 });
    const types = new Set(prepared.operation.ops.map((o) => o.annotation.origin?.originalType));
    expect([...types].sort()).toEqual(['Content', 'Cue', 'Source']);
  });

  it('refuses a file for another article, as Review does: almost nothing places, the text hash is the evidence', async () => {
    const text = fs.readFileSync(path.join(POLNEAR, 'text', `${STORY}.txt`), 'utf8');
    const { ports, handlers, id, file } = await setup(text, []);
    const before = fs.readFileSync(file(), 'utf8');
    const other = fs.readdirSync(path.join(POLNEAR, 'attributions')).find((f) => f.startsWith('nyt_'))!;
    ports.openAnswers.push([path.join(POLNEAR, 'attributions', other)]);
    const { rejected } = await ok<{ rejected: { file: string; message: string } }>(handlers.handle('annotations:import', { articleId: id }));
    const hash = JSON.parse(before).article.textHash.replace('sha256:', '').slice(0, 12);
    expect(rejected.file).toBe(other);
    expect(rejected.message).toMatch(new RegExp(`^(None|Only \\d+) of the \\d+ annotations in ${other.replace(/\./g, '\\.')} could be placed on this article's text, so it looks made for another article \\(this article's text has hash ${hash}…\\)\\. Nothing was changed`));
    expect(fs.readFileSync(file(), 'utf8')).toBe(before);
  });

  it('refuses a bad file with every problem located, and stores nothing', async () => {
    const { ports, handlers, id, out, file } = await setup();
    const before = fs.readFileSync(file(), 'utf8');
    const cases: [string, string, RegExp][] = [
      ['truncated.json', '{"format": "newsmark", "version": 1, "annotations": [', /^line 1 column \d+$/],
      ['types.json', JSON.stringify({ format: 'newsmark', version: 1, exporter: { name: 'x', version: '1' }, exportedAt: 'x', article: { id: 'a', title: 't', source: {}, textHash: `sha256:${'0'.repeat(64)}`, length: 10 }, annotations: [{ id: 'a', tag: 'rumour', spans: [], note: 1, links: [], author: { id: 'u', name: 'U' }, createdAt: 'x', updatedAt: 'x' }] }), /^\$\.annotations\[0\]\.(tag|spans|note)$/],
      ['range.json', JSON.stringify({ format: 'newsmark', version: 1, exporter: { name: 'x', version: '1' }, exportedAt: 'x', article: { id: 'a', title: 't', source: {}, textHash: `sha256:${'0'.repeat(64)}`, length: 10 }, annotations: [{ id: 'a', tag: 'claim', spans: [{ start: 5, end: 99, exact: 'x', prefix: '', suffix: '' }], note: '', links: [], author: { id: 'u', name: 'U' }, createdAt: 'x', updatedAt: 'x' }] }), /^\$\.annotations\[0\]/],
      ['range.ann', 'T1\tQuote 0 5\tEmoji\nT2\tClaim 90 9999\tnope\n', /^line 2$/],
      ['rows.csv', 'id,tag,fragment,start,end,exact\nq,quote,1,five,9,abcd\n', /^row 2, column start$/],
      ['lines.jsonl', '{"type": "Annotation"}\n{"id": \n', /^line 2/],
    ];
    for (const [name, content, where] of cases) {
      const input = path.join(out, name);
      fs.writeFileSync(input, content);
      if (name.endsWith('.ann')) fs.writeFileSync(input.replace(/\.ann$/, '.txt'), TEXT);
      ports.openAnswers.push([input]);
      const reply = await ok<{ rejected: { file: string; message: string; problems: { where: string }[] } }>(handlers.handle('annotations:import', { articleId: id }));
      const { rejected } = reply;
      expect(rejected.file).toBe(name);
      expect(rejected.message).toMatch(new RegExp(`^${name.replace('.', '\\.')}: \\d+ problems?; nothing was imported\\.`));
      expect(rejected.problems.length, name).toBeGreaterThan(0);
      expect(rejected.problems.some((p) => where.test(p.where)), `${name}: ${JSON.stringify(rejected.problems)}`).toBe(true);
    }
    expect(fs.readFileSync(file(), 'utf8')).toBe(before);
  });
});

describe('import as a new article', () => {
  it('makes an article from a brat pair and exports it back to the same brat', async () => {
    const ports = tempPorts();
    const handlers = await createHandlers(ports);
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'newsmark-brat-'));
    const annText = fs.readFileSync(path.join(POLNEAR, 'attributions', STORY_ANN), 'utf8');
    fs.writeFileSync(path.join(dir, 'story.ann'), annText);
    fs.copyFileSync(path.join(POLNEAR, 'text', `${STORY}.txt`), path.join(dir, 'story.txt'));
    ports.openAnswers.push([path.join(dir, 'story.ann')]);
    const r = await ok<{ articleId: string; title: string; counts: Record<string, number> }>(handlers.handle('annotations:import-article', {}));
    expect(r.title).toBe('Stealth Over Health: Hillary Clinton Was Headed to ER But Diverted to Avoid Bad Optics');
    expect(r.counts.unplaced).toBe(0);
    expect(r.counts.exact).toBeGreaterThan(10);
    const opened = handlers.library.open(r.articleId);
    expect(opened.annotations).toHaveLength(r.counts.exact!);
    ports.saveAnswers.push(path.join(dir, 'back.ann'));
    await ok(handlers.handle('annotations:export', { articleId: r.articleId, format: 'brat' }));
    const sorted = (s: string) => s.split('\n').filter(Boolean).sort();
    expect(sorted(fs.readFileSync(path.join(dir, 'back.ann'), 'utf8'))).toEqual(sorted(annText));
  });

  it('restores a Newsmark export saved with its text: title, source, annotations and their links', async () => {
    const { ports, handlers, id, out } = await setup();
    handlers.library.update({ id, source: { outlet: 'Wire', byline: 'Ana', published: '2026-01-01' } });
    ports.saveAnswers.push(path.join(out, 'with-text.json'));
    await ok(handlers.handle('annotations:export', { articleId: id, format: 'newsmark', includeText: true }));
    ports.openAnswers.push([path.join(out, 'with-text.json')]);
    const r = await ok<{ articleId: string; title: string; counts: Record<string, number> }>(handlers.handle('annotations:import-article', {}));
    expect(r).toMatchObject({ title: 'Rates rise', counts: { total: 2, exact: 2, unplaced: 0, renamed: 0 } });
    const restored = handlers.library.open(r.articleId);
    expect(restored.article).toMatchObject({ text: TEXT, source: { outlet: 'Wire', byline: 'Ana', published: '2026-01-01' } });
    expect(restored.annotations.map((a) => [a.id, a.tag, TEXT.slice(a.spans[0]!.start, a.spans[0]!.end), a.links, a.note])).toEqual([
      ['q', 'quote', '“𠀀 rates rise”', ['o'], 'said = verb'],
      ['o', 'attribution', 'officials', [], ''],
    ]);
    // The same from a string (a dropped file), for the Open Article path.
    const dropped = await articleFromNewsmarkJson(handlers.library, ports, 'with-text.json', fs.readFileSync(path.join(out, 'with-text.json'), 'utf8'));
    expect(dropped).toMatchObject({ title: 'Rates rise', counts: { exact: 2 } });
    expect(await articleFromNewsmarkJson(handlers.library, ports, 'cut.json', '{"format": "newsmark", ')).toMatchObject({ rejected: { file: 'cut.json', problems: [{ where: expect.stringMatching(/^line 1 column/) }] } });
    // Without the text it cannot make an article, and says what to do instead.
    ports.saveAnswers.push(path.join(out, 'no-text.json'));
    await ok(handlers.handle('annotations:export', { articleId: id, format: 'newsmark' }));
    ports.openAnswers.push([path.join(out, 'no-text.json')]);
    expect(await ok(handlers.handle('annotations:import-article', {}))).toMatchObject({ rejected: { message: expect.stringContaining('saved without the article text') } });
  });

  it('refuses a file that carries no text, and leaves the library as it was', async () => {
    const { ports, handlers, out } = await setup();
    const count = handlers.library.list().articles.length;
    fs.writeFileSync(path.join(out, 'alone.ann'), 'T1\tQuote 0 5\tEmoji\n');
    ports.openAnswers.push([path.join(out, 'alone.ann')]);
    expect(await handlers.handle('annotations:import-article', {})).toMatchObject({ ok: true, value: { rejected: { file: 'alone.ann', message: expect.stringContaining('alone.txt was not found') } } });
    expect(handlers.library.list().articles).toHaveLength(count);
  });
});

describe('article store version 2', () => {
  it('migrates a version 1 file (no orphans) and writes version 2 on the next change', async () => {
    const { ports, handlers, id, file } = await setup();
    handlers.library.close();
    const v1 = JSON.parse(fs.readFileSync(file(), 'utf8'));
    delete v1.orphans;
    v1.schemaVersion = 1;
    fs.writeFileSync(file(), JSON.stringify(v1));
    const lib = new Library(tempPorts({ dataDir: ports.dataDir }));
    await lib.init();
    expect(lib.list().problems).toEqual([]);
    const opened = lib.open(id);
    expect(opened.orphans).toEqual([]);
    expect(opened.annotations).toHaveLength(2);
    lib.apply({ articleId: id, baseRevision: opened.revision, operation: { type: 'remove', annotation: opened.annotations.find((a) => a.id === 'q')! } });
    lib.snapshotAll(); // changes are journaled until the snapshot folds them in
    expect(JSON.parse(fs.readFileSync(file(), 'utf8'))).toMatchObject({ schemaVersion: 3, orphans: [] });
  });
});
