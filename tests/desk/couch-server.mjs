/**
 * A CouchDB-protocol server for tests: express-pouchdb over PouchDB's LevelDB adapter, in
 * its own process, on 127.0.0.1. Data lives in the folder given, so a restart keeps it.
 *
 *   node tests/desk/couch-server.mjs <dataDir> <port> <adminUser> <adminPassword>
 *
 * Prints `listening <port>` on stdout once it accepts connections.
 */
import express from 'express';
import expressPouchDB from 'express-pouchdb';
import fs from 'node:fs';
import path from 'node:path';
import PouchDB from 'pouchdb';

const [dataDir, portArg, adminUser, adminPassword] = process.argv.slice(2);
if (!dataDir || !portArg || !adminUser || !adminPassword) {
  console.error('usage: couch-server.cjs <dataDir> <port> <adminUser> <adminPassword>');
  process.exit(2);
}
fs.mkdirSync(dataDir, { recursive: true });
const LocalPouch = PouchDB.defaults({ prefix: dataDir + path.sep });
const app = express();
const pouchApp = expressPouchDB(LocalPouch, {
  mode: 'fullCouchDB',
  configPath: path.join(dataDir, 'config.json'),
  logPath: path.join(dataDir, 'log.txt'),
  overrideMode: { exclude: ['routes/fauxton'] },
});
// express-pouchdb 4.2's `PUT /<db>` calls `.info()` on the promise its security wrapper
// returns and crashes (pouchdb-server#358); create databases here instead, for the admin only.
app.put(/^\/([a-z][a-z0-9_$()+-]*)$/, (req, res, next) => {
  const name = decodeURIComponent(req.params[0]);
  const auth = /^Basic (.+)$/.exec(req.headers.authorization || '');
  const [user, pass] = auth ? Buffer.from(auth[1], 'base64').toString().split(/:(.*)/s) : [];
  if (user !== adminUser || pass !== adminPassword) {
    return res.status(401).json({ error: 'unauthorized', reason: 'You are not a server admin.' });
  }
  LocalPouch.allDbs().then((dbs) => {
    if (dbs.includes(name)) return res.status(412).json({ error: 'file_exists', reason: 'The database could not be created, the file already exists.' });
    return new LocalPouch(name).info().then(() => res.status(201).json({ ok: true }));
  }, next);
});
// pouchdb-validation 4.2 overwrites a replicated document's `_revisions` with the stored
// document's before validating, so a pushed new revision is written as the old one and lost.
// CouchDB keeps them; so does this: `_revisions` of incoming documents ignore that write.
app.post(/^\/[^/_][^/]*\/_bulk_docs$/, express.json({ limit: '100mb' }), (req, _res, next) => {
  for (const doc of Array.isArray(req.body?.docs) ? req.body.docs : []) {
    if (!doc || typeof doc !== 'object' || doc._revisions === undefined) continue;
    const revisions = doc._revisions;
    Object.defineProperty(doc, '_revisions', { get: () => revisions, set: () => {}, enumerable: true, configurable: true });
  }
  next();
});
app.use(pouchApp);
pouchApp.couchConfig.set('admins', adminUser, adminPassword, () => {
  const server = app.listen(Number(portArg), '127.0.0.1', () => {
    process.stdout.write(`listening ${server.address().port}\n`);
  });
  // Live replication holds long-polls open: drop them, as a server going down does.
  const stop = () => {
    server.close(() => process.exit(0));
    server.closeAllConnections();
  };
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
});
