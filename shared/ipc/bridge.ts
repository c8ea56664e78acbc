import { COMMANDS, type Command, type Envelope, type ErrorCode } from './commands';
import type { Channel, RequestOf, ResponseOf } from './contract';

/** An error from the main process, with the code the contract gives it. */
export class NewsmarkError extends Error {
  override name = 'NewsmarkError';
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly problems: { where: string; message: string; excerpt?: string }[] = [],
  ) {
    super(message);
  }
}

export type Invoke = (channel: Channel, payload: unknown) => Promise<unknown>;
export type Subscribe = (listener: (command: Command) => void) => () => void;

/**
 * What the preload exposes as `window.newsmark`: the bare transport, whose replies are
 * envelopes (plain data). Electron's contextBridge copies values between the preload's
 * world and the page's, and an Error only keeps its message on the way (custom properties
 * such as `problems` are dropped), so errors cross as data and the window builds the
 * NewsmarkError itself, with `createBridge` (renderer/src/api.ts).
 */
export interface NewsmarkTransport {
  invoke(channel: string, payload: unknown): Promise<unknown>;
  subscribe(listener: (command: Command) => void): () => void;
}

export interface NewsmarkApi {
  invoke<C extends Channel>(channel: C, request: RequestOf<C>): Promise<ResponseOf<C>>;
  onCommand(listener: (command: Command) => void): () => void;
}

/**
 * Turn the transport (`window.newsmark`, over Electron's ipcRenderer or the browser host's
 * exposed binding) into the typed API the window uses. The transport carries envelopes;
 * the bridge unwraps them, on the window's side of the context bridge.
 */
export function createBridge(invoke: Invoke, subscribe: Subscribe): NewsmarkApi {
  return {
    async invoke(channel, request) {
      const envelope = (await invoke(channel, request)) as Envelope<never>;
      if (envelope && typeof envelope === 'object' && 'ok' in envelope) {
        if (envelope.ok) return envelope.value;
        throw new NewsmarkError(envelope.error.code, envelope.error.message, envelope.error.problems);
      }
      throw new NewsmarkError('internal', `Malformed reply on ${channel}`);
    },
    onCommand(listener) {
      return subscribe((command) => {
        if ((COMMANDS as readonly string[]).includes(command)) listener(command);
      });
    },
  };
}
