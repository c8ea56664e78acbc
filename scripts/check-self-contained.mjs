#!/usr/bin/env node
// The repo stands on its own: no tracked file may read or cite material that exists only
// beside a checkout (a team folder's corpus or design document). The repo's own shared/
// core is fine; what is refused is reaching *out* of the repo for it.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';

export const OUTSIDE = [
  { pattern: /shared[/\\]corpus|['"]shared['"],\s*['"]corpus['"]/, why: 'reads a corpus outside the repo (use tests/corpus/)' },
  { pattern: /DESIGN\.md/, why: 'cites a design document outside the repo (cite docs/ instead)' },
  { pattern: /design §\s*\d/i, why: 'cites "design §n" (cite docs/architecture.md instead)' },
];

/** Every offending line of `text`, as `file:line: reason`. */
export function findOutsideReferences(file, text) {
  const found = [];
  text.split('\n').forEach((line, i) => {
    for (const { pattern, why } of OUTSIDE) if (pattern.test(line)) found.push(`${file}:${i + 1}: ${why}`);
  });
  return found;
}

const SELF = 'scripts/check-self-contained.mjs';
const SKIP = new Set(['package-lock.json', SELF, 'scripts/check-self-contained.test.ts']);

function main() {
  const root = path.resolve(import.meta.dirname, '..');
  const files = execFileSync('git', ['ls-files', '-z'], { cwd: root, encoding: 'utf8' }).split('\0').filter(Boolean);
  const found = [];
  for (const file of files) {
    if (SKIP.has(file) || file.startsWith('tests/corpus/polnear/')) continue;
    let text;
    try {
      text = readFileSync(path.join(root, file), 'utf8');
    } catch {
      continue; // listed by git but deleted in the work tree
    }
    if (text.includes('\0')) continue; // binary
    found.push(...findOutsideReferences(file, text));
  }
  if (found.length > 0) {
    console.error(`${found.length} tracked line(s) reach outside the repo:\n${found.join('\n')}`);
    process.exit(1);
  }
  console.log(`self-contained: ${files.length} tracked files, none reads or cites anything outside the repo`);
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(import.meta.dirname, 'check-self-contained.mjs')) main();
