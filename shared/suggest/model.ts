/**
 * The shipped model file (resources/models/attribution.json) and the model in memory.
 * Weights are stored as integers (weight × scale) and pruned of tiny ones.
 */
import type { CueLexicon } from './features';
import type { Layer } from './tagger';

export const MODEL_FORMAT = 'newsmark-attribution-model';
export const MODEL_FORMAT_VERSION = 1;

export const ROLE_LABELS = ['O', 'B-S', 'I-S', 'B-C', 'I-C'] as const;
export const CONTENT_LABELS = ['O', 'B-T', 'I-T'] as const;

export interface LayerJson {
  labels: string[];
  /** (labels + 1) × labels integers, row-major, last row = sequence start. */
  transitions: number[];
  /** features.length × labels integers: the weights of each feature, in `features` order. */
  weights: number[];
}

/** How proposals are cut from the tags; tuned on dev and kept with the model. */
export interface DecoderOptions {
  /** Tokens a cue may be from its content to be linked. */
  maxCueDistance: number;
  /** Tokens a source may be from its cue. */
  maxSourceDistance: number;
  /** Grow a content that ends this many tokens before its sentence end to the end. */
  snapToSentenceEnd: number;
  /** Grow a content that starts this many tokens after its sentence start to the start. */
  snapToSentenceStart: number;
  /** Join contents of one paragraph that are at most this many tokens apart with no cue between. */
  mergeGap: number;
  /** Join two contents with their cue between them into one proposal of two fragments. */
  joinSplitContents: boolean;
}

export const DEFAULT_DECODER: DecoderOptions = {
  maxCueDistance: 12,
  maxSourceDistance: 6,
  snapToSentenceEnd: 0,
  snapToSentenceStart: 0,
  mergeGap: 0,
  joinSplitContents: true,
};

export interface ModelJson {
  format: typeof MODEL_FORMAT;
  formatVersion: typeof MODEL_FORMAT_VERSION;
  /** e.g. "attribution perceptron 2026-12 (PolNeAR train, seed 1)". */
  version: string;
  scale: number;
  /** Scores are divided by this before forward–backward, for confidences. */
  temperature: number;
  lexicon: Record<string, 1 | 2>;
  decoder: DecoderOptions;
  /** Feature names; both layers' weights are rows in this order. */
  features: string[];
  layers: { roles: LayerJson; content: LayerJson };
}

export interface Model {
  version: string;
  temperature: number;
  lexicon: CueLexicon;
  decoder: DecoderOptions;
  roles: Layer;
  content: Layer;
}

function layerFromJson(j: LayerJson, index: ReadonlyMap<string, number>, scale: number): Layer {
  const weights = new Float32Array(j.weights.length);
  for (let k = 0; k < weights.length; k++) weights[k] = j.weights[k]! / scale;
  return { labels: j.labels, index, weights, transitions: Float64Array.from(j.transitions, (w) => w / scale) };
}

export function modelFromJson(j: ModelJson): Model {
  const index = new Map<string, number>();
  j.features.forEach((f, i) => index.set(f, i));
  return {
    version: j.version,
    temperature: j.temperature,
    lexicon: new Map(Object.entries(j.lexicon)),
    decoder: { ...DEFAULT_DECODER, ...j.decoder },
    roles: layerFromJson(j.layers.roles, index, j.scale),
    content: layerFromJson(j.layers.content, index, j.scale),
  };
}
