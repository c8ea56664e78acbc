import { describe, expect, it } from 'vitest';
import { QuitGuard } from './quit-guard';

describe('QuitGuard (quit after the last save)', () => {
  it('Cmd+Q with a save in flight: the quit waits for the window, then happens', () => {
    let quits = 0;
    const guard = new QuitGuard(() => quits++);
    guard.quitRequested(); // before-quit
    guard.unloadPrevented(); // the window holds itself open: Electron cancels this quit
    expect(guard.current).toBe('held-for-save');
    expect(quits).toBe(0);
    guard.windowClosed(0); // saved; the window closed itself
    expect(quits).toBe(1);
    expect(guard.current).toBe('quitting');
    guard.windowClosed(0);
    expect(quits).toBe(1);
  });

  it('a quit nothing held goes ahead on its own: the guard does not quit again', () => {
    let quits = 0;
    const guard = new QuitGuard(() => quits++);
    guard.quitRequested();
    guard.windowClosed(0);
    expect(quits).toBe(0);
  });

  it('closing a window (not quitting) while it saves leaves the app running (macOS)', () => {
    let quits = 0;
    const guard = new QuitGuard(() => quits++);
    guard.unloadPrevented();
    guard.windowClosed(0);
    expect(quits).toBe(0);
    expect(guard.current).toBe('running');
  });

  it('waits for the last window, and forgets the quit when a new window is opened', () => {
    let quits = 0;
    const guard = new QuitGuard(() => quits++);
    guard.quitRequested();
    guard.unloadPrevented();
    guard.windowClosed(1);
    expect(quits).toBe(0);
    guard.windowOpened();
    guard.windowClosed(0);
    expect(quits).toBe(0);
    expect(guard.current).toBe('running');
  });
});
