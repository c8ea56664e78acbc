/**
 * Quit after the last save. Cmd/Ctrl+Q closes every window; a window whose change is still
 * being written holds itself open (its `beforeunload` guard), which cancels Electron's quit,
 * and closes itself once the change is stored. Without this, the app then stayed running
 * with no window on macOS. The guard remembers that the user asked to quit and, when such a
 * held quit's last window has closed, quits.
 */
export type QuitState = 'running' | 'quit-requested' | 'held-for-save' | 'quitting';

export class QuitGuard {
  private state: QuitState = 'running';

  constructor(private readonly quit: () => void) {}

  get current(): QuitState {
    return this.state;
  }

  /** `before-quit`: the user (or the system) asked to quit. */
  quitRequested(): void {
    if (this.state === 'running') this.state = 'quit-requested';
  }

  /** `will-prevent-unload`: a window holds itself open until its change is stored. */
  unloadPrevented(): void {
    if (this.state === 'quit-requested') this.state = 'held-for-save';
  }

  /** A window was closed; `remaining` are still open. A held quit goes ahead once none are. */
  windowClosed(remaining: number): void {
    if (this.state === 'held-for-save' && remaining === 0) {
      this.state = 'quitting';
      this.quit();
    }
  }

  /** A new window was opened (the dock, a second instance): the user is working again. */
  windowOpened(): void {
    if (this.state === 'quit-requested' || this.state === 'held-for-save') this.state = 'running';
  }
}
