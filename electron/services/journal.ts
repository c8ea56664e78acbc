import fs from 'node:fs';
import { z } from 'zod';
import { Operation } from '../../shared/model/operations';
import { OrphanChange } from '../../shared/transfer/orphans';

/**
 * An article's operation journal, beside its snapshot (`articles/<id>.json`): one JSON line
 * per annotation change, appended and flushed to disk (fdatasync) before the change is
 * acknowledged, so a change costs one line, not a rewrite of the whole article. The
 * snapshot carries the revision it includes; replay skips lines at or below it, so a crash
 * between writing a snapshot and emptying the journal replays nothing twice.
 */
export const JournalEntry = z
  .object({
    /** The revision this change makes (the snapshot's revision + 1 for the first line). */
    rev: z.number().int().min(1),
    /** The article's updatedAt after the change. */
    at: z.string().max(64),
    op: Operation,
    orphans: OrphanChange.optional(),
  })
  .strict();
export type JournalEntry = z.infer<typeof JournalEntry>;

export const JOURNAL_SUFFIX = '.journal.jsonl';

export interface JournalRead {
  entries: JournalEntry[];
  /** Why reading stopped early: a torn last line (a crash mid-append), or a line that does not parse or fit. */
  dropped?: { line: number; reason: string };
}

export class Journal {
  private fd: number | undefined;
  /** Bytes in the journal file (what a snapshot would fold in). */
  size: number;

  constructor(readonly path: string) {
    this.size = fileSize(path);
  }

  /** Append one change and flush it to disk; returns once it is durable. */
  append(entry: JournalEntry): void {
    const line = `${JSON.stringify(entry)}\n`;
    this.fd ??= fs.openSync(this.path, 'a');
    fs.writeSync(this.fd, line);
    fs.fdatasyncSync(this.fd);
    this.size += Buffer.byteLength(line);
  }

  /** Every complete, valid line in order; stops at the first that is not (and says which). */
  read(): JournalRead {
    let raw: string;
    try {
      raw = fs.readFileSync(this.path, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { entries: [] };
      throw error;
    }
    const entries: JournalEntry[] = [];
    // Every line but the last ended with its newline; a last piece that is not empty is an
    // append that never completed.
    const lines = raw.split('\n');
    for (let i = 0; i < lines.length - 1; i++) {
      const problem = parseLine(lines[i]!, entries);
      if (problem) return { entries, dropped: { line: i + 1, reason: problem } };
    }
    const tail = lines[lines.length - 1]!;
    if (tail !== '') return { entries, dropped: { line: lines.length, reason: 'is incomplete (the app stopped while writing it)' } };
    return { entries };
  }

  /** Empty the journal once a snapshot holds everything in it. */
  clear(): void {
    if (this.size === 0 && this.fd === undefined) return;
    this.close();
    fs.rmSync(this.path, { force: true });
    this.size = 0;
  }

  close(): void {
    if (this.fd !== undefined) fs.closeSync(this.fd);
    this.fd = undefined;
  }
}

function parseLine(line: string, into: JournalEntry[]): string | undefined {
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch {
    return 'is not valid JSON';
  }
  const parsed = JournalEntry.safeParse(value);
  if (!parsed.success) return `does not match a journal entry (${parsed.error.issues[0]?.path.join('.') || '$'}: ${parsed.error.issues[0]?.message})`;
  into.push(parsed.data);
  return undefined;
}

function fileSize(file: string): number {
  try {
    return fs.statSync(file).size;
  } catch {
    return 0;
  }
}
