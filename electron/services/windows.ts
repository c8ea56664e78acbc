/**
 * Every window the app creates, with one lifecycle: tracked when created, forgotten when
 * closed. Menu clicks, `second-instance`, dialogs and the dock all ask the registry for a
 * live window instead of keeping a variable of their own, so none of them can reach a
 * destroyed window ("Object has been destroyed").
 */

/** What the registry needs of a BrowserWindow (a stand-in in tests). */
export interface TrackedWindow {
  isDestroyed(): boolean;
  isFocused(): boolean;
  once(event: 'closed', listener: () => void): unknown;
}

export class WindowRegistry<W extends TrackedWindow> {
  private readonly windows: W[] = [];

  /** Track a new window; it is forgotten when it emits `closed`. */
  track(win: W): W {
    this.windows.push(win);
    win.once('closed', () => this.forget(win));
    return win;
  }

  private forget(win: W): void {
    const at = this.windows.indexOf(win);
    if (at >= 0) this.windows.splice(at, 1);
  }

  /** Windows still open (a destroyed one is dropped even if `closed` was missed). */
  all(): W[] {
    for (const win of [...this.windows]) if (win.isDestroyed()) this.forget(win);
    return [...this.windows];
  }

  /** The window a command or dialog belongs to: the focused one, else the newest. */
  current(): W | undefined {
    const open = this.all();
    return open.find((w) => w.isFocused()) ?? open[open.length - 1];
  }

  get size(): number {
    return this.all().length;
  }
}
