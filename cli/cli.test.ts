import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { POLNEAR_DEV } from '../tests/corpus/paths';

const ROOT = path.resolve(__dirname, '..');
const POLNEAR = POLNEAR_DEV;
const ARTICLE = 'breitbart_2016-09-12_stealth-over-health-hillary-clin';
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'newsmark-cli-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

fs.copyFileSync(path.join(POLNEAR, 'text', `${ARTICLE}.txt`), path.join(dir, 'story.txt'));
fs.copyFileSync(path.join(POLNEAR, 'attributions', `${ARTICLE}_ef2d.ann`), path.join(dir, 'story.ann'));

function cli(...args: string[]) {
  const r = spawnSync(process.execPath, [path.join(ROOT, 'bin/newsmark.js'), ...args], { cwd: dir, encoding: 'utf8', timeout: 30_000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}
const sortedLines = (s: string) => s.trim().split('\n').sort();

describe('newsmark CLI', () => {
  beforeAll(() => {
    expect(cli('convert', 'story.ann', '--to', 'newsmark', '-o', 'story.json').code).toBe(0);
  });

  it('converts brat → Newsmark JSON → brat without loss, and validates the JSON', () => {
    const v = cli('validate', 'story.json');
    expect(v).toMatchObject({ code: 0, stdout: 'story.json: valid newsmark file, 18 annotations\n' });
    expect(cli('convert', 'story.json', '--to', 'brat', '-o', 'back').code).toBe(0);
    expect(sortedLines(fs.readFileSync(path.join(dir, 'back.ann'), 'utf8'))).toEqual(sortedLines(fs.readFileSync(path.join(dir, 'story.ann'), 'utf8')));
    expect(fs.readFileSync(path.join(dir, 'back.txt'), 'utf8')).toBe(fs.readFileSync(path.join(dir, 'story.txt'), 'utf8'));
  });

  it('converts to W3C JSON Lines and CSV, which validate and print to stdout', () => {
    expect(cli('convert', 'story.ann', '--to', 'w3c', '-o', 'story.jsonl').code).toBe(0);
    const links = JSON.parse(fs.readFileSync(path.join(dir, 'story.json'), 'utf8')).annotations.reduce((n: number, a: { links: string[] }) => n + a.links.length, 0);
    expect(links).toBeGreaterThan(0);
    // one line per annotation and one per link
    expect(fs.readFileSync(path.join(dir, 'story.jsonl'), 'utf8').trim().split('\n')).toHaveLength(18 + links);
    const csv = cli('convert', 'story.jsonl', '--text', 'story.txt', '--to', 'csv');
    expect(csv.code).toBe(0);
    expect(csv.stdout.split('\r\n')[0]).toBe('id,tag,fragment,start,end,exact,prefix,suffix,note,links,author_id,author_name,created,updated,source_kind');
    fs.writeFileSync(path.join(dir, 'story.csv'), csv.stdout);
    expect(cli('validate', 'story.csv').code).toBe(0);
  });

  it('validate exits 1 and lists every problem with where it is', () => {
    const json = JSON.parse(fs.readFileSync(path.join(dir, 'story.json'), 'utf8'));
    json.annotations[2].spans[0].end = 'x';
    json.annotations[4].links = ['nobody'];
    fs.writeFileSync(path.join(dir, 'bad.json'), JSON.stringify(json));
    const r = cli('validate', 'bad.json');
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('$.annotations[2].spans[0].end');
    fs.writeFileSync(path.join(dir, 'bad.ann'), 'T1\tSource 0 3\tStealth\nnonsense\n');
    fs.copyFileSync(path.join(dir, 'story.txt'), path.join(dir, 'bad.txt'));
    const b = cli('validate', 'bad.ann');
    expect(b.code).toBe(1);
    expect(b.stderr).toContain('line 1:');
    expect(b.stderr).toContain('line 2:');
  });

  it('anchor re-attaches to an edited text and reports placed and unplaced', () => {
    const text = fs.readFileSync(path.join(dir, 'story.txt'), 'utf8');
    fs.writeFileSync(path.join(dir, 'v2.txt'), `Updated. ${text.replace('The Post has learned', 'The newspaper found')}`);
    const r = cli('anchor', 'story.json', '--text', 'v2.txt', '-o', 'v2.json');
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/^18 annotations: 16 placed exactly \(0 at their position, 16 found by quote\), 0 placed fuzzily, 2 unplaced/);
    expect(JSON.parse(fs.readFileSync(path.join(dir, 'v2.orphans.json'), 'utf8'))).toHaveLength(2);
    expect(cli('validate', 'v2.json').code).toBe(0);
  });

  it('diff lists the changes between two versions, those touching annotations first, and flags a reworded quote', () => {
    const text = fs.readFileSync(path.join(dir, 'story.txt'), 'utf8');
    const v2 = text
      .replace('“keep the details of her medical treatment under wraps.”', '“keep the details of her treatment private.”')
      .replace('\n\nClinton had told police officials that she didn’t want the escort at all, but the NYPD overruled that request, the source added.', '')
      .replace('Read the rest here.', 'Read the rest here.\n\nThe campaign did not answer questions on Monday.');
    fs.writeFileSync(path.join(dir, 'story-v2.txt'), v2);
    const r = cli('diff', 'story.txt', 'story-v2.txt', '--annotations', 'story.json');
    expect(r).toMatchObject({ code: 0, stderr: '' });
    expect(r.stdout).toMatch(/^3 changes: 1 added, 1 removed, 1 reworded \(1 reworded direct quote\); 2 touch annotations/);
    expect(r.stdout).toContain('reworded direct quote — the words inside the quotation marks changed: “keep the details of her medical treatment under wraps” → “keep the details of her treatment private”');
    expect(r.stdout.indexOf('Touching annotations:')).toBeLessThan(r.stdout.indexOf('Other changes:'));
    expect(r.stdout).toMatch(/unplaced story#T\d+ \(claim\): "Clinton had told police officials/);
    const json = JSON.parse(cli('diff', 'story.txt', 'story-v2.txt', '--annotations', 'story.json', '--json').stdout);
    expect(json.changes.map((c: { kind: string }) => c.kind)).toEqual(['reworded', 'removed', 'added']);
    expect(json.annotations.counts.total).toBe(18);
    expect(cli('diff', 'story.txt', 'story.txt').stdout).toBe('The texts are identical: no changes.\n');
    expect(cli('diff', 'story.txt')).toMatchObject({ code: 2 });
    expect(cli('diff', '--help').stdout).toContain('Usage: newsmark diff');
  }, 60_000);

  it('has help for every command, and errors go to stderr with a non-zero code', () => {
    for (const c of ['convert', 'validate', 'anchor']) expect(cli(c, '--help')).toMatchObject({ code: 0, stdout: expect.stringContaining(`Usage: newsmark ${c}`) });
    expect(cli('--help').stdout).toContain('Commands:');
    expect(cli('frobnicate')).toMatchObject({ code: 2, stdout: '', stderr: expect.stringContaining('unknown command "frobnicate"') });
    expect(cli('convert', 'story.json', '--to', 'pdf')).toMatchObject({ code: 2, stderr: expect.stringContaining('--to must be one of') });
    expect(cli('validate', 'missing.json')).toMatchObject({ code: 1, stderr: expect.stringContaining('cannot read') });
    fs.writeFileSync(path.join(dir, 'lonely.ann'), 'T1\tCue 0 4\tStea\n');
    expect(cli('convert', 'lonely.ann', '--to', 'csv')).toMatchObject({ code: 1, stderr: expect.stringContaining('needs its article text') });
  });
});
