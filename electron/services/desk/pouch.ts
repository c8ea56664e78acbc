import { createRequire } from 'node:module';

/**
 * PouchDB, as much of it as the desk uses. PouchDB's Node build stores the replica with
 * LevelDB through `leveldown`, whose package ships N-API prebuilds (loaded by node-gyp-build),
 * so nothing is compiled at install and one binary serves Node and Electron alike.
 */
export interface PouchDoc {
  _id: string;
  _rev?: string;
  _deleted?: boolean;
  _conflicts?: string[];
  [key: string]: unknown;
}
export interface PutResult {
  ok?: boolean;
  id: string;
  rev?: string;
  error?: string;
  reason?: string;
}
export interface ChangeRow {
  id: string;
  seq: number | string;
  deleted?: boolean;
  doc?: PouchDoc;
  changes: { rev: string }[];
}
export interface Emitter {
  on(event: string, listener: (...args: never[]) => void): Emitter;
  cancel(): void;
}
export interface PouchDatabase {
  info(): Promise<{ update_seq: number | string; doc_count: number }>;
  get(id: string, options?: { rev?: string; conflicts?: boolean; open_revs?: string[] | 'all' }): Promise<PouchDoc>;
  bulkDocs(docs: PouchDoc[], options?: { new_edits?: boolean }): Promise<PutResult[]>;
  allDocs(options: { include_docs?: boolean; conflicts?: boolean; startkey?: string; endkey?: string; keys?: string[] }): Promise<{ rows: { id: string; value: { rev: string; deleted?: boolean }; doc?: PouchDoc }[] }>;
  changes(options: { since?: number | string; live?: boolean; include_docs?: boolean; conflicts?: boolean; style?: string; return_docs?: boolean; limit?: number }): Emitter & Promise<{ results: ChangeRow[]; last_seq: number | string }>;
  sync(remote: PouchDatabase, options: Record<string, unknown>): Emitter;
  close(): Promise<void>;
}
export type PouchConstructor = new (name: string, options?: Record<string, unknown>) => PouchDatabase;

const require = createRequire(import.meta.url);
let loaded: PouchConstructor | undefined;

export function pouchDB(): PouchConstructor {
  loaded ??= require('pouchdb') as PouchConstructor;
  return loaded;
}
