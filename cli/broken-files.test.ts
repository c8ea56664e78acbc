import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { strayQuote, w3cExport } from '../tests/broken-files';

/** `newsmark validate` on files broken the way hand edits break them: one problem, at its place. */
const ROOT = path.resolve(__dirname, '..');
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'newsmark-broken-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

function cli(...args: string[]) {
  const r = spawnSync(process.execPath, [path.join(ROOT, 'bin/newsmark.js'), ...args], { cwd: dir, encoding: 'utf8', timeout: 60_000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}
const exported = w3cExport();
fs.copyFileSync(exported.textFile, path.join(dir, 'story.txt'));

describe('validate on a broken file', () => {
  it('names the one syntax error of a pretty-printed W3C collection, with an excerpt and caret', () => {
    fs.writeFileSync(path.join(dir, 'story.jsonld'), exported.collection);
    expect(cli('validate', 'story.jsonld', '--text', 'story.txt').code).toBe(0);
    const { broken, line, column } = strayQuote(exported.collection, 1536);
    fs.writeFileSync(path.join(dir, 'broken.json'), broken);
    const r = cli('validate', 'broken.json', '--text', 'story.txt');
    expect(r.code).toBe(1);
    const out = r.stderr.split('\n');
    expect(out[0]).toBe('broken.json: 1 problem');
    expect(out[1]).toMatch(new RegExp(`^  line ${line} column ${column}: invalid JSON: `));
    expect(out[2]!.trim()).toBe('""type": "TextQuoteSelector",');
    expect(out[3]!.indexOf('^') - out[2]!.indexOf('"')).toBe(2);
    expect(out.slice(4).join('')).toBe('');
  });

  it('names the bad line of a JSON Lines file, and caps a report at 20 unless --all', () => {
    const lines = exported.jsonLines.trimEnd().split('\n');
    lines[6] = lines[6]!.slice(0, 80);
    fs.writeFileSync(path.join(dir, 'one.jsonl'), lines.join('\n'));
    const one = cli('validate', 'one.jsonl', '--text', 'story.txt');
    expect(one.stderr.split('\n').slice(0, 2)).toEqual(['one.jsonl: 1 problem', expect.stringMatching(/^ {2}line 7 column 81: invalid JSON: /)]);
    // 40 lines cut short after two good ones: 40 problems, 20 listed
    fs.writeFileSync(path.join(dir, 'many.jsonl'), exported.jsonLines.trimEnd().split('\n').slice(0, 42).map((l, i) => (i < 2 ? l : l.slice(0, 50))).join('\n'));
    const many = cli('validate', 'many.jsonl');
    expect(many.code).toBe(1);
    expect(many.stderr).toMatch(/^many\.jsonl: 40 problems\n/);
    expect(many.stderr.match(/^ {2}line \d+ column/gm)).toHaveLength(20);
    expect(many.stderr).toContain('  … and 20 more (--all lists every one)\n');
    const all = cli('validate', 'many.jsonl', '--all');
    expect(all.stderr.match(/^ {2}line \d+ column/gm)).toHaveLength(40);
    expect(all.stderr).not.toContain('more');
  });
});
