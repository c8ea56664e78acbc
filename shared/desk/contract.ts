import { z } from 'zod';
import { Annotation, Author } from '../model/types';

/** The desk's IPC channels, spread into the contract (shared/ipc/contract.ts). No credential ever crosses. */
const Id = z.string().min(1).max(200);

export const DESK_STATES = ['off', 'synced', 'syncing', 'offline', 'error'] as const;
export const DeskStatus = z
  .object({
    state: z.enum(DESK_STATES),
    toSend: z.number().int().min(0),
    toReceive: z.number().int().min(0),
    reason: z.string().optional(),
    /** The desk joined, without its password. */
    server: z.object({ url: z.string(), database: z.string(), user: z.string() }).strict().optional(),
    shareNew: z.boolean(),
    conflicts: z.number().int().min(0),
    /** Incoming documents refused (newest last, at most 20). */
    refused: z.array(z.object({ id: z.string(), reason: z.string(), at: z.string() }).strict()),
  })
  .strict();
export type DeskStatus = z.infer<typeof DeskStatus>;

export const DeskLayer = z.object({ author: Author, annotations: z.array(Annotation) }).strict();
export type DeskLayer = z.infer<typeof DeskLayer>;

export const DeskConflict = z
  .object({ docId: z.string(), articleId: Id, versions: z.array(z.object({ rev: z.string(), annotation: Annotation.nullable() }).strict()) })
  .strict();
export type DeskConflict = z.infer<typeof DeskConflict>;

export const deskContract = {
  'desk:status': { request: z.object({}).strict(), response: DeskStatus },
  /** Settings → Desk: join (or change) the desk. The password goes to main and stays there. */
  'desk:join': {
    request: z
      .object({ url: z.string().min(1).max(2048), database: z.string().min(1).max(238), user: z.string().min(1).max(200), password: z.string().max(1000) })
      .strict(),
    response: DeskStatus,
  },
  'desk:leave': { request: z.object({}).strict(), response: DeskStatus },
  'desk:settings': { request: z.object({ shareNew: z.boolean() }).strict(), response: DeskStatus },
  'desk:share': { request: z.object({ articleId: Id }).strict(), response: z.object({ shared: z.literal(true) }).strict() },
  /** Which articles are on the desk: those I shared, those that came from it. */
  'desk:articles': { request: z.object({}).strict(), response: z.object({ shared: z.array(Id), fromDesk: z.array(Id) }).strict() },
  /** Colleagues' live annotations on one article, one layer per colleague. */
  'desk:layers': { request: z.object({ articleId: Id }).strict(), response: z.object({ layers: z.array(DeskLayer) }).strict() },
  /** My annotations edited on two machines at once: every version kept until I choose. */
  'desk:conflicts': { request: z.object({}).strict(), response: z.object({ conflicts: z.array(DeskConflict) }).strict() },
  'desk:resolve': { request: z.object({ docId: z.string().min(1).max(420), rev: z.string().min(1).max(200) }).strict(), response: z.object({}).strict() },
} as const;
