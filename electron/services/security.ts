import path from 'node:path';

/**
 * The renderer is served from a privileged custom scheme rather than file://, so the
 * Content-Security-Policy can say 'self' and nothing else reaches the page.
 */
export const APP_SCHEME = 'app';
export const APP_HOST = 'newsmark';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_ENTRY = `${APP_ORIGIN}/index.html`;

/**
 * The renderer's Content-Security-Policy. Scripts may come only from the bundle's assets
 * folder on our own origin (tighter than 'self', which would also allow any other file).
 */
export function contentSecurityPolicy(origin: string): string {
  return [
    "default-src 'none'",
    `script-src ${origin}/assets/`,
    "style-src 'self'",
    "img-src 'self' data:",
    "font-src 'self'",
    "connect-src 'self'",
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
    "object-src 'none'",
  ].join('; ');
}

export const CONTENT_SECURITY_POLICY = contentSecurityPolicy(APP_ORIGIN);

/** Only our own page may talk to main: anything else (a navigated or injected frame) is refused. */
export function isTrustedSender(url: string | undefined): boolean {
  if (!url) return false;
  try {
    const u = new URL(url);
    return u.protocol === `${APP_SCHEME}:` && u.host === APP_HOST;
  } catch {
    return false;
  }
}

/** Map an app:// URL to a file inside the renderer folder; undefined for anything outside it. */
export function resolveAppFile(rendererDir: string, url: string): string | undefined {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return undefined;
  }
  if (u.protocol !== `${APP_SCHEME}:` || u.host !== APP_HOST) return undefined;
  let pathname: string;
  try {
    pathname = decodeURIComponent(u.pathname);
  } catch {
    return undefined;
  }
  if (pathname.includes('\0')) return undefined;
  const root = path.resolve(rendererDir);
  const file = path.resolve(root, `.${pathname === '/' ? '/index.html' : pathname}`);
  return file === root || file.startsWith(root + path.sep) ? file : undefined;
}

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.ico': 'image/x-icon',
};

export function mimeType(file: string): string {
  return MIME[path.extname(file).toLowerCase()] ?? 'application/octet-stream';
}
