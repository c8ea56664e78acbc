import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

// The packaged app carries package.json's `dependencies` (electron-builder adds them from
// node_modules) and nothing else from there. So they must be exactly what the shell's code
// imports: a missing one breaks the installed app, an extra one (tsx, esbuild…) ships for nothing.
const root = path.resolve(import.meta.dirname, '..');

function sources(dir: string): string[] {
  return fs
    .readdirSync(path.join(root, dir), { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && e.name.endsWith('.ts') && !e.name.endsWith('.test.ts') && e.name !== 'test-ports.ts')
    .map((e) => path.join(e.parentPath, e.name));
}

function packageOf(specifier: string): string {
  return specifier.startsWith('@') ? specifier.split('/').slice(0, 2).join('/') : specifier.split('/')[0]!;
}

describe('what the packaged app carries', () => {
  const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as { dependencies: Record<string, string>; devDependencies: Record<string, string> };
  const imported = new Set<string>();
  for (const file of [...sources('electron'), ...sources('shared')]) {
    const text = fs.readFileSync(file, 'utf8');
    for (const m of text.matchAll(/^\s*(?:import|export)\s[^'"]*?from\s+'([^'.][^']*)'|^\s*import\s+'([^'.][^']*)'|\brequire\('([^'.][^']*)'\)/gm)) {
      // require() too: main loads PouchDB lazily with createRequire.
      const specifier = m[1] ?? m[2] ?? m[3]!;
      if (!specifier.startsWith('node:') && specifier !== 'electron') imported.add(packageOf(specifier));
    }
  }

  it('dependencies are exactly the packages the shell (electron/ and shared/) imports', () => {
    expect([...imported].sort()).toEqual(Object.keys(pkg.dependencies).sort());
  });

  it('the development tools are devDependencies', () => {
    for (const tool of ['tsx', 'esbuild', 'electron', 'electron-builder', 'vite', 'typescript']) {
      expect(pkg.dependencies[tool], tool).toBeUndefined();
      expect(pkg.devDependencies[tool], tool).toBeDefined();
    }
  });

  it('electron-builder packs the built shell and window, and leaves out maps and TypeScript', () => {
    const config = fs.readFileSync(path.join(root, 'electron-builder.yml'), 'utf8');
    for (const line of ['- package.json', '- dist/electron/**', '- dist/renderer/**', '- "!**/*.map"', '- "!**/node_modules/**/*.{ts,cts,mts,md,markdown}"']) expect(config).toContain(line);
    expect(config).not.toMatch(/^\s*-\s*(bin|cli|electron|shared|renderer|node_modules)\/\*\*/m);
  });
});
