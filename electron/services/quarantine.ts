import fs from 'node:fs';
import path from 'node:path';

/**
 * Move a store file that cannot be read aside to `<name>.corrupt-<timestamp>.json`, so the
 * user's data is never reset silently and can be recovered by hand.
 */
export function quarantine(filePath: string, when: Date): string {
  const dir = path.dirname(filePath);
  const base = path.basename(filePath, '.json');
  const stamp = when.toISOString().replace(/[:.]/g, '-');
  let target = path.join(dir, `${base}.corrupt-${stamp}.json`);
  for (let n = 2; fs.existsSync(target); n++) target = path.join(dir, `${base}.corrupt-${stamp}-${n}.json`);
  fs.renameSync(filePath, target);
  return target;
}

export function describeReadError(error: unknown): string {
  if (error instanceof SyntaxError) return `not valid JSON (${error.message})`;
  return error instanceof Error ? error.message : String(error);
}
