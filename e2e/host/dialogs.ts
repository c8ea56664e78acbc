import path from 'node:path';
import type { Dialogs, OpenDialogRequest, SaveDialogRequest } from '../../electron/services/ports';

/**
 * Save dialogs answered by the test: each `answerSave` queues one answer (a path, or
 * undefined for Cancel). With nothing queued the file goes to `fallbackDir`, as if the user
 * accepted the suggested name there. Open dialogs likewise: each `answerOpen` queues the
 * files chosen (or undefined for Cancel); with nothing queued an open dialog is canceled.
 */
export class ScriptedDialogs implements Dialogs {
  private readonly answers: (string | undefined)[] = [];
  private readonly openAnswers: (string[] | undefined)[] = [];
  readonly asked: SaveDialogRequest[] = [];
  readonly askedOpen: OpenDialogRequest[] = [];

  constructor(private readonly fallbackDir: string) {}

  answerSave(filePath: string | undefined): void {
    this.answers.push(filePath);
  }

  answerOpen(filePaths: string[] | undefined): void {
    this.openAnswers.push(filePaths);
  }

  async showOpen(request: OpenDialogRequest): Promise<string[] | undefined> {
    this.askedOpen.push(request);
    return this.openAnswers.shift();
  }

  async showSave(request: SaveDialogRequest): Promise<string | undefined> {
    this.asked.push(request);
    if (this.answers.length > 0) return this.answers.shift();
    return path.join(this.fallbackDir, request.defaultName);
  }
}
