import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createUser, deskInit } from '../../cli/desk-admin';

/**
 * A CouchDB-protocol server for the desk tests, started by the test itself: express-pouchdb
 * (tests/desk/couch-server.mjs) in its own process on 127.0.0.1, on a free port, with its
 * data in a temp folder so that stop() then start() is a real restart.
 */
const script = path.join(path.dirname(fileURLToPath(import.meta.url)), 'couch-server.mjs');
export const ADMIN = { user: 'admin', password: 'admin-secret' };

export interface TestServer {
  url: string;
  port: number;
  dataDir: string;
  stop(): Promise<void>;
  /** Kill -9, as a crash would. */
  kill(): Promise<void>;
  start(): Promise<void>;
  /** Start it again if a test stopped it (and failed before starting it). */
  ensureRunning(): Promise<void>;
  /** Create the desk database with these members (user name = password + "-pw"). */
  desk(database: string, members: string[]): Promise<void>;
}

export async function startServer(): Promise<TestServer> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'newsmark-couch-'));
  let child: ChildProcess | undefined;
  let port = 0;
  const launch = () =>
    new Promise<void>((resolve, reject) => {
      const c = spawn(process.execPath, [script, dataDir, String(port), ADMIN.user, ADMIN.password], { stdio: ['ignore', 'pipe', 'pipe'] });
      child = c;
      let err = '';
      c.stderr!.on('data', (d) => (err += d));
      c.stdout!.on('data', (d: Buffer) => {
        const m = /listening (\d+)/.exec(d.toString());
        if (m) {
          port = Number(m[1]);
          resolve();
        }
      });
      c.on('exit', (code) => reject(new Error(`the test CouchDB server exited (${code}): ${err}`)));
    });
  const waitExit = (signal: NodeJS.Signals) =>
    new Promise<void>((resolve) => {
      const c = child;
      child = undefined;
      if (!c || c.exitCode !== null) return resolve();
      c.once('exit', () => resolve());
      c.kill(signal);
    });
  await launch();
  const server: TestServer = {
    get url() {
      return `http://127.0.0.1:${port}`;
    },
    get port() {
      return port;
    },
    dataDir,
    stop: () => waitExit('SIGTERM'),
    kill: () => waitExit('SIGKILL'),
    start: launch,
    ensureRunning: () => (child && child.exitCode === null ? Promise.resolve() : launch()),
    async desk(database, members) {
      for (const m of members) await createUser({ url: server.url, ...ADMIN }, m, `${m}-pw`);
      await deskInit({ url: server.url, database, ...ADMIN }, members);
    },
  };
  return server;
}
