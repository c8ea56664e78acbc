// Run Electronegativity over electron/ (offline: the Electron version is given, not looked
// up) and fail on any finding that is not in electron/electronegativity-reviewed.json.
// Its runner is called directly: the command line's CSV report is not always complete when
// the process has exited.
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

const require = createRequire(import.meta.url);
const run = require('@doyensec/electronegativity/dist/runner.js');

const pkg = JSON.parse(fs.readFileSync('package.json', 'utf8'));
const result = await run(
  {
    input: path.resolve('electron'),
    isRelative: true,
    isVerbose: false,
    electronVersionOverride: pkg.devDependencies.electron,
  },
  false,
);

const reviewed = JSON.parse(fs.readFileSync('electron/electronegativity-reviewed.json', 'utf8')).reviewed;
const findings = result.issues.map((i) => ({ check: i.id, severity: i.severity.name ?? i.severity, confidence: i.confidence.name ?? i.confidence, file: i.file, line: i.location?.line, sample: i.sample ?? '' }));
const open = findings.filter((f) => !reviewed.some((r) => r.check === f.check && r.file === f.file));
for (const f of findings) {
  const note = open.includes(f) ? 'FINDING ' : 'reviewed';
  console.log(`electronegativity ${note} ${f.check} ${f.severity}/${f.confidence} electron/${f.file}:${f.line} ${String(f.sample).trim()}`);
}
console.log(`electronegativity: ${findings.length} reported, ${findings.length - open.length} reviewed, ${open.length} open`);
process.exit(open.length === 0 ? 0 : 1);
