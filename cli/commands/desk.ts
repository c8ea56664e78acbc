import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { InputError, parse, UsageError, type Command } from '../command';
import { deskCounts, DeskAdminError, deskInit, type AdminTarget } from '../desk-admin';

const HELP = `
Usage: newsmark desk init --url <server> --db <database> --user <admin> [--member <name>]... [--password-stdin]
       newsmark desk status --url <server> --db <database> --user <name> [--password-stdin] [--data-dir <folder>]

init    prepares a desk database on a CouchDB 3.x server, as a server admin: creates the
        database (if missing), adds the members (desk user names) to its _security, and
        writes the validation (_design/newsmark) that refuses writes to another member's
        documents and documents that are not Newsmark's. Safe to run again.
status  what the desk holds (articles, annotations per member, members, whether the
        validation is current); with --data-dir, what this computer's replica still has
        to send (the app must be closed: its replica is locked while it runs).

The password is read from standard input with --password-stdin, else from the
environment variable NEWSMARK_DESK_PASSWORD. http:// is refused except to this computer.

Examples:
  printf '%s' "$ADMIN_PASSWORD" | newsmark desk init --url https://couch.example.org --db politics --user admin --member ana --member ben --password-stdin
  newsmark desk status --url https://couch.example.org --db politics --user ana --password-stdin < pw.txt
`;

async function readPassword(fromStdin: boolean | undefined): Promise<string> {
  if (fromStdin) {
    const chunks: Buffer[] = [];
    for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
    return Buffer.concat(chunks).toString('utf8').replace(/\r?\n$/, '');
  }
  const env = process.env.NEWSMARK_DESK_PASSWORD;
  if (env === undefined) throw new UsageError('give the password on standard input (--password-stdin) or in NEWSMARK_DESK_PASSWORD');
  return env;
}

function checkUrl(raw: string): void {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new UsageError(`--url ${raw} is not a web address`);
  }
  const host = url.hostname.replace(/^\[|\]$/g, '');
  const loopback = host === 'localhost' || host === '::1' || /^127(\.\d{1,3}){3}$/.test(host);
  if (url.protocol === 'http:' && !loopback) throw new UsageError(`http:// is refused for ${host}: use https`);
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new UsageError(`--url must be https://…`);
}

/** The data folder Newsmark uses by default (Electron's userData for "Newsmark"). */
function defaultDataDir(): string {
  if (process.env.NEWSMARK_DATA_DIR) return process.env.NEWSMARK_DATA_DIR;
  if (process.platform === 'darwin') return path.join(os.homedir(), 'Library', 'Application Support', 'Newsmark');
  if (process.platform === 'win32') return path.join(process.env.APPDATA ?? os.homedir(), 'Newsmark');
  return path.join(process.env.XDG_CONFIG_HOME ?? path.join(os.homedir(), '.config'), 'Newsmark');
}

interface LocalDoc {
  id: string;
  value: { rev: string };
  doc?: { owner?: string };
}

/** My documents in the replica whose revision the server lacks (`_revs_diff`). */
async function waitingToSend(t: AdminTarget, dataDir: string): Promise<{ toSend: number; replica: string } | { problem: string }> {
  const deskDir = path.join(dataDir, 'desk');
  const replicas = fs.existsSync(deskDir) ? fs.readdirSync(deskDir).filter((n) => n.startsWith('replica-')) : [];
  if (replicas.length === 0) return { problem: `no desk replica in ${deskDir}` };
  const require = createRequire(import.meta.url);
  const PouchDB = require('pouchdb') as new (name: string) => { allDocs(o: { include_docs: boolean }): Promise<{ rows: LocalDoc[] }>; close(): Promise<void> };
  let best: { toSend: number; replica: string } | undefined;
  for (const name of replicas) {
    let db;
    try {
      db = new PouchDB(path.join(deskDir, name));
      const { rows } = await db.allDocs({ include_docs: true });
      const mine = rows.filter((r) => r.doc?.owner === t.user && !r.id.startsWith('_'));
      const body = Object.fromEntries(mine.map((r) => [r.id, [r.value.rev]]));
      const base = t.url.endsWith('/') ? t.url : `${t.url}/`;
      const response = await fetch(new URL(`${encodeURIComponent(t.database)}/_revs_diff`, base), {
        method: 'POST',
        headers: { authorization: `Basic ${Buffer.from(`${t.user}:${t.password}`).toString('base64')}`, 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
      if (!response.ok) continue;
      const missing = (await response.json()) as Record<string, unknown>;
      const result = { toSend: Object.keys(missing).length, replica: name };
      if (mine.length > 0 && (!best || result.toSend > best.toSend)) best = result;
    } catch (error) {
      return { problem: `the replica ${name} cannot be read (${(error as Error).message}); is Newsmark running? Its header shows the status.` };
    } finally {
      await db?.close().catch(() => undefined);
    }
  }
  return best ?? { toSend: 0, replica: replicas[0]! };
}

export const desk: Command = {
  name: 'desk',
  summary: 'Prepare a desk database on a CouchDB server, or show what it holds and what waits to sync',
  help: HELP,
  async run(args, io) {
    const [sub, ...rest] = args;
    if (sub !== 'init' && sub !== 'status') throw new UsageError('expected "desk init" or "desk status"');
    const { values, positionals } = parse(rest, {
      url: { type: 'string' },
      db: { type: 'string' },
      user: { type: 'string' },
      member: { type: 'string', multiple: true },
      'password-stdin': { type: 'boolean' },
      'data-dir': { type: 'string' },
    });
    if (positionals.length) throw new UsageError(`unexpected ${positionals.join(' ')}`);
    if (!values.url || !values.db || !values.user) throw new UsageError('--url, --db and --user are required');
    checkUrl(values.url);
    const target: AdminTarget = { url: values.url, database: values.db, user: values.user, password: await readPassword(values['password-stdin']) };
    try {
      if (sub === 'init') {
        const report = await deskInit(target, values.member ?? []);
        io.stdout(
          `${values.db}: ${report.created ? 'created' : 'already there'}; members: ${report.members.join(', ') || '(none yet: add them with --member)'}; validation ${report.design === 'written' ? 'written' : 'already current'}\n`,
        );
        return 0;
      }
      const counts = await deskCounts(target);
      const lines = [
        `${values.db} on ${values.url}`,
        `  articles: ${counts.articles}`,
        `  annotations: ${counts.annotations}${Object.keys(counts.byOwner).length ? ` (${Object.entries(counts.byOwner).map(([o, n]) => `${o} ${n}`).join(', ')})` : ''}`,
        `  members: ${counts.members.join(', ') || '(none)'}`,
        `  validation: ${counts.design}${counts.design === 'current' ? '' : ' (run newsmark desk init as a server admin)'}`,
      ];
      if (values['data-dir'] !== undefined || sub === 'status') {
        const dataDir = values['data-dir'] ?? defaultDataDir();
        const local = await waitingToSend(target, dataDir);
        lines.push('problem' in local ? `  this computer: ${local.problem}` : `  this computer: ${local.toSend} of ${values.user}'s document${local.toSend === 1 ? '' : 's'} waiting to be sent`);
      }
      io.stdout(`${lines.join('\n')}\n`);
      return 0;
    } catch (error) {
      if (error instanceof DeskAdminError) throw new InputError(error.message);
      throw error;
    }
  },
};
