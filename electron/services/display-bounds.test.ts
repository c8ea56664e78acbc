import { describe, expect, it } from 'vitest';
import { placeWindow, type Rect } from './display-bounds';

const laptop: Rect = { x: 0, y: 25, width: 1440, height: 875 };
const external: Rect = { x: 1440, y: 0, width: 2560, height: 1415 };
const DEFAULTS = { width: 1280, height: 840 };

describe('placeWindow', () => {
  it('keeps saved bounds that are on a connected display', () => {
    const saved = { x: 1600, y: 100, width: 1400, height: 900, maximized: false };
    expect(placeWindow(saved, [laptop, external], laptop, DEFAULTS)).toEqual({ x: 1600, y: 100, width: 1400, height: 900 });
  });

  it('drops the position when the display it was on is gone (opens centred on the primary)', () => {
    const saved = { x: 1600, y: 100, width: 1400, height: 900, maximized: true };
    expect(placeWindow(saved, [laptop], laptop, DEFAULTS)).toEqual({ width: 1400, height: 875 });
  });

  it('a window whose title bar is off the top or mostly off the side is moved back', () => {
    expect(placeWindow({ x: 100, y: -500, width: 800, height: 600, maximized: false }, [laptop], laptop, DEFAULTS)).toEqual({ width: 800, height: 600 });
    expect(placeWindow({ x: 1400, y: 100, width: 800, height: 600, maximized: false }, [laptop], laptop, DEFAULTS)).toEqual({ width: 800, height: 600 });
  });

  it('shrinks a window larger than its display and keeps it inside', () => {
    expect(placeWindow({ x: 200, y: 30, width: 2000, height: 1200, maximized: false }, [laptop], laptop, DEFAULTS)).toEqual({ x: 0, y: 25, width: 1440, height: 875 });
  });

  it('with nothing saved: the default size, fitted to a small primary display', () => {
    expect(placeWindow(undefined, [laptop], laptop, DEFAULTS)).toEqual(DEFAULTS);
    const small = { x: 0, y: 0, width: 1024, height: 700 };
    expect(placeWindow(undefined, [small], small, DEFAULTS)).toEqual({ width: 1024, height: 700 });
  });
});
