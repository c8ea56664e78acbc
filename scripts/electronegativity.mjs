// Run Electronegativity over electron/ (offline: the Electron version is given, not looked
// up) and fail on any finding that is not in electron/electronegativity-reviewed.json.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const pkg = JSON.parse(fs.readFileSync('package.json', 'utf8'));
const electronVersion = pkg.devDependencies.electron;
const out = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'eneg-')), 'report.csv');
const bin = path.join('node_modules', '.bin', 'electronegativity');
const run = spawnSync(bin, ['-i', 'electron', '-e', electronVersion, '-r', '-o', out], { encoding: 'utf8' });
if (run.status !== 0 || !fs.existsSync(out)) {
  console.error(`electronegativity failed to run (exit ${run.status}):\n${run.stderr}${run.stdout}`);
  process.exit(1);
}

/** Minimal RFC 4180 reader: the report quotes fields that contain commas. */
function parseCsv(text) {
  const rows = [];
  let row = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(field.trim());
      field = '';
    } else if (c === '\n') {
      row.push(field.trim());
      rows.push(row);
      row = [];
      field = '';
    } else if (c !== '\r') field += c;
  }
  if (field || row.length) {
    row.push(field.trim());
    rows.push(row);
  }
  return rows;
}

const [, ...rows] = parseCsv(fs.readFileSync(out, 'utf8')).filter((r) => r.length > 1);
const reviewed = JSON.parse(fs.readFileSync('electron/electronegativity-reviewed.json', 'utf8')).reviewed;
const findings = rows.map(([check, severity, confidence, file, location, sample]) => ({ check, severity, confidence, file, location, sample }));
const open = findings.filter((f) => !reviewed.some((r) => r.check === f.check && r.file === f.file));
for (const f of findings) {
  const note = open.includes(f) ? 'FINDING ' : 'reviewed';
  console.log(`electronegativity ${note} ${f.check} ${f.severity}/${f.confidence} electron/${f.file}:${f.location} ${f.sample}`);
}
console.log(`electronegativity: ${findings.length} reported, ${findings.length - open.length} reviewed, ${open.length} open`);
process.exit(open.length === 0 ? 0 : 1);
