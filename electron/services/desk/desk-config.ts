import { z } from 'zod';
import { formatProblems, zodProblems } from '../../../shared/issues';
import type { JsonStore } from '../ports';

/**
 * `desk.json` in the data folder: which desk this app joined and what it shares. The
 * password is only ever stored sealed by the SecretBox (safeStorage in the app), never in clear.
 */
export const DESK_CONFIG_VERSION = 1;

export const DeskServer = z
  .object({ url: z.string().max(2048), database: z.string().min(1).max(238), user: z.string().min(1).max(200), sealedPassword: z.string().max(10_000) })
  .strict();
export type DeskServer = z.infer<typeof DeskServer>;

export const DeskConfigFile = z
  .object({
    schemaVersion: z.literal(DESK_CONFIG_VERSION),
    server: DeskServer.optional(),
    shareNew: z.boolean(),
    /** Articles I shared with the desk. */
    shared: z.array(z.string().max(200)).max(100_000),
    /** Articles that came from the desk (shared by a colleague, or by me on another machine). */
    fromDesk: z.array(z.string().max(200)).max(100_000),
    /** Per document, the revision my article file last agreed with (see reconcile.ts). */
    applied: z.record(z.string(), z.string().max(200)),
  })
  .strict();
export type DeskConfigFile = z.infer<typeof DeskConfigFile>;

export function emptyDeskConfig(): DeskConfigFile {
  return { schemaVersion: DESK_CONFIG_VERSION, shareNew: false, shared: [], fromDesk: [], applied: {} };
}

/** Read desk.json; a file that does not match is reported (and left for the caller to move aside). */
export function readDeskConfig(store: JsonStore): { config: DeskConfigFile; problem?: string } {
  const raw = store.read();
  if (Object.keys(raw).length === 0) return { config: emptyDeskConfig() };
  const parsed = DeskConfigFile.safeParse(raw);
  if (parsed.success) return { config: parsed.data };
  return { config: emptyDeskConfig(), problem: `does not match the desk schema:\n${formatProblems(zodProblems(parsed.error.issues), 5)}` };
}
