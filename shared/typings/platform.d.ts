/**
 * The few platform globals that shared/ may use: those that browsers, Node and workers all
 * provide with the same meaning. shared/ typechecks without the DOM and Node libraries
 * (tsconfig/shared.json), so anything not declared here is a type error there.
 */
interface TextDecoderOptions {
  fatal?: boolean;
  ignoreBOM?: boolean;
}
declare class TextDecoder {
  constructor(label?: string, options?: TextDecoderOptions);
  readonly encoding: string;
  decode(input?: ArrayBufferView | ArrayBuffer): string;
}
declare class TextEncoder {
  encode(input?: string): Uint8Array;
}
declare class URL {
  constructor(url: string, base?: string);
  readonly protocol: string;
  readonly hostname: string;
  readonly href: string;
}
interface SharedCrypto {
  randomUUID(): string;
  readonly subtle: { digest(algorithm: 'SHA-256', data: ArrayBufferView | ArrayBuffer): Promise<ArrayBuffer> };
}
// A global the platform defines: `declare var` is how a .d.ts says so.
// eslint-disable-next-line no-var
declare var crypto: SharedCrypto;
