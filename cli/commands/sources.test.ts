import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { toNewsmarkExport } from '../../shared/formats/newsmark-json';
import { POLNEAR_DEV } from '../../tests/corpus/paths';
import { sampleFixture } from '../../tests/sources/sample-fixture';

const ROOT = path.resolve(__dirname, '../..');
const ARTICLE = 'breitbart_2016-09-12_stealth-over-health-hillary-clin';
const TEXT = path.join(POLNEAR_DEV, 'text', `${ARTICLE}.txt`);
const ANN = path.join(POLNEAR_DEV, 'attributions', `${ARTICLE}_ef2d.ann`);
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'newsmark-sources-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

function cli(...args: string[]) {
  const r = spawnSync(process.execPath, [path.join(ROOT, 'bin/newsmark.js'), ...args], { cwd: dir, encoding: 'utf8', timeout: 30_000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('newsmark sources', () => {
  it('summarises a brat file: kinds, anonymous share, groups', () => {
    const r = cli('sources', ANN, '--text', TEXT);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('6 attributions: 2 media, 4 anonymous');
    expect(r.stdout).toContain('4 of 6 attributed quotes and claims (67%) rest only on anonymous or passive sources');
    expect(r.stdout).toMatch(/^ {2}media {8}The New York Post/m);
  });

  it('reads a Newsmark export with its text, keeps the editor’s kind, and gives JSON and CSV', () => {
    const { text, annotations } = sampleFixture();
    const edited = annotations.map((a) => (a.id === 's2' ? { ...a, sourceKind: 'organisation' as const } : a));
    const file = path.join(dir, 'sample.json');
    const article = { id: 'sample', title: 'Sample', text, source: {}, textHash: `sha256:${'0'.repeat(64)}`, createdAt: '', updatedAt: '' };
    fs.writeFileSync(file, JSON.stringify(toNewsmarkExport(article, edited, { exporter: { name: 'N', version: '1' }, now: '', includeText: true })));
    const json = cli('sources', file, '--json');
    expect(json.code).toBe(0);
    const [first] = JSON.parse(json.stdout) as [{ summary: { attributions: number; unsourcedClaims: string[] }; sources: { source: string; kind: string; kindChosenByEditor: boolean }[] }];
    expect(first.summary.attributions).toBe(26);
    expect(first.summary.unsourcedClaims).toEqual(['u1', 'u2']);
    expect(first.sources.find((s) => s.source === 'U.S. media')).toMatchObject({ kind: 'organisation', kindChosenByEditor: true });
    expect(first.sources.find((s) => s.source === 'Trump')).toBeDefined();
    const csv = cli('sources', file, '--csv');
    expect(csv.stdout.split('\r\n')[0]).toBe('file,source,kind,edited,attributions,quotes,claims,cues');
    expect(csv.stdout).toMatch(/,Trump,person,no,8,/);
  });

  it('wrong usage and bad input', () => {
    expect(cli('sources').code).toBe(2);
    expect(cli('sources', ANN, '--json', '--csv').code).toBe(2);
    const bad = path.join(dir, 'bad.json');
    fs.writeFileSync(bad, '{"format":"newsmark"');
    const r = cli('sources', bad);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('bad.json');
  });
});
