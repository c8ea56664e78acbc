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
    expect(file).toMatchObject({ schemaVersion: 2, revision: 0, annotations: [], orphans: [] });
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
});
