import { describe, expect, it } from 'vitest';
import { createBridge, NewsmarkError, type NewsmarkTransport } from '../../shared/ipc/bridge';
import type { Command } from '../../shared/ipc/commands';
import { copyAcrossWorlds } from './context-bridge';

const refused = {
  ok: false,
  error: { code: 'invalid-request', message: 'The details cannot be saved', problems: [{ where: 'url', message: 'The URL must be a web address' }] },
} as const;

function transport(reply: unknown): NewsmarkTransport {
  return { invoke: async () => reply, subscribe: () => () => undefined };
}

describe('copyAcrossWorlds (what contextBridge does to values)', () => {
  it('drops prototypes: class instances arrive as plain objects', () => {
    class Point {
      constructor(readonly x: number) {}
      double() {
        return this.x * 2;
      }
    }
    const copied = copyAcrossWorlds({ p: new Point(2), list: [new Point(3)], when: new Date(0) });
    expect(copied.p).not.toBeInstanceOf(Point);
    expect(Object.getPrototypeOf(copied.p)).toBe(Object.prototype);
    expect(copied.p).toEqual({ x: 2 });
    expect('double' in copied.p).toBe(false);
    expect(copied.list[0]).toEqual({ x: 3 });
    expect(copied.when).toBeInstanceOf(Date);
  });

  it('keeps only the message of a thrown or rejected error', async () => {
    const api = copyAcrossWorlds({
      fail: () => {
        throw new NewsmarkError('invalid-request', 'bad', [{ where: 'title', message: 'empty' }]);
      },
      reject: async () => {
        throw new NewsmarkError('io', 'disk full', [{ where: 'file', message: 'no space' }]);
      },
    });
    let thrown: unknown;
    try {
      api.fail();
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(Error);
    expect(thrown).not.toBeInstanceOf(NewsmarkError);
    expect((thrown as Error).message).toBe('bad');
    expect((thrown as { problems?: unknown }).problems).toBeUndefined();
    const rejected = await api.reject().catch((error: unknown) => error);
    expect(rejected).not.toBeInstanceOf(NewsmarkError);
    expect((rejected as { code?: unknown; problems?: unknown }).code).toBeUndefined();
    expect((rejected as { problems?: unknown }).problems).toBeUndefined();
  });

  it('copies arguments and results: neither world holds the other’s objects', async () => {
    const received: unknown[] = [];
    const payload = { id: 'a', nested: { n: 1 } };
    const api = copyAcrossWorlds({ take: async (value: unknown) => (received.push(value), payload) });
    const result = await api.take(payload);
    expect(received[0]).toEqual(payload);
    expect(received[0]).not.toBe(payload);
    expect(result).toEqual(payload);
    expect(result).not.toBe(payload);
  });
});

describe('the bridge across the worlds', () => {
  it('loses field problems when the error is built before the crossing (the old preload)', async () => {
    const preloadSide = createBridge(transport(refused).invoke as never, () => () => undefined);
    const page = copyAcrossWorlds(preloadSide);
    const error = await page.invoke('article:update', { id: 'x' }).catch((e: unknown) => e);
    expect(error).not.toBeInstanceOf(NewsmarkError);
    expect((error as { problems?: unknown }).problems).toBeUndefined();
  });

  it('keeps code and field problems when envelopes cross and the window builds the error', async () => {
    const page = copyAcrossWorlds(transport(refused));
    const api = createBridge((channel, payload) => page.invoke(channel, payload), (listener) => page.subscribe(listener));
    const error = await api.invoke('article:update', { id: 'x' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NewsmarkError);
    expect(error).toMatchObject({ code: 'invalid-request', problems: [{ where: 'url', message: 'The URL must be a web address' }] });
  });

  it('delivers commands through a copied subscription, and unsubscribes', () => {
    const listeners = new Set<(command: Command) => void>();
    const page = copyAcrossWorlds<NewsmarkTransport>({
      invoke: async () => ({ ok: true, value: {} }),
      subscribe(listener) {
        listeners.add(listener);
        return () => listeners.delete(listener);
      },
    });
    const got: Command[] = [];
    const api = createBridge((c, p) => page.invoke(c, p), (l) => page.subscribe(l));
    const off = api.onCommand((c) => got.push(c));
    for (const l of listeners) l('find');
    off();
    expect(got).toEqual(['find']);
    expect(listeners.size).toBe(0);
  });
});
