import path from 'node:path';
import type { Dialogs, SaveDialogRequest } from '../../electron/services/ports';

/**
 * Save dialogs answered by the test: each `answerSave` queues one answer (a path, or
 * undefined for Cancel). With nothing queued the file goes to `fallbackDir`, as if the user
 * accepted the suggested name there.
 */
export class ScriptedDialogs implements Dialogs {
  private readonly answers: (string | undefined)[] = [];
  readonly asked: SaveDialogRequest[] = [];

  constructor(private readonly fallbackDir: string) {}

  answerSave(filePath: string | undefined): void {
    this.answers.push(filePath);
  }

  async showSave(request: SaveDialogRequest): Promise<string | undefined> {
    this.asked.push(request);
    if (this.answers.length > 0) return this.answers.shift();
    return path.join(this.fallbackDir, request.defaultName);
  }
}
