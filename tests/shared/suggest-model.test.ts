import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readSplit } from '../../cli/polnear-split';
import { evaluate } from '../../shared/suggest/evaluate';
import { loadSuggester } from '../../shared/suggest/load';
import { prf } from '../../shared/suggest/score';
import { POLNEAR_DEV } from '../corpus/paths';

const MODEL = path.resolve(import.meta.dirname, '../../resources/models/attribution.json');

describe('the shipped attribution model', () => {
  const raw = fs.readFileSync(MODEL, 'utf8');
  it('loads, and a corrupt file is an error value that says why', () => {
    expect(loadSuggester(raw).ok).toBe(true);
    const bad = loadSuggester(raw.slice(0, 1000));
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.error).toMatch(/not valid JSON/);
    const wrong = loadSuggester({ format: 'something else' });
    expect(!wrong.ok && wrong.error).toMatch(/format: expected/);
  });
  it('scores on the vendored dev split a little under what it measured (67.6 / 69.9 / 50.3 / 48.1)', () => {
    const r = loadSuggester(raw);
    if (!r.ok) throw new Error(r.error);
    const { counts } = evaluate(r.suggester, readSplit(POLNEAR_DEV));
    expect(prf(counts.exact.cue).f).toBeGreaterThan(0.65);
    expect(prf(counts.exact.source).f).toBeGreaterThan(0.67);
    expect(prf(counts.exact.content).f).toBeGreaterThan(0.48);
    expect(prf(counts.attribution).f).toBeGreaterThan(0.46);
  });
  it('never throws on empty, endless or other-script text', () => {
    const r = loadSuggester(raw);
    if (!r.ok) throw new Error(r.error);
    expect(r.suggester.suggest('')).toEqual([]);
    const t0 = performance.now();
    r.suggester.suggest(Array.from({ length: 20_000 }, (_, i) => `word${i % 50}`).join(' '));
    r.suggester.suggest('北京时间今天上午，外交部发言人表示。'.repeat(200));
    expect(performance.now() - t0).toBeLessThan(2000);
  });
});
