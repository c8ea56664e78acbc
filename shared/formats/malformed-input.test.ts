import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Problem } from '../issues';
import type { Annotation } from '../model/types';
import { exportBrat, importBrat } from './brat';
import { readCsv, toCsv } from './csv';
import { jsonLayout } from './json-lines';
import { parserOffset } from './json-syntax';
import { toNewsmarkExport } from './newsmark-json';
import { parseNewsmarkExport } from './newsmark-parse';
import { readW3C, toW3CCollection, toW3CJsonLines } from './w3c';

/**
 * Malformed input of every kind must come back as problems that say where, never as an
 * exception: truncation, deleted and inserted bytes, wrong types, __proto__ keys, huge and
 * negative numbers, lone surrogates, deep nesting, tabs lost. And the place must be the
 * right one: for a JSON syntax error, the line and column the JSON parser names is the
 * one problem reported; a bad JSON Lines line, a broken CSV field and a bad brat line are
 * named where they are.
 */
const RUNS = Number(process.env.FC_RUNS ?? 10_000);
/** Fixed so a run is reproducible; set FC_SEED to explore other inputs. */
const SEED = Number(process.env.FC_SEED ?? 20251201);
const TEXT = 'The mayor said “we will win,” 😀 and critics said no.\nSecond line.';
const NOW = '2025-12-01T12:00:00.000Z';
const ann = (id: string, s: string, links: string[] = []): Annotation => {
  const start = TEXT.indexOf(s);
  return { id, tag: 'quote', spans: [{ start, end: start + s.length }], note: 'n, "quoted"', links, author: { id: 'u', name: 'U' }, createdAt: NOW, updatedAt: NOW };
};
const ANNS = [{ ...ann('cue', 'said'), tag: 'attribution' as const }, ann('q', '“we will win,”', ['cue']), ann('c', 'critics said no')];
const NEWSMARK = toNewsmarkExport({ id: 'a', title: 't', text: TEXT, source: {}, textHash: `sha256:${'0'.repeat(64)}`, createdAt: NOW, updatedAt: NOW }, ANNS, { exporter: { name: 'n', version: '1' }, now: NOW, includeText: true });
const W3C = toW3CCollection({ id: 'a', text: TEXT }, ANNS);
const W3C_LINES = toW3CJsonLines({ id: 'a', text: TEXT }, ANNS);
const LOCATED = /^(\$|line \d+|row \d+)/;

function expectLocated(problems: readonly Problem[]): void {
  for (const p of problems) {
    expect(p.where).toMatch(LOCATED);
    expect(p.message.length).toBeGreaterThan(0);
  }
}

/** Where JSON.parse stops on `raw` ("line L column C"), or null when it parses or names no position. */
function parserPlace(raw: string): string | null {
  try {
    JSON.parse(raw);
    return null;
  } catch (e) {
    const offset = parserOffset((e as Error).message, raw.length);
    if (offset === null) return null;
    const line = raw.slice(0, offset).split('\n').length;
    return `line ${line} column ${offset - (raw.lastIndexOf('\n', offset - 1) + 1) + 1}`;
  }
}

/** Something to put where a value was: wrong types, huge and negative numbers, lone surrogates, deep nesting, prototype keys. */
const replacement = fc.oneof(
  fc.jsonValue({ maxDepth: 3 }).map((v) => JSON.stringify(v)),
  fc.constantFrom('1e400', '-1', '-1e400', '9007199254740993', '1.5', '"x"', 'null', '[]', '{}', '99999999', '"\\ud800"', '"\ud800"', '"\udc00x"'),
  fc.integer({ min: 65, max: 3000 }).map((d) => `${'['.repeat(d)}${']'.repeat(d)}`),
  fc.constantFrom('{"__proto__":{"polluted":1}}', '{"constructor":{"prototype":{"polluted":1}}}'),
);

/**
 * The JSON text (pretty-printed or not) with a slot where the value at each path was; a
 * mutation fills one slot. Built once per document, so 10,000 runs stay quick.
 */
function slotsOf(doc: unknown, indent: number): string[] {
  const PLACEHOLDER = JSON.stringify('\u0000SLOT\u0000');
  const paths: string[][] = [];
  const walk = (v: unknown, path: string[]) => {
    if (path.length) paths.push(path);
    if (v && typeof v === 'object') for (const [k, c] of Object.entries(v)) walk(c, [...path, k]);
  };
  walk(doc, []);
  return paths.map((path) => {
    const clone = structuredClone(doc) as Record<string, unknown>;
    let at: Record<string, unknown> = clone;
    for (const k of path.slice(0, -1)) at = at[k] as Record<string, unknown>;
    at[path[path.length - 1]!] = '\u0000SLOT\u0000';
    const out = JSON.stringify(clone, null, indent);
    if (!out.includes(PLACEHOLDER)) throw new Error('mutation slot not found');
    return out;
  });
}
const fill = (slotted: string, text: string) => slotted.replace(JSON.stringify('\u0000SLOT\u0000'), () => text);

/** Bytes a hand edit leaves: stray quotes and brackets, control characters, lone surrogates. */
const junk = fc.oneof(fc.string({ maxLength: 4 }), fc.constantFrom('"', '{', '}', '[', ']', ',', ':', '\\', '\u0000', '\ud800', '\t', '\n', '1e400', '-', '__proto__'));

/** Truncated, bytes deleted or inserted, a value replaced; in the compact and the pretty-printed form. */
const jsonInputs = (doc: unknown) => {
  const forms = [0, 2].map((indent) => ({ raw: JSON.stringify(doc, null, indent || undefined), slots: slotsOf(doc, indent) }));
  return fc.constantFrom(...forms).chain(({ raw, slots }) =>
    fc.oneof(
      fc.tuple(fc.nat(), replacement).map(([pick, text]) => fill(slots[pick % slots.length]!, text)),
      fc.nat().map((n) => raw.slice(0, n % raw.length)),
      fc.tuple(fc.nat(), fc.integer({ min: 1, max: 4 })).map(([n, k]) => {
        const i = n % raw.length;
        return raw.slice(0, i) + raw.slice(i + k);
      }),
      fc.tuple(fc.nat(), junk).map(([n, s]) => {
        const i = n % raw.length;
        return raw.slice(0, i) + s + raw.slice(i);
      }),
    ),
  );
};

/** A JSON-parse failure is one problem at the parser's place; anything else is located. */
function expectJsonPlace(raw: string, problems: readonly Problem[]): void {
  const place = parserPlace(raw);
  if (place !== null) {
    expect(problems.map((p) => p.where)).toEqual([place]);
    expect(problems[0]!.excerpt).toMatch(/\n\s*\^$/);
  } else expectLocated(problems);
}

describe('malformed input never crashes, and every problem says where it really is', () => {
  it('starts from valid files', () => {
    expect(parseNewsmarkExport(JSON.stringify(NEWSMARK)).ok).toBe(true);
    expect(readW3C(JSON.stringify(W3C), TEXT).ok).toBe(true);
    expect(readW3C(JSON.stringify(W3C, null, 2), TEXT).ok).toBe(true);
    expect(readW3C(W3C_LINES, TEXT).ok).toBe(true);
    expect(readCsv(toCsv(TEXT, ANNS)).ok).toBe(true);
    expect(importBrat(TEXT, exportBrat(TEXT, ANNS).ann, { now: NOW }).problems).toEqual([]);
  });

  it(`Newsmark JSON (${RUNS} inputs)`, () => {
    fc.assert(
      fc.property(jsonInputs(NEWSMARK), (raw) => {
        const r = parseNewsmarkExport(raw);
        if (!r.ok) {
          expect(r.problems.length).toBeGreaterThan(0);
          if (raw.trim()) expectJsonPlace(raw, r.problems);
        }
        expect(({} as Record<string, unknown>).polluted).toBeUndefined();
      }),
      { numRuns: RUNS, seed: SEED },
    );
  });

  it(`W3C collection (${RUNS} inputs)`, () => {
    fc.assert(
      fc.property(jsonInputs(W3C), (raw) => {
        const r = readW3C(raw, TEXT);
        if (r.ok) return;
        if (jsonLayout(raw) === 'document') return expectJsonPlace(raw, r.problems);
        // An edit that leaves a complete value on the first line makes it JSON Lines; the
        // first bad line is still where the parser stops.
        const place = parserPlace(raw);
        if (place) expect(r.problems[0]!.where.split(' column')[0]).toBe(place.split(' column')[0]);
        expectLocated(r.problems);
      }),
      { numRuns: RUNS, seed: SEED },
    );
  });

  it(`W3C JSON Lines (${RUNS} inputs): the first bad line is the first problem`, () => {
    const lines = W3C_LINES.trimEnd().split('\n');
    const broken = fc.tuple(fc.nat(), fc.nat(), fc.oneof(junk.filter((s) => !s.includes('\n')), fc.constant(''), fc.constantFrom('"\\ud800"', '1e400'))).map(([k, n, s]) => {
      const copy = [...lines];
      const line = copy[k % copy.length]!;
      const i = n % line.length;
      copy[k % copy.length] = s === '' ? line.slice(0, i) : line.slice(0, i) + s + line.slice(i);
      return copy.join('\n');
    });
    fc.assert(
      fc.property(broken, (raw) => {
        expect(jsonLayout(raw)).toBe('lines');
        const r = readW3C(raw, TEXT);
        const firstBad = raw.split('\n').findIndex((l) => l.trim() && parserPlace(l) !== null);
        if (firstBad !== -1) {
          expect(r.ok).toBe(false);
          if (!r.ok) expect(r.problems[0]!.where).toBe(parserPlace(raw.split('\n')[firstBad]!)!.replace(/^line 1 /, `line ${firstBad + 1} `));
        }
        if (!r.ok) expectLocated(r.problems);
      }),
      { numRuns: RUNS, seed: SEED },
    );
  });

  it(`brat (${RUNS} inputs): a bad T line is named by its line and id`, () => {
    const valid = exportBrat(TEXT, ANNS).ann.trimEnd().split('\n');
    const tLines = valid.map((l, i) => (l.startsWith('T') ? i : -1)).filter((i) => i >= 0);
    // one T line broken in a way that is always an error: a tab lost, offsets too large, negative or past the text
    const badT = fc
      .tuple(fc.constantFrom(...tLines), fc.oneof(fc.constant('tab'), fc.constantFrom('1e21', String(2 ** 53 + 1), '-5', '9999', 'x')), fc.nat())
      .map(([k, how, n]) => {
        const parts = valid[k]!.split('\t');
        let line: string;
        if (how === 'tab') {
          const t = 1 + (n % 2);
          line = parts.slice(0, t).join('\t') + ' ' + parts.slice(t).join('\t');
        } else line = `${parts[0]}\t${parts[1]!.replace(/ \d+$/, ` ${how}`)}\t${parts.slice(2).join('\t')}`;
        const lines = [...valid];
        lines[k] = line;
        return { ann: lines.join('\n'), line: k + 1, id: parts[0]! };
      });
    const noise = fc.array(
      fc.oneof(
        fc.constantFrom(...valid),
        fc.tuple(fc.constantFrom(...valid), fc.nat()).map(([l, n]) => l.slice(0, n % (l.length + 1))),
        fc.tuple(fc.constantFrom(...valid), fc.nat(), junk).map(([l, n, s]) => l.slice(0, n % (l.length + 1)) + s + l.slice(n % (l.length + 1))),
        fc.constantFrom(...valid).map((l) => l.replace(/\t/g, ' ')),
        fc.constantFrom('E1\tAttribution:T9 Content:T1', 'R1\tX Arg1:T1', '#1\tAnnotatorNotes T77\tx', 'T1\tCue 5 2\tx', 'T2\tCue 0 4;3 9\tThe', 'A1\tNeg T1', '__proto__\tx', 'T3\t__proto__ 0 1\tT'),
        fc.string({ maxLength: 30 }),
      ),
      { maxLength: 12 },
    );
    fc.assert(
      fc.property(fc.oneof(badT, noise.map((lines) => ({ ann: lines.join('\n'), line: 0, id: '' }))), ({ ann: raw, line, id }) => {
        const r = importBrat(TEXT, raw, { now: NOW });
        expectLocated(r.problems);
        for (const a of r.annotations) for (const s of a.spans) expect(s.start < s.end && s.end <= TEXT.length).toBe(true);
        if (line) {
          expect(r.problems[0]!.where).toBe(`line ${line}`);
          expect(r.problems[0]!.message.startsWith(`${id}: `)).toBe(true);
        }
      }),
      { numRuns: RUNS, seed: SEED },
    );
  });

  it(`CSV (${RUNS} inputs): a broken field is named by its row and column`, () => {
    const csv = toCsv(TEXT, ANNS);
    const header = csv.slice(0, csv.indexOf('\r\n')).split(',');
    const fields = fieldsOf(csv);
    // a quote in the middle of an unquoted field, or a stray quote after an even number
    // of quotes inside a quoted one: both break at that field
    const brokenField = fc.tuple(fc.constantFrom(...fields.filter((f) => f.row > 1 && f.end - f.start > 1)), fc.nat()).map(([f, n]) => {
      const content = csv.slice(f.start, f.end);
      let i: number;
      if (f.quoted) {
        const even = [...Array(content.length + 1).keys()].filter((k) => (content.slice(0, k).match(/"/g)?.length ?? 0) % 2 === 0);
        i = f.start + even[n % even.length]!;
      } else i = f.start + 1 + (n % (content.length - 1));
      return { raw: csv.slice(0, i) + (f.quoted ? '"x' : '"') + csv.slice(i), where: `row ${f.row}, column ${header[f.field]}` };
    });
    const rows = csv.split('\r\n');
    const noise = fc.oneof(
      fc.nat().map((n) => csv.slice(0, n % csv.length)),
      fc.tuple(fc.nat(), junk).map(([n, s]) => csv.slice(0, n % csv.length) + s + csv.slice(n % csv.length)),
      fc.constant(csv.replace(/,/g, '\t')),
      fc.tuple(fc.nat(), fc.nat(), fc.oneof(fc.string({ maxLength: 8 }), fc.constantFrom('1e400', '-1', '999999', '"', '"a""b"', 'opinion', 'ghost', '\ud800'))).map(([r, c, v]) => {
        const copy = rows.map((x) => x.split(','));
        const row = copy[1 + (r % (copy.length - 2))]!;
        row[c % row.length] = v;
        return copy.map((x) => x.join(',')).join('\r\n');
      }),
      fc.string({ maxLength: 200 }),
    );
    fc.assert(
      fc.property(fc.oneof(brokenField, noise.map((raw) => ({ raw, where: '' }))), ({ raw, where }) => {
        const r = readCsv(raw);
        if (where) {
          expect(r.ok).toBe(false);
          if (!r.ok) expect(r.problems.map((p) => p.where)).toEqual([where]);
        }
        if (!r.ok) expectLocated(r.problems);
      }),
      { numRuns: RUNS, seed: SEED },
    );
  });
});

/** Each field of a valid CSV: row (1-based), field index, where its content lies, quoted or not. */
function fieldsOf(csv: string): { row: number; field: number; start: number; end: number; quoted: boolean }[] {
  const out: { row: number; field: number; start: number; end: number; quoted: boolean }[] = [];
  let row = 1;
  let field = 0;
  for (let i = 0; i < csv.length; ) {
    if (csv[i] === '"') {
      let j = i + 1;
      while (!(csv[j] === '"' && csv[j + 1] !== '"')) j += csv[j] === '"' ? 2 : 1;
      out.push({ row, field, start: i + 1, end: j, quoted: true });
      i = j + 1;
    } else {
      let j = i;
      while (j < csv.length && csv[j] !== ',' && csv[j] !== '\r') j++;
      out.push({ row, field, start: i, end: j, quoted: false });
      i = j;
    }
    if (csv[i] === ',') {
      field++;
      i++;
    } else {
      row++;
      field = 0;
      i += 2;
    }
  }
  return out;
}
