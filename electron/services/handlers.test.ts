import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CHANNELS } from '../../shared/ipc/contract';
import { createHandlers } from './handlers';
import { tempPorts } from './test-ports';

async function setup() {
  const ports = tempPorts();
  const handlers = await createHandlers(ports);
  const [sample] = (await handlers.library.list()).articles;
  return { ports, handlers, sampleId: sample!.id };
}

describe('IPC handlers', () => {
  it('answers every channel of the contract', async () => {
    const { handlers } = await setup();
    for (const channel of CHANNELS) {
      const reply = await handlers.handle(channel, {});
      // An empty payload is either valid or refused as invalid, never unknown or internal.
      if (!reply.ok) expect(['invalid-request', 'not-found']).toContain(reply.error.code);
    }
  });

  it('refuses unknown channels and invalid payloads with a clear error, changing nothing', async () => {
    const { handlers, ports, sampleId } = await setup();
    const file = path.join(ports.dataDir, 'articles', `${sampleId}.json`);
    const before = fs.readFileSync(file, 'utf8');
    expect(await handlers.handle('fs:rm', { path: '/' })).toMatchObject({ ok: false, error: { code: 'unknown-channel' } });
    expect(await handlers.handle('__proto__', {})).toMatchObject({ ok: false, error: { code: 'unknown-channel' } });
    const bad = [
      ['article:open', { id: 42 }],
      ['article:open', { id: sampleId, extra: true }],
      ['article:create', { text: 7 }],
      ['annotations:apply', { articleId: sampleId, baseRevision: -1, operation: { type: 'add' } }],
      ['annotations:apply', { articleId: sampleId, baseRevision: 0, operation: { type: 'add', annotation: { id: 'x', tag: 'rumour' } } }],
      ['annotations:export', { articleId: sampleId, format: 'docx' }],
      ['settings:update', { theme: 'neon' }],
      ['library:list', null],
    ] as const;
    for (const [channel, payload] of bad) {
      const reply = await handlers.handle(channel, payload);
      expect(reply.ok, `${channel} ${JSON.stringify(payload)}`).toBe(false);
      if (!reply.ok) {
        expect(reply.error.code).toBe('invalid-request');
        expect(reply.error.message).toContain(`Invalid request on ${channel}`);
        expect(reply.error.problems!.length).toBeGreaterThan(0);
        expect(reply.error.problems![0]!.where).toMatch(/^\$/);
      }
    }
    const spans = await handlers.handle('annotations:apply', {
      articleId: sampleId,
      baseRevision: 0,
      operation: { type: 'add', annotation: { id: 'x', tag: 'claim', spans: [{ start: 5, end: 2 }], note: '', links: [], author: { id: 'u', name: 'U' }, createdAt: 'x', updatedAt: 'x' } },
    });
    expect(spans).toMatchObject({ ok: false, error: { code: 'invalid-request', problems: [{ where: '$.operation.annotation.spans[0]', message: 'end must be greater than start' }] } });
    expect(fs.readFileSync(file, 'utf8')).toBe(before);
  });

  it('exports through the save dialog and reports a cancel', async () => {
    const { handlers, ports, sampleId } = await setup();
    const target = path.join(ports.dataDir, 'out.json');
    ports.saveAnswers.push(undefined, target);
    expect(await handlers.handle('annotations:export', { articleId: sampleId, format: 'newsmark' })).toEqual({ ok: true, value: { canceled: true } });
    expect(await handlers.handle('annotations:export', { articleId: sampleId, format: 'newsmark', includeText: true })).toEqual({ ok: true, value: { path: target } });
    const exported = JSON.parse(fs.readFileSync(target, 'utf8'));
    expect(exported).toMatchObject({ format: 'newsmark', version: 1, annotations: [] });
    expect(exported.article.text.startsWith('01.12.2025 13:06\n')).toBe(true);
  });

  it('reports a missing article as not found', async () => {
    const { handlers } = await setup();
    expect(await handlers.handle('article:open', { id: 'nope' })).toMatchObject({ ok: false, error: { code: 'not-found' } });
  });

  it('imports dropped bytes (base64) and files chosen in the open dialog, by token only', async () => {
    const { handlers, ports } = await setup();
    const fixtures = path.resolve(import.meta.dirname, '../../fixtures/import');
    const data = fs.readFileSync(path.join(fixtures, 'crlf.txt')).toString('base64');
    const dropped = await handlers.handle('import:file', { name: 'crlf.txt', data });
    expect(dropped).toMatchObject({ ok: true, value: { status: 'imported', file: 'crlf.txt', article: { title: 'Ferry service suspended after storm damages pier' } } });
    // A path in the name is not a way to reach the disk: only its last part names the file.
    expect(await handlers.handle('import:file', { name: '/etc/passwd.txt', data: Buffer.from('root').toString('base64') })).toMatchObject({
      ok: true,
      value: { status: 'imported', file: 'passwd.txt' },
    });
    expect(await handlers.handle('import:file', { name: 'x.txt', data: 'not base64!' })).toMatchObject({ ok: false, error: { code: 'invalid-request', problems: [{ where: '$.data' }] } });
    expect(await handlers.handle('import:file', { path: '/etc/passwd' })).toMatchObject({ ok: false, error: { code: 'invalid-request' } });

    ports.openAnswers.push(undefined, [path.join(fixtures, 'article.md'), path.join(fixtures, 'empty.txt')]);
    expect(await handlers.handle('import:choose', {})).toEqual({ ok: true, value: { canceled: true } });
    const chosen = await handlers.handle('import:choose', {});
    if (!chosen.ok) throw new Error(chosen.error.message);
    const { files } = chosen.value as { files: { token: string; name: string }[] };
    expect(files.map((f) => f.name)).toEqual(['article.md', 'empty.txt']);
    expect(await handlers.handle('import:file', { token: files[0]!.token })).toMatchObject({ ok: true, value: { status: 'imported', file: 'article.md' } });
    expect(await handlers.handle('import:file', { token: files[1]!.token })).toMatchObject({
      ok: true,
      value: { status: 'failed', file: 'empty.txt', code: 'empty', reason: 'the file is empty.' },
    });
    // A token works once; an unknown one reads nothing.
    expect(await handlers.handle('import:file', { token: files[0]!.token })).toMatchObject({ ok: false, error: { code: 'not-found' } });
    expect(await handlers.handle('import:file', { token: 'made-up' })).toMatchObject({ ok: false, error: { code: 'not-found' } });
  });

  it('moves to the trash, restores, empties and searches', async () => {
    const { handlers, sampleId } = await setup();
    expect(await handlers.handle('article:trash', { id: sampleId })).toMatchObject({ ok: true, value: { id: sampleId, trashedAt: expect.any(String) } });
    expect(await handlers.handle('article:open', { id: sampleId })).toMatchObject({ ok: false, error: { code: 'conflict' } });
    expect(await handlers.handle('library:search', { query: 'maduro' })).toMatchObject({ ok: true, value: { matches: [{ id: sampleId, in: 'text', snippet: { match: 'Maduro' } }] } });
    expect(await handlers.handle('article:restore', { id: sampleId })).toMatchObject({ ok: true, value: { id: sampleId } });
    expect(await handlers.handle('trash:empty', {})).toEqual({ ok: true, value: { deleted: 0 } });
    await handlers.handle('article:trash', { id: sampleId });
    expect(await handlers.handle('trash:empty', {})).toEqual({ ok: true, value: { deleted: 1 } });
    expect(await handlers.handle('library:list', {})).toMatchObject({ ok: true, value: { articles: [] } });
  });
});

