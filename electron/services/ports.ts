/**
 * What the services need from the outside world, passed in as arguments so that they run
 * in plain Node: main.ts supplies electron-store and Electron's dialogs, the browser host
 * supplies conf on a temp folder and scripted dialogs.
 */
export interface JsonStore {
  readonly path: string;
  /** The stored object; throws when the file does not parse. An absent file reads as {}. */
  read(): Record<string, unknown>;
  /** Replace the whole file, atomically (temp file, then rename). */
  write(value: Record<string, unknown>): void;
}

/** Open a store named `name` in the folder `dir` (relative to the data folder, '' for its root). */
export type OpenStore = (dir: string, name: string) => JsonStore;

export interface SaveDialogRequest {
  title: string;
  defaultName: string;
  filters: { name: string; extensions: string[] }[];
}

export interface OpenDialogRequest {
  title: string;
  filters: { name: string; extensions: string[] }[];
  /** Whether several files can be chosen at once. */
  multi: boolean;
}

export interface FolderDialogRequest {
  title: string;
  buttonLabel?: string;
}

export interface Dialogs {
  /** The chosen path, or undefined when the user cancels. */
  showSave(request: SaveDialogRequest): Promise<string | undefined>;
  /** The chosen files' paths, or undefined when the user cancels. */
  showOpen(request: OpenDialogRequest): Promise<string[] | undefined>;
  /** A folder chosen (or created) in the dialog, or undefined when the user cancels. */
  chooseFolder(request: FolderDialogRequest): Promise<string | undefined>;
}

import type { SecretBox } from './desk/secret-box';

export interface Ports {
  dataDir: string;
  openStore: OpenStore;
  dialogs: Dialogs;
  /** The sample article's text, read from the app's resources. */
  sampleArticle(): Promise<string>;
  now?: () => Date;
  newId?: () => string;
  appVersion: string;
  /** Encrypts the desk password: Electron's safeStorage in the app; a stand-in (desk/secret-box.ts) elsewhere. */
  secrets?: SecretBox;
}
