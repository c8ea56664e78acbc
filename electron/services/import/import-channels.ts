import { randomUUID } from 'node:crypto';
import path from 'node:path';
import { SUPPORTED_EXTENSIONS } from '../../../shared/import/detect-kind';
import type { ImportOutcome, RequestOf, ResponseOf } from '../../../shared/ipc/contract';
import { ServiceError } from '../errors';
import type { Library } from '../library';
import type { Dialogs } from '../ports';
import { importChosenFile, importIntoLibrary } from './import-into-library';

/**
 * The two import channels. File → Open shows the dialog in main and names the chosen files
 * to the window by one-time tokens: the window never sends a path, so it cannot make main
 * read anything the user did not choose. A dropped file's bytes come as base64.
 */
export function importChannels(library: Library, dialogs: Dialogs) {
  const chosen = new Map<string, string>();
  return {
    'import:choose': async (): Promise<ResponseOf<'import:choose'>> => {
      const paths = await dialogs.showOpen({
        title: 'Open article',
        filters: [
          { name: 'Articles and Newsmark exports', extensions: SUPPORTED_EXTENSIONS },
          { name: 'All files', extensions: ['*'] },
        ],
        multi: true,
      });
      if (!paths || paths.length === 0) return { canceled: true };
      return {
        files: paths.map((p) => {
          const token = randomUUID();
          chosen.set(token, p);
          return { token, name: path.basename(p) };
        }),
      };
    },
    'import:file': async (request: RequestOf<'import:file'>): Promise<ImportOutcome> => {
      if ('data' in request) {
        // The name is only a name: whatever path it carries, its last part is the file's.
        return importIntoLibrary(library, { name: path.basename(request.name), bytes: new Uint8Array(Buffer.from(request.data, 'base64')) });
      }
      const filePath = chosen.get(request.token);
      if (!filePath) throw new ServiceError('not-found', 'That file was not chosen in the open dialog (or was imported already).');
      chosen.delete(request.token);
      return importChosenFile(library, filePath);
    },
  };
}
