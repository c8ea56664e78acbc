import { describe, expect, it } from 'vitest';
import { formatProblems } from './issues';
import { capProblems, moreLine, PROBLEM_CAP } from './problem-cap';

describe('problem cap', () => {
  const many = Array.from({ length: 3113 }, (_, i) => ({ where: `line ${i + 1}`, message: 'bad' }));

  it('lists the first 20 and counts the rest, or every one when asked', () => {
    expect(PROBLEM_CAP).toBe(20);
    expect(capProblems(many)).toMatchObject({ more: 3093 });
    expect(capProblems(many).shown).toHaveLength(20);
    expect(capProblems(many, true)).toEqual({ shown: many, more: 0 });
    expect(capProblems(many.slice(0, 20))).toEqual({ shown: many.slice(0, 20), more: 0 });
    expect(moreLine(3093)).toBe('… and 3,093 more');
  });

  it('formats each problem on its line with its excerpt indented below', () => {
    const text = formatProblems([{ where: 'line 2 column 3', message: 'invalid JSON: x', excerpt: '  x\n  ^' }, ...many]);
    const out = text.split('\n');
    expect(out.slice(0, 3)).toEqual(['line 2 column 3: invalid JSON: x', '      x', '      ^']);
    expect(out).toHaveLength(3 + 19 + 1);
    expect(out.at(-1)).toBe('… and 3,094 more');
  });
});
