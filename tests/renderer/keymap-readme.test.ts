// The README's shortcut tables come from the keymap: a shortcut cannot be documented and not
// bound. It reads README.md from disk, so it lives here rather than beside the renderer code.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { markdownTable } from '../../renderer/src/common/keymap';

describe('the keymap', () => {
  it('is what the README lists, table for table', () => {
    const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
    for (const part of ['main', 'review'] as const) {
      const expected = markdownTable(part);
      const head = expected.split('\n')[0]!;
      const start = readme.indexOf(head);
      expect(start, `README.md has no table starting "${head}"`).toBeGreaterThan(-1);
      const lines = readme.slice(start).split('\n');
      const actual = lines.slice(0, lines.findIndex((l) => !l.startsWith('|'))).join('\n');
      // On failure: paste `expected` (markdownTable in renderer/src/common/keymap.ts) into README.md.
      expect(actual).toBe(expected);
    }
  });
});
