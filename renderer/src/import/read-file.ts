import { ImportError } from '../../../shared/import/errors';
import { checkFileSize, formatMegabytes } from '../../../shared/import/text';
import { MAX_TRANSFER_BYTES, type ImportOutcome } from '../../../shared/ipc/contract';
import { api, errorMessage } from '../api';

/** A file to import: one dropped on the window (read here), or one chosen in File → Open (read by main). */
export type ImportItem = { name: string; file: File } | { name: string; token: string };

type Failure = Extract<ImportOutcome, { status: 'failed' }>;
const failed = (file: string, code: string, reason: string): Failure => ({ status: 'failed', file, code, reason });

/** Base64 of a file's bytes: the one encoding every transport carries unchanged. */
export async function readBase64(file: File): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  const native = (bytes as Uint8Array & { toBase64?: () => string }).toBase64;
  if (typeof native === 'function') return native.call(bytes);
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

/**
 * Import one file through main. Type and size are checked here first, with the messages
 * main would give, so an unsupported or oversized file is never read. Never throws.
 */
export async function importItem(item: ImportItem): Promise<ImportOutcome> {
  try {
    if ('token' in item) return await api().invoke('import:file', { token: item.token });
    const { file } = item;
    try {
      checkFileSize(file.name, file.size);
    } catch (error) {
      if (error instanceof ImportError) return failed(error.file, error.code, error.reason);
      throw error;
    }
    if (file.size > MAX_TRANSFER_BYTES) {
      return failed(file.name, 'too-large', `the file is ${formatMegabytes(file.size)}; a dropped file can be up to ${formatMegabytes(MAX_TRANSFER_BYTES)}. Open it with File → Open instead.`);
    }
    let data: string;
    try {
      data = await readBase64(file);
    } catch (error) {
      return failed(file.name, 'unreadable', `the file could not be read (${errorMessage(error)}). Is it a folder?`);
    }
    return await api().invoke('import:file', { name: file.name, data });
  } catch (error) {
    return failed(item.name, 'error', errorMessage(error));
  }
}
