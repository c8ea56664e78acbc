import { describe, expect, it } from 'vitest';
import type { Annotation } from '../model/types';
import { CSV_COLUMNS, readCsv, toCsv } from './csv';
import { parseCsv } from './csv-rfc4180';

const TEXT = 'He said, "go", then =cmd left.\nNext line said more.';
const span = (s: string) => ({ start: TEXT.indexOf(s), end: TEXT.indexOf(s) + s.length });
const base = { note: '', links: [] as string[], author: { id: 'u', name: 'Ann, "A"' }, createdAt: 'c', updatedAt: 'u' };
const anns: Annotation[] = [
  { ...base, id: 'a', tag: 'attribution', spans: [span('said')] },
  { ...base, id: 'q', tag: 'quote', spans: [span('"go"'), span('=cmd')], note: 'a "note",\nwith lines', links: ['a'] },
];

describe('CSV', () => {
  const csv = toCsv(TEXT, anns);

  it('writes one RFC 4180 row per fragment with a header', () => {
    const rows = csv.split('\r\n');
    expect(rows[0]).toBe(CSV_COLUMNS.join(','));
    const parsed = parseCsv(csv);
    expect(parsed.ok && parsed.rows.map((r) => [r[0], r[2], r[5]])).toEqual([
      ['id', 'fragment', 'exact'],
      ['a', '1', 'said'],
      ['q', '1', '"go"'],
      ['q', '2', "'=cmd"],
    ]);
  });

  it('reads back tags, spans, links and notes, defusing formulas both ways', () => {
    const r = readCsv(csv);
    if (!r.ok) throw new Error(JSON.stringify(r.problems));
    expect(r.value.map((a) => [a.id, a.tag, a.spans.map((s) => s.exact), a.links, a.note, a.author.name])).toEqual([
      ['a', 'attribution', ['said'], [], '', 'Ann, "A"'],
      ['q', 'quote', ['"go"', '=cmd'], ['a'], 'a "note",\nwith lines', 'Ann, "A"'],
    ]);
  });

  it('names row and column of each problem', () => {
    const rows = csv.split('\r\n');
    rows[1] = rows[1]!.replace(',attribution,', ',opinion,');
    rows[3] = rows[3]!.replace(',2,', ',x,');
    const r = readCsv(rows.join('\r\n'));
    expect(r.ok ? [] : r.problems.map((p) => p.where)).toEqual(['row 2, column tag', 'row 4, column fragment', 'row 3, column links']);
    const broken = readCsv(`${csv}"unterminated`);
    expect(broken.ok ? [] : broken.problems).toEqual([{ where: 'row 5, column id', message: `a quoted field is never closed (the field starts on line ${csv.split('\n').length})` }]);
    // the note of row 4 broken; earlier notes span lines, so its row and line differ
    const lines = csv.split('\r\n');
    const at = lines.findIndex((l, i) => i >= 3 && l.includes(',"a ""note"",'));
    lines[at] = lines[at]!.replace(',"a ""note"",', ',"a ""note"x,');
    const text = lines.join('\r\n');
    const line = text.slice(0, text.indexOf('"a ""note"x')).split('\n').length;
    const note = readCsv(text);
    expect(note.ok ? [] : note.problems).toEqual([{ where: 'row 4, column note', message: `text after the closing quote of a field (the field starts on line ${line})` }]);
  });
});
