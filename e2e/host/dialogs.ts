import path from 'node:path';
import type { Dialogs, FolderDialogRequest, OpenDialogRequest, SaveDialogRequest } from '../../electron/services/ports';

/**
 * Native dialogs answered by the test: each `answerSave` / `answerOpen` / `answerFolder`
 * queues one answer (a path, the chosen paths, or undefined for Cancel). With nothing queued
 * a save goes to `fallbackDir` (as if the user accepted the suggested name there), a folder
 * choice picks `fallbackDir`, and an open dialog is cancelled.
 */
export class ScriptedDialogs implements Dialogs {
  private readonly answers: (string | undefined)[] = [];
  private readonly openAnswers: (string[] | undefined)[] = [];
  private readonly folderAnswers: (string | undefined)[] = [];
  readonly asked: SaveDialogRequest[] = [];
  readonly askedOpen: OpenDialogRequest[] = [];
  readonly askedFolder: FolderDialogRequest[] = [];

  constructor(private readonly fallbackDir: string) {}

  answerSave(filePath: string | undefined): void {
    this.answers.push(filePath);
  }

  answerOpen(paths: string[] | undefined): void {
    this.openAnswers.push(paths);
  }

  async showOpen(request: OpenDialogRequest): Promise<string[] | undefined> {
    this.askedOpen.push(request);
    return this.openAnswers.shift();
  }

  answerFolder(folder: string | undefined): void {
    this.folderAnswers.push(folder);
  }

  async showSave(request: SaveDialogRequest): Promise<string | undefined> {
    this.asked.push(request);
    if (this.answers.length > 0) return this.answers.shift();
    return path.join(this.fallbackDir, request.defaultName);
  }

  async chooseFolder(request: FolderDialogRequest): Promise<string | undefined> {
    this.askedFolder.push(request);
    if (this.folderAnswers.length > 0) return this.folderAnswers.shift();
    return this.fallbackDir;
  }
}
