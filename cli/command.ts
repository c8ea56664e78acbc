import { parseArgs, type ParseArgsConfig } from 'node:util';

/** Where a command writes; tests pass their own. */
export interface Io {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
}

/** One CLI command: add a file in cli/commands/ and one line in cli/commands/index.ts. */
export interface Command {
  name: string;
  summary: string;
  /** Full help text: usage line, options, an example. */
  help: string;
  run(args: string[], io: Io): Promise<number>;
}

/** Raised for wrong usage; main prints it with a pointer to --help and exits 2. */
export class UsageError extends Error {}

/** Raised for bad input files; main prints it and exits 1. */
export class InputError extends Error {}

export function parse<T extends ParseArgsConfig['options']>(args: string[], options: T) {
  try {
    return parseArgs({ args, options: { ...options, help: { type: 'boolean', short: 'h' } }, allowPositionals: true, strict: true });
  } catch (e) {
    throw new UsageError(e instanceof Error ? e.message : String(e));
  }
}
