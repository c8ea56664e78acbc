import { LIMITS } from '../../shared/article/source';

/**
 * The article's source link (the only link the window shows) opens in the system browser,
 * never inside Newsmark. The URL came from pasted or imported text, so it is vetted first
 * (http and https only: no file:, smb:, javascript: or app-launching schemes, no user name
 * or password hidden in it) and shown in full, for the user to confirm, before
 * shell.openExternal gets it.
 */
export const EXTERNAL_SCHEMES = ['http:', 'https:'] as const;

export type VettedLink = { ok: true; url: string } | { ok: false; reason: string };

export function vetExternalLink(raw: string): VettedLink {
  if (raw.length > LIMITS.url) return { ok: false, reason: `the link is longer than ${LIMITS.url} characters` };
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return { ok: false, reason: 'the link is not a valid web address' };
  }
  if (!(EXTERNAL_SCHEMES as readonly string[]).includes(url.protocol)) return { ok: false, reason: `links starting with ${url.protocol} are not opened; only http:// and https://` };
  if (url.hostname === '') return { ok: false, reason: 'the link has no host name' };
  if (url.username || url.password) return { ok: false, reason: 'the link carries a user name or password' };
  // The serialised form is what is shown and what is opened: one string, no surprises.
  return { ok: true, url: url.href };
}

export interface ExternalLinkPorts {
  /** Show the exact URL and ask; true to open it. */
  confirm(url: string): Promise<boolean>;
  /** shell.openExternal */
  open(url: string): Promise<void>;
  /** Tell the user why a link was not opened. */
  refuse(raw: string, reason: string): void;
}

/** What happens when the window asks to open a link: vet, confirm, open. */
export async function openExternalLink(raw: string, ports: ExternalLinkPorts): Promise<'opened' | 'cancelled' | 'refused'> {
  const vetted = vetExternalLink(raw);
  if (!vetted.ok) {
    ports.refuse(raw, vetted.reason);
    return 'refused';
  }
  if (!(await ports.confirm(vetted.url))) return 'cancelled';
  await ports.open(vetted.url);
  return 'opened';
}
