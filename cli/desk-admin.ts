import { designDoc, DESIGN_DOC_ID, DESIGN_VERSION } from '../shared/desk/design-doc';

/**
 * Preparing a desk database on a CouchDB 3.x server, with standard endpoints only:
 * `PUT /<db>`, `PUT /<db>/_security`, `PUT /<db>/_design/newsmark`. Runs as a server admin.
 */
export interface AdminTarget {
  url: string;
  database: string;
  user: string;
  password: string;
}

export class DeskAdminError extends Error {}

function endpoint(t: AdminTarget, rest = ''): string {
  const base = t.url.endsWith('/') ? t.url : `${t.url}/`;
  return new URL(`${encodeURIComponent(t.database)}${rest}`, base).toString();
}

async function call(t: AdminTarget, method: string, url: string, body?: unknown): Promise<{ status: number; json: Record<string, unknown> }> {
  let response: Response;
  try {
    response = await fetch(url, {
      method,
      headers: { authorization: `Basic ${Buffer.from(`${t.user}:${t.password}`).toString('base64')}`, 'content-type': 'application/json', accept: 'application/json' },
      ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
      signal: AbortSignal.timeout(15_000),
    });
  } catch (error) {
    const code = (error as { cause?: { code?: string } }).cause?.code;
    throw new DeskAdminError(`${t.url} is unreachable${code ? ` (${code})` : ''}.`);
  }
  const json = (await response.json().catch(() => ({}))) as Record<string, unknown>;
  if (response.status === 401) throw new DeskAdminError(`Wrong user name or password for ${t.user}.`);
  return { status: response.status, json };
}

function fail(what: string, r: { status: number; json: Record<string, unknown> }): never {
  throw new DeskAdminError(`${what}: the server answered ${r.status} ${String(r.json.error ?? '')} ${String(r.json.reason ?? '')}`.trim());
}

export interface InitReport {
  created: boolean;
  members: string[];
  design: 'written' | 'current';
}

/** Create the database (if missing), add the members, write the validation. Safe to run again. */
export async function deskInit(t: AdminTarget, members: string[]): Promise<InitReport> {
  const db = await call(t, 'PUT', endpoint(t));
  if (db.status !== 201 && db.status !== 202 && db.status !== 412) fail(`Creating ${t.database}`, db);

  const sec = await call(t, 'GET', endpoint(t, '/_security'));
  if (sec.status !== 200) fail('Reading the members', sec);
  const current = sec.json as { members?: { names?: string[]; roles?: string[] }; admins?: { names?: string[]; roles?: string[] } };
  const names = [...new Set([...(current.members?.names ?? []), ...members])].sort();
  const security = { admins: { names: current.admins?.names ?? [], roles: current.admins?.roles ?? [] }, members: { names, roles: current.members?.roles ?? [] } };
  const put = await call(t, 'PUT', endpoint(t, '/_security'), security);
  if (put.status !== 200) fail('Writing the members', put);

  const existing = await call(t, 'GET', endpoint(t, `/${DESIGN_DOC_ID}`));
  const doc = designDoc();
  if (existing.status === 200 && existing.json.version === DESIGN_VERSION && existing.json.validate_doc_update === doc.validate_doc_update) {
    return { created: db.status !== 412, members: names, design: 'current' };
  }
  const write = await call(t, 'PUT', endpoint(t, `/${DESIGN_DOC_ID}`), { ...doc, ...(existing.status === 200 ? { _rev: existing.json._rev } : {}) });
  if (write.status !== 201 && write.status !== 202) fail('Writing the validation', write);
  return { created: db.status !== 412, members: names, design: 'written' };
}

export interface DeskCounts {
  articles: number;
  annotations: number;
  byOwner: Record<string, number>;
  members: string[];
  design: 'current' | 'outdated' | 'missing';
}

/** What the desk database holds (as a member or admin): articles, annotations per member, members, validation. */
export async function deskCounts(t: AdminTarget): Promise<DeskCounts> {
  const all = await call(t, 'GET', endpoint(t, '/_all_docs?include_docs=true'));
  if (all.status !== 200) fail(`Reading ${t.database}`, all);
  const rows = (all.json.rows as { id: string; doc?: { owner?: string; type?: string } }[]) ?? [];
  const byOwner: Record<string, number> = {};
  let articles = 0;
  let annotations = 0;
  let design: DeskCounts['design'] = 'missing';
  for (const r of rows) {
    if (r.id === DESIGN_DOC_ID) design = (r.doc as { version?: number })?.version === DESIGN_VERSION ? 'current' : 'outdated';
    else if (r.doc?.type === 'article') articles++;
    else if (r.doc?.type === 'annotation') {
      annotations++;
      const owner = String(r.doc.owner);
      byOwner[owner] = (byOwner[owner] ?? 0) + 1;
    }
  }
  const sec = await call(t, 'GET', endpoint(t, '/_security'));
  const members = sec.status === 200 ? ((sec.json as { members?: { names?: string[] } }).members?.names ?? []) : [];
  return { articles, annotations, byOwner, members, design };
}

/** Create a desk user account (`PUT /_users/org.couchdb.user:<name>`), as a server admin. */
export async function createUser(t: Omit<AdminTarget, 'database'>, name: string, password: string): Promise<void> {
  const base = t.url.endsWith('/') ? t.url : `${t.url}/`;
  const r = await call({ ...t, database: '_users' }, 'PUT', new URL(`_users/${encodeURIComponent(`org.couchdb.user:${name}`)}`, base).toString(), { name, password, roles: [], type: 'user' });
  if (r.status !== 201 && r.status !== 202 && r.status !== 409) fail(`Creating the user ${name}`, r);
}
