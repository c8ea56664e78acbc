import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { APP_ORIGIN, CONTENT_SECURITY_POLICY, isTrustedSender, resolveAppFile } from './security';

describe('app:// protocol', () => {
  const root = '/app/dist/renderer';
  it('maps our URLs into the renderer folder', () => {
    expect(resolveAppFile(root, `${APP_ORIGIN}/index.html`)).toBe('/app/dist/renderer/index.html');
    expect(resolveAppFile(root, `${APP_ORIGIN}/`)).toBe('/app/dist/renderer/index.html');
    expect(resolveAppFile(root, `${APP_ORIGIN}/assets/index-1.js?x=1`)).toBe('/app/dist/renderer/assets/index-1.js');
  });

  it('refuses anything outside it', () => {
    for (const sneaky of ['/../../etc/passwd', '/%2e%2e/%2e%2e/etc/passwd', '/assets/..%2f..%2f..%2fetc/passwd', '/%2F%2E%2E%2F%2E%2E%2Fetc']) {
      const file = resolveAppFile(root, `${APP_ORIGIN}${sneaky}`);
      expect(file === undefined || file.startsWith(`${root}/`), `${sneaky} → ${file}`).toBe(true);
    }
    expect(resolveAppFile(root, `${APP_ORIGIN}/a%00b`)).toBeUndefined();
    expect(resolveAppFile(root, 'app://elsewhere/index.html')).toBeUndefined();
    expect(resolveAppFile(root, 'file:///etc/passwd')).toBeUndefined();
    expect(resolveAppFile(root, 'not a url')).toBeUndefined();
  });

  it('trusts only our own page as an IPC sender', () => {
    expect(isTrustedSender(`${APP_ORIGIN}/index.html`)).toBe(true);
    expect(isTrustedSender('https://evil.example/')).toBe(false);
    expect(isTrustedSender('app://newsmark.evil/index.html')).toBe(false);
    expect(isTrustedSender(undefined)).toBe(false);
  });

  it('is the one policy: main.ts and the page hold no copy of it', () => {
    const main = fs.readFileSync(path.resolve(import.meta.dirname, '../main.ts'), 'utf8');
    const page = fs.readFileSync(path.resolve(import.meta.dirname, '../../renderer/index.html'), 'utf8');
    expect(main).toContain("'content-security-policy': CONTENT_SECURITY_POLICY");
    expect(main).not.toContain('default-src');
    expect(page).not.toMatch(/Content-Security-Policy/i);
    expect(CONTENT_SECURITY_POLICY).toContain("default-src 'none'");
    expect(CONTENT_SECURITY_POLICY).not.toContain('unsafe');
  });
});
