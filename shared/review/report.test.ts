import { describe, expect, it } from 'vitest';
import { recordDecision } from './decisions';
import { pairAnnotations } from './pair';
import { CSV_COLUMNS, csvField, reportCsv, reportJson, reviewReport } from './report';
import { ann } from './test-support';

/** A minimal RFC 4180 reader, independent of the writer, to round-trip the output. */
function parseCsv(csv: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  const endField = (): void => {
    row.push(field);
    field = '';
  };
  for (let i = 0; i < csv.length; i++) {
    const c = csv[i]!;
    if (quoted) {
      if (c === '"' && csv[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') endField();
    else if (c === '\r' && csv[i + 1] === '\n') {
      endField();
      rows.push(row);
      row = [];
      i++;
    } else field += c;
  }
  return rows;
}

// "😀" is two UTF-16 code units but one code point: offsets after it shift by one.
const text = '😀 He said, "we will go"\nand left.';

describe('review report', () => {
  const mine = [ann('m1', 'quote', [12, 26]), ann('m2', 'claim', [29, 34])];
  const theirs = [ann('t1', 'quote', [13, 23]), ann('t2', 'attribution', [3, 10])];
  const pairing = pairAnnotations(mine, theirs);
  const log = recordDecision({}, { pairId: 'm1|t1', decision: { kind: 'accept' }, decidedAt: '2025-06-01T10:00:00Z' });
  const rows = reviewReport(text, pairing, log);

  it('has one row per pair, in document order, with code point offsets and decisions', () => {
    expect(rows.map((r) => [r.pairId, r.category, r.decision])).toEqual([
      ['|t2', 'only-theirs', null],
      ['m1|t1', 'boundary-conflict', 'accept'],
      ['m2|', 'only-mine', null],
    ]);
    expect(rows[1]!.mine).toEqual({ id: 'm1', tag: 'quote', spans: [{ start: 11, end: 25 }], text: '"we will go"\na' });
    expect(rows[1]!.decidedAt).toBe('2025-06-01T10:00:00Z');
    expect(JSON.parse(reportJson(rows))).toEqual(rows);
  });

  it('CSV quotes commas, quotes and line breaks (RFC 4180) and round-trips', () => {
    const csv = reportCsv(rows);
    expect(csv.endsWith('\r\n')).toBe(true);
    const parsed = parseCsv(csv);
    expect(parsed[0]).toEqual([...CSV_COLUMNS]);
    expect(parsed).toHaveLength(4);
    expect(parsed[2]).toEqual(['m1|t1', 'boundary-conflict', 'none', 'm1', 'quote', '11-25', '"we will go"\na', 't1', 'quote', '12-22', 'we will go', 'accept', '2025-06-01T10:00:00Z']);
    expect(parsed[1]![9]).toBe('2-9');
  });

  it('csvField leaves plain text alone', () => {
    expect(csvField('plain text')).toBe('plain text');
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
  });
});
