/**
 * Which desk server addresses Newsmark connects to: https anywhere, http only to this
 * machine (a desk server for one laptop, or the tests' own). Returns the reason for a refusal.
 */
export function deskUrlProblem(raw: string): string | undefined {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return `“${raw}” is not a web address (expected https://server…).`;
  }
  if (url.username || url.password) return 'Put the user name and password in their own fields, not in the address.';
  if (url.protocol === 'https:') return undefined;
  if (url.protocol !== 'http:') return `${url.protocol.replace(':', '')} is not supported: use https.`;
  const host = url.hostname.replace(/^\[|\]$/g, '');
  const loopback = host === 'localhost' || host === '::1' || /^127(\.\d{1,3}){3}$/.test(host);
  return loopback ? undefined : `http:// is refused for ${host}: passwords and articles would cross the network unencrypted. Use https.`;
}

/** The database's address: server URL (any path kept) + the database name. */
export function databaseUrl(server: string, database: string): string {
  const base = server.endsWith('/') ? server : `${server}/`;
  return new URL(encodeURIComponent(database), base).toString();
}
