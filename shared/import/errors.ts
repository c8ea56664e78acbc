/** Why a file was refused. The code lets the UI group failures; the reason is for people. */
export type ImportErrorCode =
  | 'unsupported'
  | 'empty'
  | 'binary'
  | 'too-large'
  | 'no-article'
  | 'invalid-json'
  | 'not-newsmark'
  | 'no-text';

/** A file that cannot be imported. The message always names the file: "<file>: <reason>". */
export class ImportError extends Error {
  override readonly name = 'ImportError';
  constructor(
    readonly file: string,
    readonly code: ImportErrorCode,
    readonly reason: string,
  ) {
    super(`${file}: ${reason}`);
  }
}
