import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Annotation } from '../../shared/model/types';
import { JOURNAL_SUFFIX } from './journal';
import { Library } from './library';
import { tempPorts } from './test-ports';

const author = { id: 'u1', name: 'Ana' };
const ann = (id: string, start: number, end: number): Annotation => ({ id, tag: 'claim', spans: [{ start, end }], note: '', links: [], author, createdAt: 'x', updatedAt: 'x' });

async function open(dataDir: string) {
  const lib = new Library(tempPorts({ dataDir }));
  await lib.init();
  return lib;
}

describe('journaled saves', () => {
  it('a change appends one line and leaves the article file alone; a restart replays it; closing folds it in', async () => {
    const ports = tempPorts();
    const lib = new Library(ports);
    await lib.init();
    const { id } = await lib.create({ text: 'Officials said the plan works.' });
    const snapshot = path.join(ports.dataDir, 'articles', `${id}.json`);
    const journal = path.join(ports.dataDir, 'articles', `${id}${JOURNAL_SUFFIX}`);
    const before = fs.readFileSync(snapshot, 'utf8');
    lib.apply({ articleId: id, baseRevision: 0, operation: { type: 'add', annotation: ann('a1', 0, 9) } });
    lib.apply({ articleId: id, baseRevision: 1, operation: { type: 'add', annotation: ann('a2', 10, 14) } });
    expect(fs.readFileSync(snapshot, 'utf8')).toBe(before);
    expect(fs.readFileSync(journal, 'utf8').trim().split('\n').map((l) => JSON.parse(l).rev)).toEqual([1, 2]);
    // No close: as after a crash.
    const again = await open(ports.dataDir);
    expect(again.open(id)).toMatchObject({ revision: 2, annotations: [ann('a1', 0, 9), ann('a2', 10, 14)] });
    expect(again.list().problems).toEqual([]);
    expect(fs.existsSync(journal)).toBe(false); // replayed into the snapshot on load
    again.apply({ articleId: id, baseRevision: 2, operation: { type: 'remove', annotation: ann('a2', 10, 14) } });
    again.close();
    expect(fs.existsSync(journal)).toBe(false);
    expect(JSON.parse(fs.readFileSync(snapshot, 'utf8'))).toMatchObject({ revision: 3, annotations: [ann('a1', 0, 9)] });
  });

  it('drops a torn last line and reports it, keeps the lines before it, and never fails to start', async () => {
    const ports = tempPorts();
    const lib = new Library(ports);
    await lib.init();
    const { id } = await lib.create({ text: 'Officials said the plan works.' });
    lib.apply({ articleId: id, baseRevision: 0, operation: { type: 'add', annotation: ann('a1', 0, 9) } });
    const journal = path.join(ports.dataDir, 'articles', `${id}${JOURNAL_SUFFIX}`);
    fs.appendFileSync(journal, '{"rev":2,"at":"x","op":{"type":"add","annot');
    const again = await open(ports.dataDir);
    expect(again.open(id)).toMatchObject({ revision: 1, annotations: [ann('a1', 0, 9)] });
    const [problem] = again.list().problems;
    expect(problem).toMatchObject({ store: 'journal', articleId: id, file: journal });
    expect(problem!.reason).toMatch(/journal line 2 is incomplete .*dropped/);
    // Saving goes on after the dropped tail, not after its garbage.
    again.apply({ articleId: id, baseRevision: 1, operation: { type: 'add', annotation: ann('a2', 10, 14) } });
    const third = await open(ports.dataDir);
    expect(third.open(id).annotations.map((a) => a.id)).toEqual(['a1', 'a2']);
    expect(third.list().problems).toEqual([]);
  });

  it('replays nothing twice when the snapshot was written but the journal not yet emptied', async () => {
    const ports = tempPorts();
    const lib = new Library(ports);
    await lib.init();
    const { id } = await lib.create({ text: 'Officials said the plan works.' });
    lib.apply({ articleId: id, baseRevision: 0, operation: { type: 'add', annotation: ann('a1', 0, 9) } });
    const journal = path.join(ports.dataDir, 'articles', `${id}${JOURNAL_SUFFIX}`);
    const lines = fs.readFileSync(journal, 'utf8');
    lib.close(); // snapshot at revision 1, journal removed
    fs.writeFileSync(journal, lines); // as if the app stopped between the two
    const again = await open(ports.dataDir);
    expect(again.open(id)).toMatchObject({ revision: 1, annotations: [ann('a1', 0, 9)] });
    expect(again.list().problems).toEqual([]);
  });

  it('SIGKILLed at random moments during thousands of saves: every acknowledged change survives, nothing is corrupt', async () => {
    const ports = tempPorts();
    const lib = new Library(ports);
    await lib.init();
    const { id } = await lib.create({ text: 'Officials said the plan works and the council agreed. '.repeat(200) });
    lib.close();
    const script = path.resolve(import.meta.dirname, '../../tests/library/save-process.ts');
    let acked = 0;
    let total = 0;
    let seed = 12345;
    const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    for (let round = 0; round < 6; round++) {
      const child = spawn(process.execPath, ['--import', 'tsx', script, ports.dataDir, id, '100000'], { stdio: ['ignore', 'pipe', 'pipe'] });
      let err = '';
      child.stderr!.on('data', (d) => (err += d));
      let started = -1;
      let buffered = '';
      const killAfter = 200 + Math.floor(random() * 600); // acknowledged saves before the kill, roughly
      await new Promise<void>((resolve, reject) => {
        child.stdout!.on('data', (d: Buffer) => {
          buffered += d.toString();
          const lines = buffered.split('\n');
          buffered = lines.pop()!;
          for (const line of lines) {
            const rev = Number(/^ack (\d+)$/.exec(line)?.[1]);
            if (started < 0) started = rev;
            acked = Math.max(acked, rev);
          }
          if (started >= 0 && acked - started >= killAfter) child.kill('SIGKILL');
        });
        child.on('exit', (code, signal) => (signal === 'SIGKILL' ? resolve() : reject(new Error(`save process exited ${code}: ${err}`))));
      });
      total += acked - started + 1;
      const check = await open(ports.dataDir);
      const opened = check.open(id);
      expect(check.list().problems.filter((p) => p.store !== 'journal')).toEqual([]);
      expect(opened.revision).toBeGreaterThanOrEqual(acked);
      const ids = new Set(opened.annotations.map((a) => a.id));
      for (let r = 1; r <= acked; r++) expect(ids.has(`c-${r}`)).toBe(true);
      acked = opened.revision;
      check.close();
    }
    expect(total).toBeGreaterThan(1000);
  }, 120_000);
});
