import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Annotation } from '../../shared/model/types';
import { createHandlers } from './handlers';
import { tempPorts } from './test-ports';

const author = { id: 'u1', name: 'Ana' };
const V1 = 'The council met on Tuesday. It voted 5 to 4 after a long debate.\n“We will not raise taxes,” the mayor said. Officials confirmed the figures.';
const V2 = 'The council met on Tuesday.\nA new paragraph on the vote was added on Wednesday.\n“We may raise taxes,” the mayor said. Officials confirmed the figures.';

function ann(id: string, text: string, words: string): Annotation {
  const start = text.indexOf(words);
  return { id, tag: 'claim', spans: [{ start, end: start + words.length }], note: '', links: [], author, createdAt: 'x', updatedAt: 'x' };
}

async function call<T>(h: Awaited<ReturnType<typeof createHandlers>>, channel: string, payload: unknown): Promise<T> {
  const r = await h.handle(channel, payload);
  if (!r.ok) throw new Error(JSON.stringify(r.error));
  return r.value as T;
}

describe('versions of an article', () => {
  it('adds a version, carries annotations over, keeps the first, survives a restart, and undoes', async () => {
    const files = fs.mkdtempSync(path.join(os.tmpdir(), 'newsmark-versions-'));
    const v2 = path.join(files, 'story-v2.txt');
    fs.writeFileSync(v2, V2);
    const ports = tempPorts();
    const h = await createHandlers(ports);
    const created = await h.library.create({ text: V1, annotations: [ann('voted', V1, 'It voted 5 to 4'), ann('met', V1, 'The council met on Tuesday')] });
    const id = created.id;

    ports.openAnswers.push([v2]);
    const added = await call<{ status: string; number: number; counts: unknown; changes: { quotes: number } }>(h, 'versions:add', { articleId: id });
    expect(added).toMatchObject({ status: 'added', number: 2, counts: { total: 2, exact: 1, fuzzy: 0, unplaced: 1 }, changes: { quotes: 1 } });
    expect(h.library.list().articles.find((a) => a.id === id)!.versions).toBe(2);
    const opened = await call<{ article: { text: string }; orphans: { id: string }[] }>(h, 'article:open', { id });
    expect(opened.article.text).toBe(V2);
    expect(opened.orphans.map((o) => o.id)).toEqual(['voted']);
    const first = await call<{ text: string; annotations: Annotation[] }>(h, 'versions:open', { articleId: id, number: 1 });
    expect(first.text).toBe(V1);
    expect(first.annotations.map((a) => a.id).sort()).toEqual(['met', 'voted']);
    const changes = await call<{ changes: { kind: string; annotations: string[]; quote?: unknown }[] }>(h, 'versions:changes', { articleId: id, from: 1, to: 2 });
    expect(changes.changes.map((c) => c.kind)).toEqual(['removed', 'added', 'reworded']);
    expect(changes.changes[0]!.annotations).toEqual(['voted']);
    expect(changes.changes[2]!.quote).toEqual({ before: 'We will not raise taxes', after: 'We may raise taxes' });

    // the same text again: nothing changes
    ports.openAnswers.push([v2]);
    expect(await call(h, 'versions:add', { articleId: id })).toEqual({ status: 'identical', file: 'story-v2.txt' });

    // the file is migrated and kept on disk: a fresh start reads both versions
    await h.close();
    const again = await createHandlers(tempPorts({ dataDir: ports.dataDir }));
    const list = await call<{ versions: { number: number }[]; current: number }>(again, 'versions:list', { articleId: id });
    expect(list.versions.map((v) => v.number)).toEqual([1, 2]);
    expect(list.current).toBe(2);
    expect(await call(again, 'versions:undo', { articleId: id, number: 2 })).toEqual({ current: 1 });
    const back = await call<{ article: { text: string }; annotations: Annotation[]; orphans: unknown[] }>(again, 'article:open', { id });
    expect(back.article.text).toBe(V1);
    expect(back.annotations).toHaveLength(2);
    expect(back.orphans).toEqual([]);
    expect(again.library.list().articles.find((a) => a.id === id)!.versions).toBeUndefined();
    await again.close();
  });

  it('asks before taking a different article as a new version, and changes nothing until confirmed', async () => {
    const files = fs.mkdtempSync(path.join(os.tmpdir(), 'newsmark-versions-'));
    const other = path.join(files, 'other.txt');
    fs.writeFileSync(other, 'Snow fell across the northern valleys. Farmers moved their herds down early. Several roads were closed for days.');
    const ports = tempPorts();
    const h = await createHandlers(ports);
    const { id } = await h.library.create({ text: V1, annotations: [ann('met', V1, 'The council met on Tuesday')] });
    ports.openAnswers.push([other]);
    const r = await call<{ status: string; token: string }>(h, 'versions:add', { articleId: id });
    expect(r.status).toBe('different');
    expect(h.library.article(id).article.text).toBe(V1);
    const ok = await call<{ status: string; counts: { unplaced: number } }>(h, 'versions:add', { articleId: id, confirm: r.token });
    expect(ok).toMatchObject({ status: 'added', counts: { unplaced: 1 } });

    // the history and the changes as JSON, with a readable report beside it
    const target = path.join(files, 'history.json');
    ports.saveAnswers.push(target);
    await call(h, 'versions:export', { articleId: id });
    expect(JSON.parse(fs.readFileSync(target, 'utf8'))).toMatchObject({ format: 'newsmark-versions', versions: [{ number: 1 }, { number: 2 }] });
    expect(fs.readFileSync(path.join(files, 'history.md'), 'utf8')).toMatch(/## Changes from version 1 to version 2/);
    await h.close();
  });
});
