/**
 * What Electron's contextBridge does to values crossing from the preload's world into the
 * page's (docs/api/context-bridge.md, "Parameter / Error / Return Type support"), so the
 * browser host sees what the real window sees:
 *
 * - functions are proxied; their arguments and results are copied by the same rules, and a
 *   returned promise becomes a new promise of the copied value;
 * - plain objects and class instances arrive as plain objects: own enumerable keys only,
 *   no prototype (methods and `instanceof` are lost);
 * - an Error, thrown or rejected, arrives as a new Error with its message only: custom
 *   properties (a NewsmarkError's `code` and `problems`) and its class are lost;
 * - Date, RegExp, Map, Set, ArrayBuffer and typed arrays go through the structured clone.
 */
export function copyAcrossWorlds<T>(value: T): T {
  return copy(value, new Map()) as T;
}

function copyError(error: unknown): Error {
  return new Error(error instanceof Error ? error.message : String(error));
}

const CLONED = [Date, RegExp, Map, Set, ArrayBuffer] as const;

function copy(value: unknown, seen: Map<object, unknown>): unknown {
  if (value === null || (typeof value !== 'object' && typeof value !== 'function')) {
    if (typeof value === 'symbol') throw new Error('An object could not be cloned.');
    return value;
  }
  if (typeof value === 'function') return proxyFunction(value as (...args: unknown[]) => unknown);
  if (seen.has(value)) return seen.get(value);
  if (value instanceof Error) return copyError(value);
  if (CLONED.some((type) => value instanceof type) || ArrayBuffer.isView(value)) return structuredClone(value);
  if (isThenable(value)) return copyPromise(value);
  if (Array.isArray(value)) {
    const out: unknown[] = [];
    seen.set(value, out);
    for (const item of value) out.push(copy(item, seen));
    return out;
  }
  const out: Record<string, unknown> = {};
  seen.set(value, out);
  for (const key of Object.keys(value)) out[key] = copy((value as Record<string, unknown>)[key], seen);
  return out;
}

function isThenable(value: object): value is PromiseLike<unknown> {
  return typeof (value as { then?: unknown }).then === 'function';
}

function copyPromise(promise: PromiseLike<unknown>): Promise<unknown> {
  return new Promise((resolve, reject) =>
    promise.then(
      (result) => resolve(copy(result, new Map())),
      (error: unknown) => reject(copyError(error)),
    ),
  );
}

function proxyFunction(fn: (...args: unknown[]) => unknown): (...args: unknown[]) => unknown {
  return (...args: unknown[]) => {
    let result: unknown;
    try {
      result = fn(...args.map((arg) => copy(arg, new Map())));
    } catch (error) {
      throw copyError(error);
    }
    return copy(result, new Map());
  };
}
