// A child process for the crash test: the real Library on a data folder, saving as fast as
// it can and printing each revision once main has acknowledged it. The test kills it with
// SIGKILL at a random moment. Usage: save-process.ts <dataDir> <articleId> <count>
import fs from 'node:fs';
import { Library } from '../../electron/services/library';
import { tempPorts } from '../../electron/services/test-ports';

const [dataDir, articleId, count] = process.argv.slice(2) as [string, string, string];
// A small journal limit, so snapshots (and crashes during them) happen often.
const lib = new Library(tempPorts({ dataDir }), { journalMaxBytes: 8_000 });
await lib.init();
const author = { id: 'crash', name: 'Crash' };
const at = '2026-01-01T00:00:00.000Z';
let { revision } = lib.open(articleId);
const length = lib.article(articleId).article.text.length;
for (let i = 0; i < Number(count); i++) {
  // Let the snapshot scheduled after a large journal run between saves now and then.
  if (i % 25 === 0) await new Promise((r) => setImmediate(r));
  const n = revision + 1;
  const start = (n * 7) % (length - 2);
  const operation = { type: 'add' as const, annotation: { id: `c-${n}`, tag: 'claim' as const, spans: [{ start, end: start + 2 }], note: '', links: [], author, createdAt: at, updatedAt: at } };
  revision = lib.apply({ articleId, baseRevision: revision, operation }).revision;
  fs.writeSync(1, `ack ${revision}\n`);
}
lib.close();
