import { describe, expect, it } from 'vitest';
import { jsonLayout, readJsonLines } from './json-lines';

const pretty = JSON.stringify({ type: 'AnnotationCollection', first: { items: [{ id: 'a', links: ['x'] }, { id: 'b' }] } }, null, 2);
const lines = ['{"id":"a","n":1}', '{"id":"b","n":2}', '{"id":"c","n":3}'];

describe('one JSON document or JSON Lines', () => {
  it('is a document when the first value spans lines, even with a typo in it', () => {
    expect(jsonLayout(pretty)).toBe('document');
    expect(jsonLayout(pretty.replace('"links"', '""links"'))).toBe('document');
    expect(jsonLayout(`\n\n  ${pretty}`)).toBe('document');
    expect(jsonLayout('[\n"a"\n]')).toBe('document');
    expect(jsonLayout(lines[0]!)).toBe('document');
  });

  it('is JSON Lines when the first line is a complete value, or the next one is when the first is broken', () => {
    expect(jsonLayout(lines.join('\n'))).toBe('lines');
    expect(jsonLayout(`\uFEFF${lines.join('\r\n')}\r\n`)).toBe('lines');
    expect(jsonLayout([lines[0]!.slice(0, 9), ...lines.slice(1)].join('\n'))).toBe('lines');
  });

  it('reports each bad line by its number in the file, blank lines counted', () => {
    const text = [lines[0], '', lines[1]!.slice(0, 10), lines[2]!.replace('"n":3', '"n":1e400'), '{"__proto__":1}'].join('\n');
    const r = readJsonLines(text);
    expect(r.lines.map((l) => l.line)).toEqual([1]);
    expect(r.problems.map((p) => p.where)).toEqual(['line 3 column 11', 'line 4: $.n', 'line 5: $.__proto__']);
    expect(r.problems[0]!.excerpt).toBe('{"id":"b",\n          ^');
  });
});
