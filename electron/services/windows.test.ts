import { describe, expect, it } from 'vitest';
import { WindowRegistry, type TrackedWindow } from './windows';

/** A stand-in BrowserWindow: closing it destroys it, and touching a destroyed one throws, as Electron does. */
class StandInWindow implements TrackedWindow {
  private destroyed = false;
  private focused = false;
  private readonly closed: (() => void)[] = [];
  readonly sent: string[] = [];
  constructor(readonly name: string) {}
  isDestroyed() {
    return this.destroyed;
  }
  isFocused() {
    return this.focused;
  }
  focus() {
    this.alive();
    this.focused = true;
  }
  once(_event: 'closed', listener: () => void) {
    this.closed.push(listener);
    return this;
  }
  send(command: string) {
    this.alive();
    this.sent.push(command);
  }
  close() {
    this.destroyed = true;
    this.focused = false;
    for (const listener of this.closed.splice(0)) listener();
  }
  private alive() {
    if (this.destroyed) throw new TypeError('Object has been destroyed');
  }
}

/** What main.ts does with a menu click: send to the current window, if there is one. */
const sendTo = (registry: WindowRegistry<StandInWindow>, command: string) => registry.current()?.send(command);

describe('WindowRegistry', () => {
  it('tracks every created window and forgets it when it closes', () => {
    const registry = new WindowRegistry<StandInWindow>();
    const first = registry.track(new StandInWindow('first'));
    first.close();
    expect(registry.size).toBe(0);
    // Reopened from the dock, then closed again: the second window has the same lifecycle.
    const second = registry.track(new StandInWindow('second'));
    expect(registry.current()).toBe(second);
    second.close();
    expect(registry.size).toBe(0);
    expect(registry.current()).toBeUndefined();
  });

  it('commands after a close do not reach a destroyed window (and do not throw)', () => {
    const registry = new WindowRegistry<StandInWindow>();
    const win = registry.track(new StandInWindow('only'));
    sendTo(registry, 'find');
    win.close();
    expect(() => sendTo(registry, 'export-annotations')).not.toThrow();
    expect(() => registry.current()?.focus()).not.toThrow();
    expect(win.sent).toEqual(['find']);
  });

  it('the current window is the focused one, else the newest', () => {
    const registry = new WindowRegistry<StandInWindow>();
    const a = registry.track(new StandInWindow('a'));
    const b = registry.track(new StandInWindow('b'));
    expect(registry.current()).toBe(b);
    a.focus();
    expect(registry.current()).toBe(a);
    a.close();
    expect(registry.current()).toBe(b);
    expect(registry.all()).toEqual([b]);
  });

  it('drops a window destroyed without a closed event', () => {
    const registry = new WindowRegistry<StandInWindow>();
    const win = registry.track(new StandInWindow('crashed'));
    (win as unknown as { destroyed: boolean }).destroyed = true;
    expect(registry.current()).toBeUndefined();
    expect(registry.size).toBe(0);
  });
});
