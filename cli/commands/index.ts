import type { Command } from '../command';
import { agree } from './agree';
import { anchor } from './anchor';
import { convert } from './convert';
import { desk } from './desk';
import { diff } from './diff';
import { reviewReportCommand } from './review-report';
import { sources } from './sources';
import { validate } from './validate';

/** Every command of the CLI, in the order --help lists them. One line per command. */
export const COMMANDS: readonly Command[] = [convert, validate, anchor, diff, agree, reviewReportCommand, sources, desk];
