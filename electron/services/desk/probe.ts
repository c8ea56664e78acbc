import { databaseUrl } from './desk-url';

export interface Credentials {
  url: string;
  database: string;
  user: string;
  password: string;
}

/** Why the desk cannot be reached, in words an editor can act on; undefined when it can. */
export type ProbeResult = { ok: true } | { ok: false; kind: 'offline' | 'error'; reason: string };

const CERT_CODES = /CERT|SELF_SIGNED|UNABLE_TO_VERIFY|ERR_TLS/;

/** One GET of the database (a standard CouchDB endpoint) with the editor's credentials. */
export async function probeDesk(c: Credentials, timeoutMs = 5000): Promise<ProbeResult> {
  const auth = Buffer.from(`${c.user}:${c.password}`).toString('base64');
  let response: Response;
  try {
    response = await fetch(databaseUrl(c.url, c.database), { headers: { authorization: `Basic ${auth}`, accept: 'application/json' }, signal: AbortSignal.timeout(timeoutMs) });
  } catch (error) {
    return describeNetworkError(error, c.url);
  }
  await response.body?.cancel();
  if (response.ok) return { ok: true };
  if (response.status === 401) return { ok: false, kind: 'error', reason: `Wrong user name or password for ${c.user}.` };
  if (response.status === 403) return { ok: false, kind: 'error', reason: `${c.user} is not a member of the desk “${c.database}”.` };
  if (response.status === 404) return { ok: false, kind: 'error', reason: `There is no desk database “${c.database}” on ${c.url} (newsmark desk init creates it).` };
  return { ok: false, kind: 'error', reason: `The desk server answered ${response.status} ${response.statusText}.` };
}

export function describeNetworkError(error: unknown, url: string): ProbeResult {
  const cause = (error as { cause?: { code?: string; message?: string } })?.cause;
  const code = cause?.code ?? (error as { code?: string })?.code ?? '';
  if ((error as Error)?.name === 'TimeoutError') return { ok: false, kind: 'offline', reason: `The desk server ${url} did not answer in time.` };
  if (CERT_CODES.test(code)) return { ok: false, kind: 'error', reason: `The desk server's certificate was refused (${code}).` };
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') return { ok: false, kind: 'offline', reason: `The desk server ${new URL(url).hostname} cannot be found (no network, or a wrong address).` };
  const detail = code || cause?.message || '';
  return { ok: false, kind: 'offline', reason: `The desk server ${url} is unreachable${detail ? ` (${detail})` : ''}.` };
}
