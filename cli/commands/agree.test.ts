import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { POLNEAR_TRAIN_MULTI } from '../../tests/corpus/paths';

const ROOT = path.resolve(__dirname, '../..');
const SPLIT = POLNEAR_TRAIN_MULTI;
const ARTICLE = 'breitbart_2016-03-20_ted-cruz-refuses-to-disavow-lind';
const TEXT = path.join(SPLIT, 'text', `${ARTICLE}.txt`);
const ann = (annotator: string): string => path.join(SPLIT, 'attributions', `${ARTICLE}_${annotator}.ann`);
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'newsmark-agree-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

function cli(...args: string[]) {
  const r = spawnSync(process.execPath, [path.join(ROOT, 'bin/newsmark.js'), ...args], { cwd: dir, encoding: 'utf8', timeout: 30_000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('newsmark agree', () => {
  it('prints a table for two brat files, and the same numbers as JSON', () => {
    const table = cli('agree', ann('4b22'), ann('4e07'), '--text', TEXT);
    expect(table.stderr).toBe('');
    expect(table.code).toBe(0);
    expect(table.stdout).toMatch(/^pairs: \d+ agree, \d+ tag conflict, \d+ boundary conflict, \d+ only mine, \d+ only theirs$/m);
    const overall = /^overall\s+(.*)$/m.exec(table.stdout)![1]!.split(/\s+/);

    const json = cli('agree', ann('4b22'), ann('4e07'), '--text', TEXT, '--json');
    expect(json.code).toBe(0);
    const r = JSON.parse(json.stdout);
    expect(r.files.map((f: { file: string }) => path.basename(f.file))).toEqual([`${ARTICLE}_4b22.ann`, `${ARTICLE}_4e07.ann`]);
    const a = r.pairs[0].agreement;
    expect(overall.slice(0, 7)).toEqual(
      [a.overall.exact.precision, a.overall.exact.recall, a.overall.exact.f1, a.overall.overlap.precision, a.overall.overlap.recall, a.overall.overlap.f1, a.overall.kappa].map((x: number) => x.toFixed(3)),
    );
    expect(a.overall.kappa).toBeGreaterThan(0.3);
    expect(a.overall.kappa).toBeLessThan(1);
    expect(r.fleiss).toBeUndefined();
  });

  it('gives exactly 1 for a file against itself and symmetric F1 and kappa when swapped', () => {
    const self = JSON.parse(cli('agree', ann('5fec'), ann('5fec'), '--text', TEXT, '--json').stdout).pairs[0].agreement;
    expect([self.overall.exact.f1, self.overall.overlap.f1, self.overall.kappa, self.links.f1]).toEqual([1, 1, 1, 1]);
    const ab = JSON.parse(cli('agree', ann('4b22'), ann('d473'), '--text', TEXT, '--json').stdout).pairs[0].agreement;
    const ba = JSON.parse(cli('agree', ann('d473'), ann('4b22'), '--text', TEXT, '--json').stdout).pairs[0].agreement;
    expect([ba.overall.exact.f1, ba.overall.overlap.f1, ba.overall.kappa]).toEqual([ab.overall.exact.f1, ab.overall.overlap.f1, ab.overall.kappa]);
  });

  it("compares every pair of three or more files and adds Fleiss' kappa", () => {
    const files = ['4b22', '4e07', '5fec', '6b86'].map(ann);
    const r = JSON.parse(cli('agree', ...files, '--text', TEXT, '--json').stdout);
    expect(r.pairs).toHaveLength(6);
    expect(r.fleiss.annotators).toBe(4);
    expect(r.fleiss.kappa).toBeGreaterThan(0);
    expect(r.fleiss.kappa).toBeLessThan(1);
    const table = cli('agree', ...files, '--text', TEXT);
    expect(table.stdout).toContain(`Fleiss' kappa over 4 files and ${r.tokens} tokens: ${r.fleiss.kappa.toFixed(3)}`);
  });

  it('reads the article text from a Newsmark export saved with it', () => {
    for (const who of ['4b22', '4e07']) {
      expect(cli('convert', ann(who), '--text', TEXT, '--to', 'newsmark', '-o', `${who}.json`).code).toBe(0);
    }
    const fromJson = JSON.parse(cli('agree', '4b22.json', '4e07.json', '--json').stdout).pairs[0].agreement;
    const fromBrat = JSON.parse(cli('agree', ann('4b22'), ann('4e07'), '--text', TEXT, '--json').stdout).pairs[0].agreement;
    expect(fromJson.overall).toEqual(fromBrat.overall);
  });

  it('shows "—" (null in JSON) for a tag neither file used, not a perfect 1.000', () => {
    // no quotation marks anywhere, so neither file has a quote
    const text = 'Officials said the talks would resume soon, according to state media on Monday.\n';
    fs.writeFileSync(path.join(dir, 'plain.txt'), text);
    const at = (s: string) => `${text.indexOf(s)} ${text.indexOf(s) + s.length}\t${s}`;
    fs.writeFileSync(path.join(dir, 'plain_a.ann'), `T1\tSource ${at('Officials')}\nT2\tContent ${at('the talks would resume soon')}\n`);
    fs.writeFileSync(path.join(dir, 'plain_b.ann'), `T1\tSource ${at('Officials')}\nT2\tContent ${at('the talks would resume')}\n`);
    const table = cli('agree', 'plain_a.ann', 'plain_b.ann', '--text', 'plain.txt');
    expect(table.code).toBe(0);
    const row = (tag: string) => new RegExp(`^${tag}\\s+(.*)$`, 'm').exec(table.stdout)![1]!.split(/\s+/);
    expect(row('quote')).toEqual(['—', '—', '—', '—', '—', '—', '—', '0', '0']);
    expect(row('attribution').slice(0, 7)).toEqual(['1.000', '1.000', '1.000', '1.000', '1.000', '1.000', '1.000']);
    // the overall numbers count only what was tagged: 1 of 2 exact matches
    expect(row('overall').slice(0, 3)).toEqual(['0.500', '0.500', '0.500']);
    expect(table.stdout).toMatch(/^links: P — {2}R — {2}F1 —/m);
    const json = JSON.parse(cli('agree', 'plain_a.ann', 'plain_b.ann', '--text', 'plain.txt', '--json').stdout).pairs[0].agreement;
    expect(json.perTag.quote).toEqual({ mine: 0, theirs: 0, exact: { precision: null, recall: null, f1: null }, overlap: { precision: null, recall: null, f1: null }, kappa: null });
    const three = JSON.parse(cli('agree', 'plain_a.ann', 'plain_b.ann', 'plain_a.ann', '--text', 'plain.txt', '--json').stdout);
    expect(three.fleiss.perTag.quote).toBeNull();
    expect(cli('agree', 'plain_a.ann', 'plain_b.ann', 'plain_a.ann', '--text', 'plain.txt').stdout).toMatch(/quote —/);
  });

  it('refuses wrong usage with exit code 2', () => {
    expect(cli('agree', ann('4b22')).code).toBe(2);
    const noText = cli('agree', ann('4b22'), ann('4e07'));
    expect(noText.code).not.toBe(0);
    expect(noText.stderr).toMatch(/--text/);
  });
});

describe('newsmark review-report', () => {
  it('writes CSV or JSON by the extension of -o, one row per pair, with saved decisions', () => {
    const first = JSON.parse(cli('review-report', ann('4b22'), ann('4e07'), '--text', TEXT).stdout);
    const conflict = first.find((r: { category: string }) => r.category === 'boundary-conflict');
    fs.writeFileSync(path.join(dir, 'decisions.json'), JSON.stringify([{ pairId: conflict.pairId, decision: { kind: 'merge' }, decidedAt: '2025-06-01T10:00:00Z' }]));

    expect(cli('review-report', ann('4b22'), ann('4e07'), '--text', TEXT, '--decisions', 'decisions.json', '-o', 'review.json').code).toBe(0);
    const rows = JSON.parse(fs.readFileSync(path.join(dir, 'review.json'), 'utf8'));
    expect(rows).toHaveLength(first.length);
    expect(rows.find((r: { pairId: string }) => r.pairId === conflict.pairId)).toMatchObject({ decision: 'merge', decidedAt: '2025-06-01T10:00:00Z' });

    expect(cli('review-report', ann('4b22'), ann('4e07'), '--text', TEXT, '-o', 'review.csv').code).toBe(0);
    const csv = fs.readFileSync(path.join(dir, 'review.csv'), 'utf8');
    expect(csv.startsWith('pair_id,category,links,mine_id,mine_tag,mine_spans,mine_text,')).toBe(true);
    expect(csv.endsWith('\r\n')).toBe(true);
    // every record starts with a pair id made of the two brat-derived ids
    expect(csv.split('\r\n').filter((l) => /^[^,]*\|[^,]*,(agree|tag-conflict|boundary-conflict|only-mine|only-theirs),/.test(l))).toHaveLength(first.length);

    expect(cli('review-report', ann('4b22'), ann('4e07'), '--text', TEXT, '-o', 'review.txt').code).toBe(2);
  });
});
