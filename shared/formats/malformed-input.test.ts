import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Problem } from '../issues';
import type { Annotation } from '../model/types';
import { exportBrat, importBrat } from './brat';
import { readCsv, toCsv } from './csv';
import { toNewsmarkExport } from './newsmark-json';
import { parseNewsmarkExport } from './newsmark-parse';
import { readW3C, toW3CCollection } from './w3c';

/**
 * Malformed input of every kind must come back as problems that say where, never as an
 * exception: truncation, wrong types, __proto__ keys, huge numbers, offsets out of range,
 * deep nesting.
 */
const RUNS = 1000;
/** Fixed so a run is reproducible; set FC_SEED to explore other inputs. */
const SEED = Number(process.env.FC_SEED ?? 20251201);
const TEXT = 'The mayor said “we will win,” 😀 and critics said no.\nSecond line.';
const NOW = '2025-12-01T12:00:00.000Z';
const ann = (id: string, s: string, links: string[] = []): Annotation => {
  const start = TEXT.indexOf(s);
  return { id, tag: 'quote', spans: [{ start, end: start + s.length }], note: 'n', links, author: { id: 'u', name: 'U' }, createdAt: NOW, updatedAt: NOW };
};
const ANNS = [{ ...ann('cue', 'said'), tag: 'attribution' as const }, ann('q', '“we will win,”', ['cue']), ann('c', 'critics said no')];
const NEWSMARK = toNewsmarkExport({ id: 'a', title: 't', text: TEXT, source: {}, textHash: `sha256:${'0'.repeat(64)}`, createdAt: NOW, updatedAt: NOW }, ANNS, { exporter: { name: 'n', version: '1' }, now: NOW, includeText: true });
const W3C = toW3CCollection({ id: 'a', text: TEXT }, ANNS);
const LOCATED = /^(\$|line \d+|row \d+)/;

function expectLocated(problems: readonly Problem[]): void {
  for (const p of problems) {
    expect(p.where).toMatch(LOCATED);
    expect(p.message.length).toBeGreaterThan(0);
  }
}

/** Something to put where a value was: wrong types, huge numbers, bad offsets, deep nesting, prototype keys. */
const replacement = fc.oneof(
  fc.jsonValue({ maxDepth: 3 }).map((v) => JSON.stringify(v)),
  fc.constantFrom('1e400', '-1', '9007199254740993', '1.5', '"x"', 'null', '[]', '{}', '99999999'),
  fc.integer({ min: 65, max: 3000 }).map((d) => `${'['.repeat(d)}${']'.repeat(d)}`),
  fc.constantFrom('{"__proto__":{"polluted":1}}', '{"constructor":{"prototype":{"polluted":1}}}'),
);

/** The JSON text with the value at one randomly chosen path replaced. */
function mutateJson(doc: unknown, pick: number, text: string): string {
  const paths: string[][] = [];
  const walk = (v: unknown, path: string[]) => {
    paths.push(path);
    if (v && typeof v === 'object') for (const [k, c] of Object.entries(v)) walk(c, [...path, k]);
  };
  walk(doc, []);
  const path = paths[pick % paths.length]!;
  const PLACEHOLDER = JSON.stringify('\u0000SLOT\u0000');
  const clone = structuredClone(doc) as Record<string, unknown>;
  if (path.length === 0) return text;
  let at: Record<string, unknown> = clone;
  for (const k of path.slice(0, -1)) at = at[k] as Record<string, unknown>;
  at[path[path.length - 1]!] = '\u0000SLOT\u0000';
  const out = JSON.stringify(clone);
  if (!out.includes(PLACEHOLDER)) throw new Error('mutation slot not found');
  return out.replace(PLACEHOLDER, () => text);
}

const jsonInputs = (doc: unknown) =>
  fc.oneof(
    fc.tuple(fc.nat(), replacement).map(([pick, text]) => mutateJson(doc, pick, text)),
    fc.nat().map((n) => JSON.stringify(doc).slice(0, n % JSON.stringify(doc).length)),
    fc.tuple(fc.nat(), fc.string({ maxLength: 5 })).map(([n, s]) => {
      const raw = JSON.stringify(doc);
      const i = n % raw.length;
      return raw.slice(0, i) + s + raw.slice(i + 1);
    }),
  );

describe('malformed input never crashes and every problem says where', () => {
  it('starts from valid files', () => {
    expect(parseNewsmarkExport(JSON.stringify(NEWSMARK)).ok).toBe(true);
    expect(readW3C(JSON.stringify(W3C), TEXT).ok).toBe(true);
    expect(readCsv(toCsv(TEXT, ANNS)).ok).toBe(true);
    expect(importBrat(TEXT, exportBrat(TEXT, ANNS).ann, { now: NOW }).problems).toEqual([]);
  });

  it(`Newsmark JSON (${RUNS} inputs)`, () => {
    fc.assert(
      fc.property(jsonInputs(NEWSMARK), (raw) => {
        const r = parseNewsmarkExport(raw);
        if (!r.ok) {
          expect(r.problems.length).toBeGreaterThan(0);
          expectLocated(r.problems);
        }
        expect(({} as Record<string, unknown>).polluted).toBeUndefined();
      }),
      { numRuns: RUNS, seed: SEED },
    );
  });

  it(`W3C (${RUNS} inputs)`, () => {
    fc.assert(
      fc.property(jsonInputs(W3C), (raw) => {
        const r = readW3C(raw, TEXT);
        if (!r.ok) expectLocated(r.problems);
      }),
      { numRuns: RUNS, seed: SEED },
    );
  });

  it(`brat (${RUNS} inputs)`, () => {
    const valid = exportBrat(TEXT, ANNS).ann.split('\n');
    const line = fc.oneof(
      fc.constantFrom(...valid),
      fc.tuple(fc.constantFrom(...valid), fc.oneof(fc.integer(), fc.constantFrom(1e21, 2 ** 53 + 1, -5))).map(([l, n]) => l.replace(/\d+/, String(n))),
      fc.tuple(fc.constantFrom(...valid), fc.nat()).map(([l, n]) => l.slice(0, n % (l.length + 1))),
      fc.constantFrom('E1\tAttribution:T9 Content:T1', 'R1\tX Arg1:T1', '#1\tAnnotatorNotes T77\tx', 'T1\tCue 5 2\tx', 'T2\tCue 0 4;3 9\tThe', 'A1\tNeg T1', '__proto__\tx', 'T3\t__proto__ 0 1\tT'),
      fc.string({ maxLength: 30 }),
    );
    fc.assert(
      fc.property(fc.array(line, { maxLength: 12 }), (lines) => {
        const r = importBrat(TEXT, lines.join('\n'), { now: NOW });
        expectLocated(r.problems);
        for (const a of r.annotations) for (const s of a.spans) expect(s.start < s.end && s.end <= TEXT.length).toBe(true);
      }),
      { numRuns: RUNS, seed: SEED },
    );
  });

  it(`CSV (${RUNS} inputs)`, () => {
    const csv = toCsv(TEXT, ANNS);
    const rows = csv.split('\r\n');
    const input = fc.oneof(
      fc.nat().map((n) => csv.slice(0, n % csv.length)),
      fc.tuple(fc.nat(), fc.nat(), fc.oneof(fc.string({ maxLength: 8 }), fc.constantFrom('1e400', '-1', '999999', '"', '"a""b"', 'opinion', 'ghost'))).map(([r, c, v]) => {
        const copy = rows.map((x) => x.split(','));
        const row = copy[1 + (r % (copy.length - 2))]!;
        row[c % row.length] = v;
        return copy.map((x) => x.join(',')).join('\r\n');
      }),
      fc.string({ maxLength: 200 }),
    );
    fc.assert(
      fc.property(input, (raw) => {
        const r = readCsv(raw);
        if (!r.ok) expectLocated(r.problems);
      }),
      { numRuns: RUNS, seed: SEED },
    );
  });
});
