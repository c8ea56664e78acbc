import { z } from 'zod';

/**
 * The part of a brat file that has no Newsmark annotation but must survive a round trip:
 * event triggers (PolNeAR's `Attribution` entity), Discuss/Discard and other unmapped
 * entities, the `E` and `R` lines themselves (ids, roles, order), and lines Newsmark does
 * not interpret (attributes, normalisations). Offsets count code points.
 */
const cp = z.number().int().min(0).max(Number.MAX_SAFE_INTEGER);
const Ref = z.object({ role: z.string().min(1).max(200), ref: z.string().min(1).max(200) }).strict();
export type BratRef = z.infer<typeof Ref>;

export const BratKeptEntity = z
  .object({
    id: z.string().regex(/^T\d+$/),
    type: z.string().min(1).max(200),
    spans: z.array(z.object({ start: cp, end: cp }).strict()).min(1).max(1000),
    note: z.string().max(100_000).optional(),
  })
  .strict();
export type BratKeptEntity = z.infer<typeof BratKeptEntity>;

export const BratKeptEvent = z
  .object({ id: z.string().regex(/^E\d+$/), trigger: Ref, args: z.array(Ref).max(1000) })
  .strict();
export type BratKeptEvent = z.infer<typeof BratKeptEvent>;

export const BratKeptRelation = z
  .object({ id: z.string().regex(/^R\d+$/), type: z.string().min(1).max(200), from: Ref, to: Ref })
  .strict();
export type BratKeptRelation = z.infer<typeof BratKeptRelation>;

export const BratKept = z
  .object({
    entities: z.array(BratKeptEntity).max(1_000_000),
    events: z.array(BratKeptEvent).max(1_000_000),
    relations: z.array(BratKeptRelation).max(1_000_000),
    lines: z.array(z.string().max(100_000)).max(1_000_000).describe('Lines kept verbatim (attributes, normalisations, notes on events)'),
  })
  .strict()
  .describe('brat structure without a Newsmark annotation, kept so brat → Newsmark → brat is lossless');
export type BratKept = z.infer<typeof BratKept>;

export function emptyKept(): BratKept {
  return { entities: [], events: [], relations: [], lines: [] };
}
