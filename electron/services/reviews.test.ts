import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { toNewsmarkExport } from '../../shared/formats/newsmark-json';
import type { Annotation } from '../../shared/model/types';
import { pairAnnotations } from '../../shared/review/pair';
import type { StoredDecision } from '../../shared/review/review-state';
import { createHandlers } from './handlers';
import { tempPorts } from './test-ports';
import { POLNEAR_TRAIN_MULTI } from '../../tests/corpus/paths';

/**
 * The review store and the loading of colleagues' files, on real conf files in a temp
 * folder and real PolNeAR files (tests/corpus), through the IPC handlers as main runs them.
 */
const POLNEAR = POLNEAR_TRAIN_MULTI;
const STEM = 'west-journal_2016-04-18_trump-s-son-says-the-battle-agai';
const TEXT = fs.readFileSync(path.join(POLNEAR, 'text', `${STEM}.txt`), 'utf8');
const ann = (annotator: string) => path.join(POLNEAR, 'attributions', `${STEM}_${annotator}.ann`);

function readJson(file: string) {
  return JSON.parse(fs.readFileSync(file, 'utf8'));
}

async function setup(dataDir?: string) {
  const ports = tempPorts(dataDir ? { dataDir } : {});
  const handlers = await createHandlers(ports);
  const call = async (channel: string, payload: unknown) => {
    const reply = await handlers.handle(channel, payload);
    if (!reply.ok) throw Object.assign(new Error(reply.error.message), { code: reply.error.code, problems: reply.error.problems });
    return reply.value as never;
  };
  return { ports, handlers, call };
}

async function withArticle() {
  const s = await setup();
  const { id } = await s.handlers.library.create({ text: TEXT });
  return { ...s, articleId: id, reviewFile: path.join(s.ports.dataDir, 'reviews', `${id}.json`) };
}

function decisionFor(pairId: string, kind: 'accept' | 'reject', theirs: Annotation): StoredDecision {
  return { pairId, decision: { kind }, decidedAt: '2026-01-01T10:00:00.000Z', category: 'only-theirs', theirs };
}

describe('reviews: loading colleagues', () => {
  it('loads several brat files at once, places them on the article and stores them', async () => {
    const { ports, call, articleId, reviewFile } = await withArticle();
    ports.openAnswers.push([ann('4b22'), ann('4e07')]);
    const r = (await call('review:load', { articleId })) as { review: { colleagues: { label: string; annotations: Annotation[]; format: string }[]; activeColleagueId: string }; loaded: { placed: number; orphans: number; replaced: boolean }[] };
    expect(r.loaded.map((l) => [l.placed, l.orphans, l.replaced])).toEqual([
      [54, 0, false],
      [60, 0, false],
    ]);
    expect(r.review.colleagues.map((c) => [c.label, c.format])).toEqual([
      [`${STEM}_4b22`, 'brat'],
      [`${STEM}_4e07`, 'brat'],
    ]);
    // Placed on this article's text: every span reads what the brat line says.
    const first = r.review.colleagues[0]!.annotations.find((a) => a.id === `${STEM}_4b22#T1`)!;
    expect(TEXT.slice(first.spans[0]!.start, first.spans[0]!.end)).toBe('Trump’s Son');
    const stored = readJson(reviewFile);
    expect(stored.schemaVersion).toBe(1);
    expect(stored.colleagues).toHaveLength(2);
    expect(stored.activeColleagueId).toBe(r.review.activeColleagueId);
  });

  it('changes nothing when the dialog is canceled', async () => {
    const { ports, call, articleId, reviewFile } = await withArticle();
    ports.openAnswers.push(undefined);
    expect(await call('review:load', { articleId })).toEqual({ canceled: true });
    expect(fs.existsSync(reviewFile)).toBe(false);
  });

  it('loads nothing when one of the files is bad, and says which file and line', async () => {
    const { ports, call, articleId, reviewFile } = await withArticle();
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'newsmark-bad-'));
    const bad = path.join(dir, 'colleague.ann');
    fs.writeFileSync(bad, 'T1\tSource 0 11\tTrump’s Son\nT2\tCue 12 oops\tSays\n');
    const json = path.join(dir, 'broken.json');
    fs.writeFileSync(json, '{"format": "newsmark", "version": 1,');
    ports.openAnswers.push([ann('4b22'), bad, json]);
    const error = await call('review:load', { articleId }).catch((e: Error & { code: string; problems: { where: string }[] }) => e);
    expect(error).toMatchObject({ code: 'invalid-request' });
    expect((error as Error).message).toMatch(/Could not load colleague\.ann, broken\.json; nothing was loaded/);
    const where = (error as unknown as { problems: { where: string }[] }).problems.map((p) => p.where);
    expect(where).toContain('colleague.ann: line 2');
    expect(where.some((w) => w.startsWith('broken.json: '))).toBe(true);
    expect(fs.existsSync(reviewFile)).toBe(false);
  });

  it('refuses a brat file made on another article, and one no annotation of which can be placed', async () => {
    const { ports, call, articleId } = await withArticle();
    const other = path.resolve(POLNEAR, 'attributions', 'nyt_2016-06-07_china-rebuts-american-criticism-_4b22.ann');
    ports.openAnswers.push([other]);
    await expect(call('review:load', { articleId })).rejects.toThrow(/is it for another article/);
    // A Newsmark export of another text: nothing anchors.
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'newsmark-other-'));
    const exported = toNewsmarkExport(
      { id: 'x', title: 'x', text: 'Zebras graze quietly near the river bank.', source: {}, textHash: `sha256:${'0'.repeat(64)}`, createdAt: '', updatedAt: '' },
      [{ id: 'z1', tag: 'claim', spans: [{ start: 0, end: 13 }], note: '', links: [], author: { id: 'b', name: 'Bo' }, createdAt: '', updatedAt: '' }],
      { includeText: false, exporter: { name: 'test', version: '0' }, now: '' },
    );
    fs.writeFileSync(path.join(dir, 'bo.json'), JSON.stringify(exported));
    ports.openAnswers.push([path.join(dir, 'bo.json')]);
    const refused = await call('review:load', { articleId }).catch((e: Error) => e.message);
    expect(refused).toMatch(/None of the 1 annotations in bo\.json could be placed on this article's text, so it looks made for another article \(the file was made on a text with hash 000000000000…, this article's text has hash [0-9a-f]{12}…\)/);
    expect(refused).not.toMatch(/\$:/);
  });

  it('re-anchors a Newsmark export of an edited version of the text and lists what it cannot place', async () => {
    const { ports, call, articleId } = await withArticle();
    const edited = `Breaking: ${TEXT.replace('Eric Trump, son of the Republican presidential front-runner', 'Eric Trump, the son')}`;
    const spanOf = (needle: string) => ({ start: edited.indexOf(needle), end: edited.indexOf(needle) + needle.length });
    const a = (id: string, needle: string): Annotation => ({ id, tag: 'attribution', spans: [spanOf(needle)], note: '', links: [], author: { id: 'ana', name: 'Ana Ruiz' }, createdAt: '', updatedAt: '' });
    const exported = toNewsmarkExport(
      { id: 'other', title: 't', text: edited, source: {}, textHash: `sha256:${'0'.repeat(64)}`, createdAt: '', updatedAt: '' },
      [a('a1', 'Larry O’Connor'), a('a2', 'Eric Trump, the son')],
      { includeText: true, exporter: { name: 'Newsmark', version: '0.1.0' }, now: '2026-01-01T00:00:00Z' },
    );
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'newsmark-ana-'));
    fs.writeFileSync(path.join(dir, 'ana.newsmark.json'), JSON.stringify(exported));
    ports.openAnswers.push([path.join(dir, 'ana.newsmark.json')]);
    const r = (await call('review:load', { articleId })) as { review: { colleagues: { label: string; annotations: Annotation[]; orphans: { id: string; text: string }[] }[] } };
    const c = r.review.colleagues[0]!;
    expect(c.label).toBe('Ana Ruiz');
    expect(c.annotations.map((x) => TEXT.slice(x.spans[0]!.start, x.spans[0]!.end))).toEqual(['Larry O’Connor']);
    expect(c.orphans).toEqual([{ id: 'a2', tag: 'attribution', text: 'Eric Trump, the son' }]);
  });

  it('reloading the same file replaces its annotations and keeps its decisions', async () => {
    const { ports, call, articleId } = await withArticle();
    ports.openAnswers.push([ann('4b22')]);
    const first = (await call('review:load', { articleId })) as { review: { colleagues: { id: string; annotations: Annotation[] }[] } };
    const c = first.review.colleagues[0]!;
    await call('review:decide', { articleId, colleagueId: c.id, change: { set: decisionFor(`|${c.annotations[0]!.id}`, 'reject', c.annotations[0]!) } });
    ports.openAnswers.push([ann('4b22')]);
    const again = (await call('review:load', { articleId })) as { review: { colleagues: { id: string; decisions: unknown[] }[] }; loaded: { replaced: boolean }[] };
    expect(again.loaded[0]!.replaced).toBe(true);
    expect(again.review.colleagues).toHaveLength(1);
    expect(again.review.colleagues[0]!.id).toBe(c.id);
    expect(again.review.colleagues[0]!.decisions).toHaveLength(1);
  });
});

describe('reviews: persistence', () => {
  it('keeps colleagues, decisions and where the reviewer was across a restart', async () => {
    const { ports, call, handlers, articleId } = await withArticle();
    ports.openAnswers.push([ann('4b22'), ann('4e07')]);
    const r = (await call('review:load', { articleId })) as { review: { colleagues: { id: string; annotations: Annotation[] }[] } };
    const [a, b] = r.review.colleagues;
    const theirs = a!.annotations[3]!;
    const d1 = decisionFor(`|${theirs.id}`, 'accept', theirs);
    const d2 = decisionFor(`|${a!.annotations[4]!.id}`, 'reject', a!.annotations[4]!);
    await call('review:decide', { articleId, colleagueId: a!.id, change: { set: d1 } });
    await call('review:decide', { articleId, colleagueId: a!.id, change: { set: d2 } });
    await call('review:decide', { articleId, colleagueId: a!.id, change: { forget: d2.pairId } });
    await call('review:decide', { articleId, colleagueId: a!.id, change: { set: { ...d2, decision: { kind: 'reject' } } } });
    await call('review:update', { articleId, activeColleagueId: b!.id, layout: 'side-by-side', reviewing: true, cursor: { colleagueId: a!.id, pairId: d2.pairId } });
    handlers.library.close();

    const again = await setup(ports.dataDir);
    expect(await again.call('review:status', { articleId })).toEqual({ reviewing: true, colleagues: 2 });
    const { review, problem } = (await again.call('review:get', { articleId })) as { review: { colleagues: { id: string; cursor?: string; decisions: StoredDecision[] }[]; activeColleagueId: string; layout: string }; problem?: unknown };
    expect(problem).toBeUndefined();
    expect(review.activeColleagueId).toBe(b!.id);
    expect(review.layout).toBe('side-by-side');
    expect(review.colleagues[0]!.cursor).toBe(d2.pairId);
    expect(review.colleagues[0]!.decisions.map((d) => [d.pairId, d.decision.kind])).toEqual([
      [d1.pairId, 'accept'],
      [d2.pairId, 'reject'],
    ]);
    // Closing one colleague's file forgets it; the other becomes active when it was.
    const left = (await again.call('review:remove', { articleId, colleagueId: b!.id })) as { colleagues: unknown[]; activeColleagueId: string };
    expect(left.colleagues).toHaveLength(1);
    expect(left.activeColleagueId).toBe(a!.id);
  });

  it('moves a corrupt review file aside, reports it once, and starts a new review', async () => {
    const { handlers, ports, articleId, reviewFile } = await withArticle();
    fs.mkdirSync(path.dirname(reviewFile), { recursive: true });
    fs.writeFileSync(reviewFile, '{"schemaVersion": 1, "colleagues": [');
    handlers.library.close();
    const again = await setup(ports.dataDir);
    const first = (await again.call('review:get', { articleId })) as { review: { colleagues: unknown[] }; problem: { reason: string; movedTo: string } };
    expect(first.review.colleagues).toEqual([]);
    expect(first.problem.reason).toMatch(/not valid JSON/);
    expect(fs.readFileSync(first.problem.movedTo, 'utf8')).toBe('{"schemaVersion": 1, "colleagues": [');
    expect(path.basename(first.problem.movedTo)).toMatch(new RegExp(`^${articleId}\\.corrupt-.*\\.json$`));
    expect(((await again.call('review:get', { articleId })) as { problem?: unknown }).problem).toBeUndefined();
    again.ports.openAnswers.push([ann('4b22')]);
    await again.call('review:load', { articleId });
    expect(readJson(reviewFile).colleagues).toHaveLength(1);
  });

  it('moves aside a review that does not fit the schema or its article', async () => {
    const { handlers, ports, articleId, reviewFile } = await withArticle();
    fs.mkdirSync(path.dirname(reviewFile), { recursive: true });
    const badSpans = {
      schemaVersion: 1,
      articleId,
      layout: 'together',
      reviewing: false,
      colleagues: [
        {
          id: 'c1',
          label: 'Bo',
          file: '/x/bo.json',
          format: 'newsmark',
          loadedAt: '',
          annotations: [{ id: 'b1', tag: 'claim', spans: [{ start: 0, end: 999_999 }], note: '', links: [], author: { id: 'b', name: 'Bo' }, createdAt: '', updatedAt: '' }],
          orphans: [],
          counts: { total: 1, position: 1, exact: 0, fuzzy: 0, orphan: 0 },
          decisions: [],
        },
      ],
    };
    fs.writeFileSync(reviewFile, JSON.stringify(badSpans));
    handlers.library.close();
    const again = await setup(ports.dataDir);
    const r = (await again.call('review:get', { articleId })) as { problem: { reason: string; movedTo: string } };
    expect(r.problem.reason).toMatch(/does not fit its article:\n\$\.colleagues\[0\]\.annotations\[0\]: spans\[0\] ends at 999999, past the end of the text/);
    expect(fs.existsSync(r.problem.movedTo)).toBe(true);
    fs.writeFileSync(reviewFile, JSON.stringify({ ...badSpans, layout: 'diagonal' }));
    const third = await setup(ports.dataDir);
    const r3 = (await third.call('review:get', { articleId })) as { problem: { reason: string } };
    expect(r3.problem.reason).toMatch(/does not match the review schema:\n\$\.layout/);
  });

  it('leaves a review from a newer Newsmark alone and refuses to write it', async () => {
    const { handlers, ports, articleId, reviewFile } = await withArticle();
    fs.mkdirSync(path.dirname(reviewFile), { recursive: true });
    const newer = JSON.stringify({ schemaVersion: 2, articleId, colleagues: [], layout: 'together', reviewing: false, future: true });
    fs.writeFileSync(reviewFile, newer);
    handlers.library.close();
    const again = await setup(ports.dataDir);
    const r = (await again.call('review:get', { articleId })) as { problem: { reason: string; movedTo?: string } };
    expect(r.problem.reason).toMatch(/newer Newsmark \(schema version 2/);
    expect(r.problem.movedTo).toBeUndefined();
    again.ports.openAnswers.push([ann('4b22')]);
    await expect(again.call('review:load', { articleId })).rejects.toThrow(/left as it is/);
    await expect(again.call('review:update', { articleId, reviewing: true })).rejects.toThrow(/left as it is/);
    expect(fs.readFileSync(reviewFile, 'utf8')).toBe(newer);
  });

  it('goes with its article when the article is deleted', async () => {
    const { ports, call, articleId, reviewFile } = await withArticle();
    ports.openAnswers.push([ann('4b22')]);
    await call('review:load', { articleId });
    expect(fs.existsSync(reviewFile)).toBe(true);
    await call('article:delete', { id: articleId });
    expect(fs.existsSync(reviewFile)).toBe(false);
    await expect(call('review:get', { articleId })).rejects.toMatchObject({ code: 'not-found' });
  });

  it('refuses bad requests with the JSON path, changing nothing', async () => {
    const { handlers, articleId, reviewFile } = await withArticle();
    for (const [channel, payload] of [
      ['review:decide', { articleId, colleagueId: 'c', change: { set: { pairId: 'a|b', decision: { kind: 'shrug' } } } }],
      ['review:update', { articleId, layout: 'diagonal' }],
      ['review:export-report', { articleId, colleagueId: 'c', format: 'xlsx' }],
      ['review:load', { articleId, path: '/etc/passwd' }],
    ] as const) {
      const reply = await handlers.handle(channel, payload);
      expect(reply).toMatchObject({ ok: false, error: { code: 'invalid-request' } });
    }
    const unknown = await handlers.handle('review:decide', { articleId, colleagueId: 'nobody', change: { forget: 'a|b' } });
    expect(unknown).toMatchObject({ ok: false, error: { code: 'not-found' } });
    expect(fs.existsSync(reviewFile)).toBe(false);
  });
});

describe('reviews: report export', () => {
  it('writes every pair with its category and decision, as CSV or JSON by the chosen name', async () => {
    const { ports, call, handlers, articleId } = await withArticle();
    ports.openAnswers.push([ann('4b22')]);
    const r = (await call('review:load', { articleId })) as { review: { colleagues: { id: string; annotations: Annotation[] }[] } };
    const c = r.review.colleagues[0]!;
    // Accept one of theirs into mine (what the window does), and record it.
    const taken = c.annotations.find((a) => a.id.endsWith('#T4'))!;
    handlers.library.apply({ articleId, baseRevision: 0, operation: { type: 'add', annotation: { ...taken, id: 'mine-1', links: [], origin: { kind: 'colleague', file: ann('4b22'), originalId: taken.id } } } });
    await call('review:decide', { articleId, colleagueId: c.id, change: { set: decisionFor(`|${taken.id}`, 'accept', taken) } });
    const rejected = c.annotations.find((a) => a.id.endsWith('#T5'))!;
    await call('review:decide', { articleId, colleagueId: c.id, change: { set: decisionFor(`|${rejected.id}`, 'reject', rejected) } });

    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'newsmark-report-'));
    ports.saveAnswers.push(path.join(dir, 'report.json'));
    const out = (await call('review:export-report', { articleId, colleagueId: c.id, format: 'csv' })) as { path: string; rows: number };
    expect(out.path).toBe(path.join(dir, 'report.json'));
    const rows = readJson(out.path) as { pairId: string; category: string; decision: string | null; mine: unknown; theirs: { text: string } | null }[];
    expect(rows).toHaveLength(54);
    expect(out.rows).toBe(54);
    const accepted = rows.find((x) => x.decision === 'accept')!;
    // Reported as decided: only theirs then (it agrees now, since mine took it).
    expect(accepted).toMatchObject({ pairId: `|${taken.id}`, category: 'only-theirs', mine: null, theirs: { text: 'Donald Trump' } });
    expect(rows.find((x) => x.decision === 'reject')).toMatchObject({ category: 'only-theirs', theirs: { text: 'began tweeting out' } });
    expect(rows.filter((x) => x.decision === null)).toHaveLength(52);

    ports.saveAnswers.push(path.join(dir, 'report.csv'));
    await call('review:export-report', { articleId, colleagueId: c.id, format: 'json' });
    const csv = fs.readFileSync(path.join(dir, 'report.csv'), 'utf8');
    expect(csv.split('\r\n')[0]).toBe('pair_id,category,links,mine_id,mine_tag,mine_spans,mine_text,theirs_id,theirs_tag,theirs_spans,theirs_text,decision,decided_at');
    expect(csv.split('\r\n').filter(Boolean)).toHaveLength(55);
    expect(csv).toContain(`|${taken.id},only-theirs,,,,,,${taken.id},attribution,71-83,Donald Trump,accept,2026-01-01T10:00:00.000Z`);

    ports.saveAnswers.push(undefined);
    expect(await call('review:export-report', { articleId, colleagueId: c.id, format: 'csv' })).toEqual({ canceled: true });
    // The pairing the report starts from is the real one: mine now agrees with theirs there.
    const mine = handlers.library.article(articleId).annotations;
    expect(pairAnnotations(mine, c.annotations).byTheirs.get(taken.id)!.category).toBe('agree');
  });
});
