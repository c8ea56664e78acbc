import { z } from 'zod';
import { Operation } from '../model/operations';
import { OrphanChange } from './orphans';

/**
 * The IPC channels of annotation transfer (export, export all, import), spread into the
 * contract in shared/ipc/contract.ts. Kept here so the feature's schemas live together.
 */
const Id = z.string().min(1).max(200);

/** Export formats: Newsmark JSON, W3C as an AnnotationCollection or JSON Lines, brat standoff, CSV. */
export const EXPORT_FORMATS = ['newsmark', 'w3c', 'w3c-jsonl', 'brat', 'csv'] as const;
export const ExportFormat = z.enum(EXPORT_FORMATS);
export type ExportFormat = z.infer<typeof ExportFormat>;

/** The export dialog's last choice, remembered in settings. */
export const ExportPrefs = z.object({ format: ExportFormat, includeText: z.boolean() }).strict();
export type ExportPrefs = z.infer<typeof ExportPrefs>;

export const ImportFormat = z.enum(['newsmark', 'w3c', 'brat', 'csv']);
export type ImportFormat = z.infer<typeof ImportFormat>;

export const ImportCounts = z
  .object({
    total: z.number().int(),
    exact: z.number().int(),
    fuzzy: z.number().int(),
    unplaced: z.number().int(),
    duplicates: z.number().int(),
    renamed: z.number().int(),
  })
  .strict();

const Canceled = z.object({ canceled: z.literal(true) }).strict();
/**
 * A file that could not be imported, with every problem located. Returned as a value,
 * not thrown: an error's extra fields do not survive Electron's context bridge.
 */
export const Rejected = z
  .object({
    rejected: z
      .object({ file: z.string(), message: z.string(), problems: z.array(z.object({ where: z.string(), message: z.string(), excerpt: z.string().optional() }).strict()) })
      .strict(),
  })
  .strict();
export type Rejected = z.infer<typeof Rejected>;

export const transferChannels = {
  /** Every article of the library, one file each (brat: two), into a folder the user chooses. */
  'annotations:export-all': {
    request: z.object({ format: ExportFormat, includeText: z.boolean().optional() }).strict(),
    response: z.union([
      z
        .object({
          folder: z.string(),
          /** Articles exported. */
          count: z.number().int(),
          files: z.array(z.string()),
          /** Articles that could not be exported, with the reason. */
          failed: z.array(z.object({ title: z.string(), message: z.string() }).strict()),
        })
        .strict(),
      Canceled,
    ]),
  },
  /**
   * Read an annotation file the user chooses and prepare it for the open article: placed
   * annotations as one operation, unplaced ones as orphans. Nothing is stored here: the
   * window applies the result (one undoable step) through annotations:apply.
   */
  'annotations:import': {
    request: z.object({ articleId: Id }).strict(),
    response: z.union([
      z
        .object({
          file: z.string(),
          format: ImportFormat,
          operation: Operation,
          orphans: OrphanChange,
          counts: ImportCounts,
          /** How the file's text was checked (brat: the .txt beside it, or this article's text). */
          note: z.string().optional(),
        })
        .strict(),
      Rejected,
      Canceled,
    ]),
  },
  /** A file that carries its article text (brat .ann + .txt, Newsmark JSON with text) becomes a new article. */
  'annotations:import-article': {
    request: z.object({}).strict(),
    response: z.union([
      z.object({ articleId: Id, title: z.string(), file: z.string(), format: ImportFormat, counts: ImportCounts }).strict(),
      Rejected,
      Canceled,
    ]),
  },
} as const;
