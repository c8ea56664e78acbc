import type { Problem } from '../../shared/issues';
import type { ErrorCode } from '../../shared/ipc/contract';

/** An error meant for the user: it crosses IPC with its code and message intact. */
export class ServiceError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly problems: Problem[] = [],
  ) {
    super(message);
  }
}
