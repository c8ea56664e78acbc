/**
 * One editor's app as its own process, for the crash tests: the real Library and Desk on a
 * data folder. `tag N` tags N annotations one by one (printing `tagged <i>` after each is
 * saved), `settle` waits until everything is sent; both print `ids <json>` at the end.
 *
 *   node --import tsx tests/desk/editor-process.ts <dataDir> <url> <db> <user> <password> tag|settle [N]
 */
import { Desk } from '../../electron/services/desk/desk';
import { keyFileSecretBox } from '../../electron/services/desk/secret-box';
import { Library } from '../../electron/services/library';
import { tempPorts } from '../../electron/services/test-ports';

const [dataDir, url, database, user, password, mode, count] = process.argv.slice(2) as [string, string, string, string, string, string, string?];
const ports = tempPorts({ dataDir, now: () => new Date() });
const library = new Library(ports);
await library.init();
library.updateSettings({ user: { id: `id-${user}`, name: user } });
const desk = new Desk(ports, library, { secrets: keyFileSecretBox(dataDir) });
await desk.start();
if (!desk.status().server) await desk.join({ url, database, user, password });
const articleId = library.list().articles[0]!.id;
if (!desk.articles().shared.includes(articleId)) await desk.share(articleId);

if (mode === 'tag') {
  for (let i = 0; i < Number(count); i++) {
    const file = library.article(articleId);
    const at = new Date().toISOString();
    const annotation = { id: `k${i}`, tag: 'claim' as const, spans: [{ start: i * 3, end: i * 3 + 2 }], note: '', links: [], author: library.publicSettings().user, createdAt: at, updatedAt: at };
    library.apply({ articleId, baseRevision: file.revision, operation: { type: 'add', annotation } });
    console.log(`tagged ${i}`);
    await new Promise((r) => setTimeout(r, 15));
  }
}
const deadline = Date.now() + 20_000;
while (Date.now() < deadline && !(desk.status().state === 'synced' && desk.status().toSend === 0)) await new Promise((r) => setTimeout(r, 50));
console.log(`status ${JSON.stringify(desk.status())}`);
console.log(`ids ${JSON.stringify(library.article(articleId).annotations.map((a) => a.id))} article ${articleId}`);
await desk.close();
library.close();
