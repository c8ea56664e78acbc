import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

/**
 * Encrypts the desk password at rest. In the app this is Electron's safeStorage (the OS
 * keychain: Keychain, DPAPI, libsecret), wired in electron/main.ts; the browser host and
 * tests use the stand-in below. Sealed values are base64 strings.
 */
export interface SecretBox {
  /** Whether encryption is available; without it no password is stored. */
  available(): boolean;
  seal(plain: string): string;
  open(sealed: string): string;
}

/**
 * Stand-in for safeStorage: AES-256-GCM with a random key kept in a file (mode 0600) in the
 * data folder. Only for the browser host and tests; the app never uses it.
 */
export function keyFileSecretBox(dataDir: string): SecretBox {
  const keyFile = path.join(dataDir, 'desk-standin.key');
  const key = (): Buffer => {
    if (!fs.existsSync(keyFile)) {
      fs.mkdirSync(dataDir, { recursive: true });
      fs.writeFileSync(keyFile, randomBytes(32), { mode: 0o600 });
    }
    return fs.readFileSync(keyFile);
  };
  return {
    available: () => true,
    seal(plain) {
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', key(), iv);
      const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
      return Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64');
    },
    open(sealed) {
      const raw = Buffer.from(sealed, 'base64');
      const decipher = createDecipheriv('aes-256-gcm', key(), raw.subarray(0, 12));
      decipher.setAuthTag(raw.subarray(12, 28));
      return Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString('utf8');
    },
  };
}
