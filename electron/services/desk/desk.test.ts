import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type TestServer } from '../../../tests/desk/server';
import type { Annotation } from '../../../shared/model/types';
import { pairAnnotations } from '../../../shared/review/pair';
import { Library } from '../library';
import { Reviews } from '../reviews';
import { tempPorts } from '../test-ports';
import { Desk } from './desk';
import { keyFileSecretBox } from './secret-box';

let server: TestServer;
const DB = 'desk-unit';

beforeAll(async () => {
  server = await startServer();
  await server.desk(DB, ['ana', 'ben']);
}, 30_000);
afterEach(async () => server.ensureRunning());
afterAll(async () => server?.stop());

interface App {
  library: Library;
  desk: Desk;
  dataDir: string;
  close(): Promise<void>;
}

async function openApp(dataDir: string, name: string): Promise<App> {
  const ports = tempPorts({ dataDir, now: () => new Date() });
  const library = new Library(ports);
  await library.init();
  library.updateSettings({ user: { id: `id-${name}`, name } });
  const desk = new Desk(ports, library, { secrets: keyFileSecretBox(dataDir) });
  await desk.start();
  return { library, desk, dataDir, close: async () => (await desk.close(), library.close()) };
}

const tmp = () => fs.mkdtempSync(path.join(os.tmpdir(), 'newsmark-desk-'));

async function until<T>(what: string, probe: () => T | Promise<T>, ok: (v: T) => boolean, ms = 15_000): Promise<T> {
  const end = Date.now() + ms;
  let last: T;
  do {
    last = await probe();
    if (ok(last)) return last;
    await new Promise((r) => setTimeout(r, 50));
  } while (Date.now() < end);
  throw new Error(`timed out waiting for ${what}; last: ${JSON.stringify(last).slice(0, 500)}`);
}

/** The app's own annotations on an article; none while the article has not arrived. */
function annotationsOf(app: App, articleId: string): Annotation[] {
  return app.library.list().articles.some((a) => a.id === articleId) ? app.library.article(articleId).annotations : [];
}

function tag(app: App, articleId: string, id: string, start: number, end: number, t: Annotation['tag'] = 'claim'): void {
  const file = app.library.article(articleId);
  const author = app.library.publicSettings().user;
  const annotation: Annotation = { id, tag: t, spans: [{ start, end }], note: '', links: [], author, createdAt: '2026-01-01T00:00:00.000Z', updatedAt: '2026-01-01T00:00:00.000Z' };
  app.library.apply({ articleId, baseRevision: file.revision, operation: { type: 'add', annotation } });
}

function retag(app: App, articleId: string, id: string, to: Annotation['tag']): void {
  const file = app.library.article(articleId);
  const a = file.annotations.find((x) => x.id === id)!;
  app.library.apply({ articleId, baseRevision: file.revision, operation: { type: 'update', id, before: { tag: a.tag }, after: { tag: to }, at: new Date().toISOString() } });
}

describe('the desk over a real CouchDB-protocol server', () => {
  it('Ana shares an article and tags; Ben gets the article and her tags live; a write as another author is refused', async () => {
    const ana = await openApp(tmp(), 'Ana');
    const ben = await openApp(tmp(), 'Ben');
    try {
      await ana.desk.join({ url: server.url, database: DB, user: 'ana', password: 'ana-pw' });
      await ben.desk.join({ url: server.url, database: DB, user: 'ben', password: 'ben-pw' });
      const sample = ana.library.list().articles[0]!;
      tag(ana, sample.id, 'a1', 0, 10);
      await ana.desk.share(sample.id);
      tag(ana, sample.id, 'a2', 20, 30, 'quote');
      await until('the article on Ben’s side', () => ben.desk.articles().fromDesk, (ids) => ids.includes(sample.id));
      expect(ben.library.article(sample.id).article.textHash).toBe(ana.library.article(sample.id).article.textHash);
      const layers = await until('Ana’s two tags', () => ben.desk.layersOf(sample.id), (l) => l[0]?.annotations.length === 2);
      expect(layers[0]!.author).toEqual({ id: 'id-Ana', name: 'Ana' });
      retag(ana, sample.id, 'a1', 'attribution');
      await until('the retag', () => ben.desk.layersOf(sample.id), (l) => l[0]?.annotations.find((a) => a.id === 'a1')?.tag === 'attribution');
      // Ben's own tags go to Ana as well
      tag(ben, sample.id, 'b1', 40, 50);
      await until('Ben’s tag at Ana’s', () => ana.desk.layersOf(sample.id), (l) => l.some((x) => x.author.name === 'Ben' && x.annotations.length === 1));
      await until('synced', () => ana.desk.status(), (s) => s.state === 'synced' && s.toSend === 0);

      // The server's validate_doc_update: Ben cannot write Ana's document, nor one claiming to be hers.
      const auth = { authorization: `Basic ${Buffer.from('ben:ben-pw').toString('base64')}`, 'content-type': 'application/json' };
      const current = (await (await fetch(`${server.url}/${DB}/ann:${sample.id}:a1`, { headers: auth })).json()) as Record<string, unknown>;
      const overwrite = await fetch(`${server.url}/${DB}/ann:${sample.id}:a1`, { method: 'PUT', headers: auth, body: JSON.stringify({ ...current, owner: 'ben' }) });
      expect(overwrite.status).toBe(403);
      expect(((await overwrite.json()) as { reason: string }).reason).toMatch(/belongs to ana/);
      const forged = await fetch(`${server.url}/${DB}/ann:${sample.id}:zz`, { method: 'PUT', headers: auth, body: JSON.stringify({ ...current, _rev: undefined, _id: `ann:${sample.id}:zz`, owner: 'ana' }) });
      expect(forged.status).toBe(403);
    } finally {
      await ana.close();
      await ben.close();
    }
  }, 60_000);

  it('both offline, both tag and retag; the server back: both converge, every change on both sides there', async () => {
    const ana = await openApp(tmp(), 'Ana');
    const ben = await openApp(tmp(), 'Ben');
    try {
      await ana.desk.join({ url: server.url, database: DB, user: 'ana', password: 'ana-pw' });
      await ben.desk.join({ url: server.url, database: DB, user: 'ben', password: 'ben-pw' });
      const id = ana.library.list().articles[0]!.id;
      await ana.desk.share(id);
      await until('the article at Ben’s', () => ben.desk.articles().fromDesk, (ids) => ids.includes(id));
      await server.stop();
      await until('Ana offline', () => ana.desk.status(), (s) => s.state === 'offline');
      expect(ana.desk.status().reason).toMatch(/unreachable/);
      for (let i = 0; i < 5; i++) tag(ana, id, `off-a${i}`, i * 10, i * 10 + 5);
      for (let i = 0; i < 5; i++) tag(ben, id, `off-b${i}`, 100 + i * 10, 100 + i * 10 + 5, 'quote');
      retag(ana, id, 'off-a0', 'quote');
      retag(ben, id, 'off-b0', 'attribution');
      await ana.desk.idle();
      expect(ana.desk.status().toSend).toBeGreaterThan(0);
      await server.start();
      const atBen = await until('Ana’s offline work at Ben’s', () => ben.desk.layersOf(id).find((l) => l.author.name === 'Ana')?.annotations ?? [], (a) => a.length === 5 && a.some((x) => x.id === 'off-a0' && x.tag === 'quote'));
      expect(atBen.map((a) => a.id).sort()).toEqual(['off-a0', 'off-a1', 'off-a2', 'off-a3', 'off-a4']);
      const atAna = await until('Ben’s offline work at Ana’s', () => ana.desk.layersOf(id).find((l) => l.author.name === 'Ben')?.annotations ?? [], (a) => a.length === 5 && a.some((x) => x.id === 'off-b0' && x.tag === 'attribution'));
      expect(atAna).toHaveLength(5);
      await until('synced again', () => ana.desk.status(), (s) => s.state === 'synced' && s.toSend === 0);
    } finally {
      await ana.close();
      await ben.close();
    }
  }, 60_000);

  it('the same editor on two machines edits one annotation offline: the conflict is shown, both versions kept until chosen', async () => {
    const one = await openApp(tmp(), 'Ana');
    const two = await openApp(tmp(), 'Ana');
    try {
      await one.desk.join({ url: server.url, database: DB, user: 'ana', password: 'ana-pw' });
      const id = (await one.library.create({ text: 'One two three four five six seven eight nine ten.' })).id;
      tag(one, id, 'c1', 0, 3);
      await one.desk.share(id);
      await two.desk.join({ url: server.url, database: DB, user: 'ana', password: 'ana-pw' });
      // My own article and annotation arrive on my other machine as mine, in its library.
      await until('c1 on the second machine', () => annotationsOf(two, id), (a) => a.some((x) => x.id === 'c1'));
      await until('both synced', async () => [one.desk.status().state, two.desk.status().state], (s) => s.every((x) => x === 'synced'));
      await server.stop();
      await until('offline', () => two.desk.status(), (s) => s.state === 'offline');
      retag(one, id, 'c1', 'quote');
      retag(two, id, 'c1', 'attribution');
      await one.desk.idle();
      await two.desk.idle();
      await server.start();
      const conflicts = await until('the conflict', () => one.desk.conflicts(), (c) => c.length === 1 && c[0]!.versions.length === 2);
      const tags = conflicts[0]!.versions.map((v) => v.annotation?.tag).sort();
      expect(tags).toEqual(['attribution', 'quote']);
      expect(one.desk.status().conflicts).toBe(1);
      const keep = conflicts[0]!.versions.find((v) => v.annotation?.tag === 'quote')!;
      await one.desk.resolve(conflicts[0]!.docId, keep.rev);
      await until('resolved on the second machine', () => annotationsOf(two, id).find((a) => a.id === 'c1')?.tag, (t) => t === 'quote');
      await until('no conflict left', async () => [(await one.desk.conflicts()).length, (await two.desk.conflicts()).length], (n) => n[0] === 0 && n[1] === 0);
      expect(one.library.article(id).annotations.find((a) => a.id === 'c1')?.tag).toBe('quote');
    } finally {
      await one.close();
      await two.close();
    }
  }, 60_000);

  it('hostile documents written straight into the server are refused and reported; nothing else changes', async () => {
    const ana = await openApp(tmp(), 'Ana');
    const ben = await openApp(tmp(), 'Ben');
    try {
      await ana.desk.join({ url: server.url, database: DB, user: 'ana', password: 'ana-pw' });
      await ben.desk.join({ url: server.url, database: DB, user: 'ben', password: 'ben-pw' });
      const id = (await ana.library.create({ text: 'A short text of forty characters or so.' })).id;
      tag(ana, id, 'h1', 0, 5);
      await ana.desk.share(id);
      await until('h1 at Ben’s', () => ben.desk.layersOf(id), (l) => l[0]?.annotations.length === 1);
      const before = JSON.stringify(ben.desk.layersOf(id));
      const libraryBefore = ben.library.list().articles.length;
      const admin = { authorization: `Basic ${Buffer.from('admin:admin-secret').toString('base64')}`, 'content-type': 'application/json' };
      const good = (await (await fetch(`${server.url}/${DB}/ann:${id}:h1`, { headers: admin })).json()) as Record<string, unknown> & { annotation: Record<string, unknown> };
      const ann = (n: string, patch: Record<string, unknown>) => ({ _id: `ann:${id}:${n}`, type: 'annotation', owner: 'ana', v: 1, articleId: id, annotation: { ...good.annotation, id: n, ...patch } });
      const hostile = [
        `{"_id":"ann:${id}:c1","type":"annotation","owner":"ana","v":1,"articleId":"${id}","annotation":${JSON.stringify({ ...good.annotation, id: 'c1' }).replace(/^\{/, '{"constructor":{"prototype":{"polluted":true}},')}}`,
        JSON.stringify(ann('far', { spans: [{ start: 5, end: 100_000 }] })),
        JSON.stringify(ann('big', { note: 'x'.repeat(100_001) })),
        JSON.stringify({ _id: 'article:fake', type: 'article', owner: 'ana', v: 1, sharedBy: { id: 'x', name: 'X' }, sharedAt: '', article: { id: 'fake', title: 't', text: 'some text', source: {}, textHash: `sha256:${'0'.repeat(64)}`, createdAt: '', updatedAt: '' } }),
        JSON.stringify({ _id: 'weird', hello: 'world' }),
      ];
      for (const body of hostile) {
        const r = await fetch(`${server.url}/${DB}/_bulk_docs`, { method: 'POST', headers: admin, body: `{"docs":[${body}]}` });
        expect(r.status).toBe(201);
      }
      const refused = await until('five refusals', () => ben.desk.status().refused, (r) => r.length >= 5);
      const reasons = Object.fromEntries(refused.map((r) => [r.id.split(':').pop(), r.reason]));
      expect(reasons.c1).toMatch(/constructor.*forbidden key/);
      expect(reasons.far).toMatch(/past the end of the text/);
      expect(reasons.big).toMatch(/note/);
      expect(reasons.fake).toMatch(/textHash.*sha256/);
      expect(reasons.weird).toBeDefined();
      expect(JSON.stringify(ben.desk.layersOf(id))).toBe(before);
      expect(ben.library.list().articles.length).toBe(libraryBefore);
      expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    } finally {
      await ana.close();
      await ben.close();
    }
  }, 60_000);

  it('wrong password, unreachable server, http to another host: a clear status, nothing thrown later', async () => {
    const app = await openApp(tmp(), 'Ana');
    try {
      const wrong = await app.desk.join({ url: server.url, database: DB, user: 'ana', password: 'nope' });
      expect(wrong).toMatchObject({ state: 'error', reason: 'Wrong user name or password for ana.' });
      const notMember = await app.desk.join({ url: server.url, database: 'no-such-desk', user: 'ana', password: 'ana-pw' });
      expect(notMember.state).toBe('error');
      const closedPort = await new Promise<number>((resolve) => {
        const probe = net.createServer().listen(0, '127.0.0.1', () => {
          const { port } = probe.address() as net.AddressInfo;
          probe.close(() => resolve(port));
        });
      });
      const unreachable = await app.desk.join({ url: `http://127.0.0.1:${closedPort}`, database: DB, user: 'ana', password: 'ana-pw' });
      expect(unreachable).toMatchObject({ state: 'offline' });
      expect(unreachable.reason).toMatch(/unreachable \(ECONNREFUSED\)/);
      await expect(app.desk.join({ url: 'http://desk.example.org', database: DB, user: 'ana', password: 'x' })).rejects.toThrow(/http:\/\/ is refused for desk.example.org/);
      const stored = fs.readFileSync(path.join(app.dataDir, 'desk.json'), 'utf8');
      expect(stored).not.toContain('ana-pw');
      expect(stored).toContain('sealedPassword');
    } finally {
      await app.close();
    }
  }, 30_000);

  it('the server killed mid-sync and restarted; the app killed with SIGKILL mid-sync and restarted: converges, nothing lost, nothing doubled', async () => {
    const dataDir = tmp();
    const script = path.resolve(import.meta.dirname, '../../../tests/desk/editor-process.ts');
    const run = (mode: string, n = '') => spawn(process.execPath, ['--import', 'tsx', script, dataDir, server.url, DB, 'ana', 'ana-pw', mode, n], { stdio: ['ignore', 'pipe', 'pipe'] });
    const child = run('tag', '200');
    let tagged = -1;
    let killedServer = false;
    await new Promise<void>((resolve, reject) => {
      child.stdout!.on('data', (d: Buffer) => {
        for (const m of d.toString().matchAll(/tagged (\d+)/g)) tagged = Number(m[1]);
        if (tagged >= 40 && !killedServer) {
          killedServer = true;
          void server.kill().then(() => server.start());
        }
        if (tagged >= 120) {
          child.kill('SIGKILL');
          resolve();
        }
      });
      child.on('exit', (code) => (code !== null && code !== 0 ? reject(new Error(`editor exited ${code}`)) : resolve()));
    });
    await new Promise((r) => child.once('exit', r));
    await server.ensureRunning();
    // Restarted: reconcile on start, then sync.
    const again = run('settle');
    let out = '';
    again.stdout!.on('data', (d) => (out += d));
    await new Promise((r) => again.once('exit', r));
    const ids = JSON.parse(/ids (\[.*\])/.exec(out)![1]!) as string[];
    const articleId = / article (\S+)/.exec(out)![1]!;
    expect(out).toMatch(/"state":"synced","toSend":0/);
    // Everything saved before the kill is there (the file is the truth), once.
    expect(ids.length).toBeGreaterThanOrEqual(tagged + 1);
    expect(new Set(ids).size).toBe(ids.length);
    const admin = { authorization: `Basic ${Buffer.from('admin:admin-secret').toString('base64')}` };
    const all = (await (await fetch(`${server.url}/${DB}/_all_docs?startkey=${encodeURIComponent(JSON.stringify(`ann:${articleId}:`))}&endkey=${encodeURIComponent(JSON.stringify(`ann:${articleId}:\uffff`))}`, { headers: admin })).json()) as { rows: { id: string }[] };
    expect(all.rows.map((r) => r.id.split(':')[2]).sort()).toEqual([...ids].sort());
  }, 90_000);

  it('ten editors × 1,000 annotations on one article: all converge on two machines, and review pairs them', async () => {
    const editors = Array.from({ length: 10 }, (_, i) => `ed${i}`);
    await server.desk('desk-ten', ['ana', 'ben', ...editors]);
    const ana = await openApp(tmp(), 'Ana');
    const ben = await openApp(tmp(), 'Ben');
    try {
      await ana.desk.join({ url: server.url, database: 'desk-ten', user: 'ana', password: 'ana-pw' });
      const id = (await ana.library.create({ text: 'word '.repeat(4000).trim() })).id;
      await ana.desk.share(id);
      await until('shared', () => ana.desk.status(), (s) => s.state === 'synced' && s.toSend === 0);
      // Each editor writes as themself, straight to the server (as their own app would push).
      await Promise.all(
        editors.map(async (ed, e) => {
          const auth = { authorization: `Basic ${Buffer.from(`${ed}:${ed}-pw`).toString('base64')}`, 'content-type': 'application/json' };
          const docs = Array.from({ length: 1000 }, (_, i) => {
            const start = ((i * 10 + e) % 3990) * 5;
            const annotation: Annotation = { id: `${ed}-${i}`, tag: (['claim', 'quote', 'attribution'] as const)[(i + e) % 3]!, spans: [{ start, end: start + 4 }], note: '', links: [], author: { id: `id-${ed}`, name: `Editor ${e}` }, createdAt: '', updatedAt: '' };
            return { _id: `ann:${id}:${annotation.id}`, type: 'annotation', owner: ed, v: 1, articleId: id, annotation };
          });
          const r = await fetch(`${server.url}/desk-ten/_bulk_docs`, { method: 'POST', headers: auth, body: JSON.stringify({ docs }) });
          const results = (await r.json()) as { error?: string }[];
          expect(results.filter((x) => x.error)).toEqual([]);
        }),
      );
      await ben.desk.join({ url: server.url, database: 'desk-ten', user: 'ben', password: 'ben-pw' });
      for (const app of [ana, ben]) {
        const layers = await until('all ten layers', () => app.desk.layersOf(id), (l) => l.length === 10 && l.every((x) => x.annotations.length === 1000), 60_000);
        expect(layers.map((l) => l.author.name)).toEqual(editors.map((_, e) => `Editor ${e}`));
      }
      // Review: each live layer is a colleague; pairing runs on it as on a file.
      const review = await until('review colleagues', () => {
        const reviews = new Reviews(tempPorts({ dataDir: ben.dataDir }), ben.library);
        reviews.liveLayers = (a) => ben.desk.layersOf(a);
        return reviews.get(id).review;
      }, (r) => r.colleagues.length === 10);
      for (const c of review.colleagues) {
        expect(c.live).toBe(true);
        const pairing = pairAnnotations([], c.annotations);
        expect(pairing.pairs.filter((p) => p.category === 'only-theirs')).toHaveLength(1000);
      }
    } finally {
      await ana.close();
      await ben.close();
    }
  }, 120_000);

  it('newsmark desk init prepares a database (again: changes nothing); desk status says what it holds and what waits here', async () => {
    const bin = path.resolve(import.meta.dirname, '../../../bin/newsmark.js');
    const cli = (args: string[], password: string) => spawnSync(process.execPath, [bin, 'desk', ...args, '--password-stdin'], { input: password, encoding: 'utf8', timeout: 30_000 });
    const first = cli(['init', '--url', server.url, '--db', 'cli-desk', '--user', 'admin', '--member', 'ana'], 'admin-secret');
    expect(first.stderr).toBe('');
    expect(first.stdout).toBe('cli-desk: created; members: ana; validation written\n');
    expect(cli(['init', '--url', server.url, '--db', 'cli-desk', '--user', 'admin', '--member', 'ben'], 'admin-secret').stdout).toBe('cli-desk: already there; members: ana, ben; validation already current\n');
    expect(cli(['init', '--url', server.url, '--db', 'cli-desk', '--user', 'admin'], 'wrong')).toMatchObject({ status: 1, stderr: 'newsmark desk: Wrong user name or password for admin.\n' });
    expect(cli(['init', '--url', 'http://couch.example.org', '--db', 'x', '--user', 'admin'], 'x').status).toBe(2);

    const app = await openApp(tmp(), 'Ana');
    await app.desk.join({ url: server.url, database: 'cli-desk', user: 'ana', password: 'ana-pw' });
    const id = app.library.list().articles[0]!.id;
    tag(app, id, 's1', 0, 4);
    await app.desk.share(id);
    await until('sent', () => app.desk.status(), (s) => s.state === 'synced' && s.toSend === 0);
    await app.close();
    const status = cli(['status', '--url', server.url, '--db', 'cli-desk', '--user', 'ana', '--data-dir', app.dataDir], 'ana-pw');
    expect(status.stdout).toBe(`cli-desk on ${server.url}\n  articles: 1\n  annotations: 1 (ana 1)\n  members: ana, ben\n  validation: current\n  this computer: 0 of ana's documents waiting to be sent\n`);
  }, 60_000);
});

