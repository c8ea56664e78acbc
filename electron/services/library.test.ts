import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Annotation } from '../../shared/model/types';
import { Library } from './library';
import { ServiceError } from './errors';
import { tempPorts } from './test-ports';

const author = { id: 'u1', name: 'Ana' };
function ann(id: string, start: number, end: number, links: string[] = []): Annotation {
  return { id, tag: 'claim', spans: [{ start, end }], note: '', links, author, createdAt: 'x', updatedAt: 'x' };
}

async function library(ports = tempPorts()) {
  const lib = new Library(ports);
  await lib.init();
  return { lib, ports };
}

function readJson(file: string) {
  return JSON.parse(fs.readFileSync(file, 'utf8'));
}

describe('Library', () => {
  it('seeds the sample article once, dated from its dateline', async () => {
    const { lib, ports } = await library();
    const [sample] = lib.list().articles;
    expect(sample!.title).toBe('It was claimed that U.S. President Donald Trump had a phone conversation with Venezuelan…');
    expect(sample!.source.published).toBe('2025-12-01T13:06');
    lib.delete(sample!.id);
    const again = await library(tempPorts({ dataDir: ports.dataDir }));
    expect(again.lib.list().articles).toEqual([]);
  });

  it('writes one store file per article with a schema version, and the index and settings', async () => {
    const { lib, ports } = await library();
    const created = await lib.create({ text: 'Title line\r\n\r\nBody “quoted”.\r\n', outlet: ' Wire ', url: 'https://example.com/a' });
    lib.close();
    const file = readJson(path.join(ports.dataDir, 'articles', `${created.id}.json`));
    expect(file).toMatchObject({ schemaVersion: 3, revision: 0, annotations: [], orphans: [] });
    expect(file.article.text).toBe('Title line\n\nBody “quoted”.\n');
    expect(file.article.title).toBe('Title line');
    expect(file.article.source).toEqual({ outlet: 'Wire', url: 'https://example.com/a' });
    expect(file.article.textHash).toMatch(/^sha256:[0-9a-f]{64}$/);
    expect(readJson(path.join(ports.dataDir, 'library.json')).articles.map((a: { id: string }) => a.id)).toContain(created.id);
    expect(readJson(path.join(ports.dataDir, 'settings.json'))).toMatchObject({ schemaVersion: 2, seeded: true });
  });

  it('applies operations against the revision and refuses a stale one', async () => {
    const { lib, ports } = await library();
    const { id } = await lib.create({ text: 'Officials said the plan works.' });
    const first = lib.apply({ articleId: id, baseRevision: 0, operation: { type: 'add', annotation: ann('a1', 0, 9) } });
    expect(first.revision).toBe(1);
    expect(first.summary.counts.claim).toBe(1);
    expect(() => lib.apply({ articleId: id, baseRevision: 0, operation: { type: 'add', annotation: ann('a2', 10, 14) } })).toThrow(/behind/);
    expect(() => lib.apply({ articleId: id, baseRevision: 1, operation: { type: 'add', annotation: ann('a3', 10, 99) } })).toThrow(ServiceError);
    expect(() => lib.apply({ articleId: id, baseRevision: 1, operation: { type: 'add', annotation: ann('a4', 10, 14, ['nope']) } })).toThrow(
      /inconsistent/,
    );
    lib.close(); // changes are journaled; closing folds them into the article file
    const stored = readJson(path.join(ports.dataDir, 'articles', `${id}.json`));
    expect(stored.revision).toBe(1);
    expect(stored.annotations.map((a: Annotation) => a.id)).toEqual(['a1']);
  });

  it('keeps everything across a restart', async () => {
    const { lib, ports } = await library();
    const { id } = await lib.create({ text: 'Officials said the plan works.' });
    lib.apply({ articleId: id, baseRevision: 0, operation: { type: 'add', annotation: ann('a1', 0, 9) } });
    lib.updateSettings({ theme: 'dark', user: { id: 'u9', name: 'Bo' } });
    lib.close();
    const again = (await library(tempPorts({ dataDir: ports.dataDir }))).lib;
    expect(again.open(id)).toMatchObject({ revision: 1, annotations: [ann('a1', 0, 9)] });
    expect(again.publicSettings()).toMatchObject({ theme: 'dark', user: { id: 'u9', name: 'Bo' } });
    expect(again.list().articles.find((a) => a.id === id)!.counts).toEqual({ claim: 1, quote: 0, attribution: 0 });
  });

  it('moves a corrupt article file aside, names it, and keeps the others', async () => {
    const { lib, ports } = await library();
    const good = await lib.create({ text: 'Good article.' });
    const bad = await lib.create({ text: 'Bad article.' });
    lib.close();
    const badFile = path.join(ports.dataDir, 'articles', `${bad.id}.json`);
    fs.writeFileSync(badFile, '{ not json');
    const again = (await library(tempPorts({ dataDir: ports.dataDir }))).lib;
    const { articles, problems } = again.list();
    expect(articles.map((a) => a.id)).toContain(good.id);
    expect(articles.map((a) => a.id)).not.toContain(bad.id);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ store: 'article', articleId: bad.id, title: 'Bad article' });
    expect(problems[0]!.reason).toMatch(/not valid JSON/);
    expect(fs.readFileSync(problems[0]!.movedTo!, 'utf8')).toBe('{ not json');
    expect(fs.existsSync(badFile)).toBe(false);
    expect(again.open(good.id).article.text).toBe('Good article.');
  });

  it('moves aside a file that parses but breaks its schema or its own consistency', async () => {
    const { lib, ports } = await library();
    const a = await lib.create({ text: 'Short.' });
    lib.apply({ articleId: a.id, baseRevision: 0, operation: { type: 'add', annotation: ann('x', 0, 5) } });
    lib.close();
    const file = path.join(ports.dataDir, 'articles', `${a.id}.json`);
    const data = readJson(file);
    data.annotations[0].spans[0].end = 500;
    fs.writeFileSync(file, JSON.stringify(data));
    const again = (await library(tempPorts({ dataDir: ports.dataDir }))).lib;
    expect(again.list().problems[0]!.reason).toMatch(/past the end of the text/);
  });

  it('moves aside a corrupt settings file and starts with defaults, saying so', async () => {
    const ports = tempPorts();
    fs.writeFileSync(path.join(ports.dataDir, 'settings.json'), '[1,2');
    fs.mkdirSync(path.join(ports.dataDir, 'articles'));
    const { lib } = await library(ports);
    expect(lib.list().problems[0]).toMatchObject({ store: 'settings' });
    expect(lib.list().articles).toEqual([]); // a data folder that had articles is not re-seeded
    expect(fs.readdirSync(ports.dataDir).some((n) => n.startsWith('settings.corrupt-'))).toBe(true);
  });

  it('leaves a file from a newer Newsmark in place', async () => {
    const { lib, ports } = await library();
    const a = await lib.create({ text: 'From the future.' });
    lib.close();
    const file = path.join(ports.dataDir, 'articles', `${a.id}.json`);
    fs.writeFileSync(file, JSON.stringify({ ...readJson(file), schemaVersion: 9 }));
    const again = (await library(tempPorts({ dataDir: ports.dataDir }))).lib;
    expect(again.list().problems[0]!.reason).toMatch(/newer Newsmark/);
    expect(fs.existsSync(file)).toBe(true);
  });

  it('refuses empty and oversized text', async () => {
    const { lib } = await library();
    await expect(lib.create({ text: ' \n ' })).rejects.toThrow(/no text/);
    await expect(lib.create({ text: 'x'.repeat(5_000_001) })).rejects.toThrow(/longer than/);
  });

  it('keeps the whole source of an import; the form fields override it', async () => {
    const { lib, ports } = await library();
    const source = { outlet: 'The Harbor Ledger', url: 'https://harbor.example/a', byline: 'Priya Raman', published: '2025-03-14T07:45:00+00:00' };
    const a = await lib.create({ text: 'Headline\n\nBody.', source });
    expect(a.source).toEqual(source);
    const b = await lib.create({ text: '01.12.2025 13:06\nBody.', source: { byline: ' Ana ', outlet: ' ' }, outlet: 'Wire' });
    expect(b.source).toEqual({ byline: 'Ana', outlet: 'Wire', published: '2025-12-01T13:06' }); // dateline when the source has none
    lib.close();
    expect(readJson(path.join(ports.dataDir, 'articles', `${a.id}.json`)).article.source).toEqual(source);
    await expect(lib.create({ text: 'x', source: { byline: 'b'.repeat(501) } })).rejects.toThrow(/\$\.source\.byline/);
  });

  it('creates an article with its annotations, validated first', async () => {
    const { lib, ports } = await library();
    const text = 'Officials said the plan works. 😀 “It will,” she said.';
    const quote = ann('q', text.indexOf('“'), text.indexOf(',”') + 2, ['s']);
    const said = ann('s', text.indexOf('she'), text.length - 1);
    const created = await lib.create({ text, annotations: [{ ...quote, tag: 'quote' }, { ...said, tag: 'attribution' }] });
    expect(created.counts).toEqual({ claim: 0, quote: 1, attribution: 1 });
    expect(readJson(path.join(ports.dataDir, 'articles', `${created.id}.json`)).annotations.map((a: Annotation) => a.id)).toEqual(['q', 's']);

    const before = fs.readdirSync(path.join(ports.dataDir, 'articles')).sort();
    const bad = [ann('a', 0, 9), ann('a', 5, 999), ann('b', 0, 3, ['ghost'])];
    const error = await lib.create({ text, annotations: bad }).then(
      () => undefined,
      (e: unknown) => e as ServiceError,
    );
    expect(error).toBeInstanceOf(ServiceError);
    expect(error!.problems.map((p) => p.where)).toEqual(['$.annotations[1].id', '$.annotations[1]', '$.annotations[2].links[0]']);
    await expect(lib.create({ text, annotations: [{ ...ann('z', 0, 3), tag: 'rumour' as never }] })).rejects.toThrow(/\$\.annotations\[0\]\.tag/);
    await expect(lib.create({ text: 'a\r\nb', annotations: [ann('x', 0, 1)] })).rejects.toThrow(/LF line ends/);
    expect(fs.readdirSync(path.join(ports.dataDir, 'articles')).sort()).toEqual(before);
    expect(lib.list().articles).toHaveLength(2);
  });

  it('keeps a preferred id only when it is free and safe as a file name', async () => {
    let n = 0;
    const { lib } = await library(tempPorts({ newId: () => `new-${++n}` }));
    expect((await lib.create({ text: 'A.', preferredId: 'a1b2c3d4-0000-4000-8000-000000000001' })).id).toBe('a1b2c3d4-0000-4000-8000-000000000001');
    expect((await lib.create({ text: 'B.', preferredId: 'a1b2c3d4-0000-4000-8000-000000000001' })).id).toMatch(/^new-/);
    for (const unsafe of ['../../settings', 'a/b', '.hidden', 'con:', 'x'.repeat(101)]) expect((await lib.create({ text: 'C.', preferredId: unsafe })).id).toMatch(/^new-/);
  });

  it('moves to the trash, restores, empties; the trash survives a restart', async () => {
    const { lib, ports } = await library();
    const keep = await lib.create({ text: 'Keep me.' });
    const gone = await lib.create({ text: 'Throw me away.' });
    lib.apply({ articleId: gone.id, baseRevision: 0, operation: { type: 'add', annotation: ann('a1', 0, 5) } });
    lib.open(gone.id);
    expect(lib.publicSettings().lastArticleId).toBe(gone.id);
    const trashed = lib.trash(gone.id);
    expect(trashed.trashedAt).toBeDefined();
    expect(lib.publicSettings().lastArticleId).toBeUndefined(); // not reopened at the next start
    expect(() => lib.open(gone.id)).toThrow(/in the trash/);
    const goneFile = path.join(ports.dataDir, 'articles', `${gone.id}.json`);
    expect(fs.existsSync(goneFile)).toBe(true);
    lib.close();

    let again = (await library(tempPorts({ dataDir: ports.dataDir }))).lib;
    expect(again.list().articles.find((a) => a.id === gone.id)!.trashedAt).toBe(trashed.trashedAt);
    expect(again.restore(gone.id).trashedAt).toBeUndefined();
    expect(again.open(gone.id).annotations).toHaveLength(1);
    again.trash(gone.id);
    again.trash(keep.id);
    again.restore(keep.id);
    expect(again.emptyTrash()).toBe(1);
    expect(fs.existsSync(goneFile)).toBe(false);
    expect(again.list().articles.map((a) => a.id)).toContain(keep.id);
    again.close();
    again = (await library(tempPorts({ dataDir: ports.dataDir }))).lib;
    expect(again.list().articles.map((a) => a.id)).not.toContain(gone.id);
    expect(again.list().problems).toEqual([]);
    expect(() => again.trash('nope')).toThrow(/No article/);
  });

  it('reads a version 1 index (before the trash) and writes version 2', async () => {
    const { lib, ports } = await library();
    lib.close();
    const file = path.join(ports.dataDir, 'library.json');
    fs.writeFileSync(file, JSON.stringify({ ...readJson(file), schemaVersion: 1 }));
    const again = (await library(tempPorts({ dataDir: ports.dataDir }))).lib;
    expect(again.list().problems).toEqual([]);
    expect(again.list().articles).toHaveLength(1);
    expect(readJson(file).schemaVersion).toBe(2);
  });

  it('searches titles and texts without regard to case, accents or curly quotes', async () => {
    const { lib, ports } = await library();
    const bridge = await lib.create({ text: 'Council approves bridge repairs\n\nEngineers found “advanced corrosion” in the counterweight, the union’s chair said.' });
    const ferry = await lib.create({ text: 'Ferry service suspended\n\nThe ferry operator said the pier at Nicolás Quay was damaged.' });
    const ids = (q: string) => lib.search(q).map((m) => m.id).filter((id) => id === bridge.id || id === ferry.id);
    expect(ids('BRIDGE')).toEqual([bridge.id]);
    expect(ids('nicolas')).toEqual([ferry.id]);
    expect(ids("union's chair")).toEqual([bridge.id]);
    expect(ids('"advanced corrosion"')).toEqual([bridge.id]);
    expect(ids('"corrosion advanced"')).toEqual([]);
    expect(ids('said')).toEqual([bridge.id, ferry.id]);
    expect(ids('ferry counterweight')).toEqual([]); // every term must be found
    expect(lib.search('')).toEqual([]);

    const [title] = lib.search('council');
    expect(title).toEqual({ id: bridge.id, in: 'title' });
    const [text] = lib.search('corrosion');
    expect(text).toMatchObject({ id: bridge.id, in: 'text', snippet: { match: 'corrosion' } });
    expect(`${text!.snippet!.before}${text!.snippet!.match}${text!.snippet!.after}`).toContain('found “advanced corrosion” in the counterweight');

    // The index is built from the files at start, follows renames, and forgets what is deleted.
    lib.update({ id: ferry.id, title: 'Pier closed' });
    expect(ids('pier closed')).toEqual([ferry.id]);
    lib.close();
    const again = (await library(tempPorts({ dataDir: ports.dataDir }))).lib;
    expect(again.search('counterweight').map((m) => m.id)).toEqual([bridge.id]);
    again.trash(bridge.id);
    expect(again.search('counterweight').map((m) => m.id)).toEqual([bridge.id]); // the trash is searchable too
    again.emptyTrash();
    expect(again.search('counterweight')).toEqual([]);
  });

  it('searches 1,000 articles from memory', async () => {
    const { lib } = await library();
    const words = 'council bridge ferry union mayor budget school river harbour police'.split(' ');
    for (let i = 0; i < 1000; i++) await lib.create({ text: `Story ${i}\n\n${`The ${words[i % 10]} said ${i} things. `.repeat(40)}Unique-${i}.` });
    const t0 = performance.now();
    const hits = lib.search('unique-999');
    const ms = performance.now() - t0;
    expect(hits.map((h) => h.in)).toEqual(['text']);
    expect(ms).toBeLessThan(100); // typically a few ms; generous for slow CI
  });

  it('checks edited details; fields left as they were are not judged again', async () => {
    const { lib } = await library();
    const a = await lib.create({ text: 'Body.', source: { url: 'not a url', published: 'Fri, 14 Mar 2025 07:45:00 GMT' } });
    // Only the byline changes: the odd stored URL and date stay.
    expect(lib.update({ id: a.id, source: { url: 'not a url', published: 'Fri, 14 Mar 2025 07:45:00 GMT', byline: ' Ana ' } }).source).toEqual({
      url: 'not a url',
      published: 'Fri, 14 Mar 2025 07:45:00 GMT',
      byline: 'Ana',
    });
    expect(() => lib.update({ id: a.id, source: { url: 'ftp://x.example/' } })).toThrow(/url: The URL must be a web address/);
    expect(() => lib.update({ id: a.id, title: '   ' })).toThrow(/title: The title cannot be empty/);
    expect(() => lib.update({ id: a.id, source: { published: '2025-02-30' } })).toThrow(/published/);
    const saved = lib.update({ id: a.id, title: ' New title ', source: { url: 'https://x.example/a', published: '2025-03-14T09:30' } });
    expect(saved).toMatchObject({ title: 'New title', source: { url: 'https://x.example/a', published: '2025-03-14T09:30' } });
  });
});

