import path from 'node:path';
import type { Dialogs, OpenDialogRequest, SaveDialogRequest } from '../../electron/services/ports';

/**
 * Dialogs answered by the test. Each `answerSave` queues one save answer (a path, or
 * undefined for Cancel); with nothing queued the file goes to `fallbackDir`, as if the user
 * accepted the suggested name there. Each `answerOpen` queues one open answer (the chosen
 * paths, or undefined for Cancel); with nothing queued the open dialog is cancelled.
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

  answerOpen(paths: string[] | undefined): void {
    this.openAnswers.push(paths);
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
