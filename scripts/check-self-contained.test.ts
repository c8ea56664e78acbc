import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
// @ts-expect-error: a plain .mjs script, no types
import { findOutsideReferences } from './check-self-contained.mjs';

const find = findOutsideReferences as (file: string, text: string) => string[];

describe('check-self-contained', () => {
  it('refuses a path to the corpus beside the repo, in both spellings', () => {
    expect(find('a.ts', "const P = '../shared/corpus/polnear';")).toEqual(['a.ts:1: reads a corpus outside the repo (use tests/corpus/)']);
    expect(find('b.ts', "x\npath.resolve(dir, '..', 'shared', 'corpus')")).toHaveLength(1);
    expect(find('b.ts', "x\npath.resolve(dir, '..', 'shared', 'corpus')")[0]).toMatch(/^b\.ts:2:/);
  });

  it('refuses citations of the design document', () => {
    expect(find('c.ts', '// see DESIGN.md')).toHaveLength(1);
    expect(find('c.ts', '// the layer rule (design §2)')).toHaveLength(1);
  });

  it("accepts the repo's own shared/ core and its own corpus", () => {
    expect(find('d.ts', "import { x } from '../../shared/model/types';\nimport { POLNEAR } from '../tests/corpus/paths';")).toEqual([]);
  });

  it('passes on the repo as committed', () => {
    const out = execFileSync(process.execPath, [path.join(import.meta.dirname, 'check-self-contained.mjs')], { encoding: 'utf8' });
    expect(out).toMatch(/none reads or cites anything outside the repo/);
  });
});
