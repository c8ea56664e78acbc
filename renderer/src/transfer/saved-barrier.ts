/**
 * Exports wait until every change made in the window is stored. The open article registers
 * its session's `whenSaved` here, so an export started from anywhere (export all, from the
 * library) includes the last tag the editor made.
 */
const barriers = new Set<() => Promise<void>>();

export function registerSaveBarrier(whenSaved: () => Promise<void>): () => void {
  barriers.add(whenSaved);
  return () => barriers.delete(whenSaved);
}

export async function whenAllSaved(): Promise<void> {
  await Promise.all([...barriers].map((b) => b()));
}
