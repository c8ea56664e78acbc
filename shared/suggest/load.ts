/**
 * loadSuggester(json): the model file (its text, or the parsed value) to a Suggester. A
 * missing piece or a wrong value is an error value that names the JSON path, never a throw,
 * so suggestions can be unavailable while the rest of the app runs on.
 */
import { MODEL_FORMAT, MODEL_FORMAT_VERSION, modelFromJson, type LayerJson, type ModelJson } from './model';
import { propose } from './suggest';
import type { LoadResult, Suggester } from './types';

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isIntArray = (v: unknown, n?: number): v is number[] => Array.isArray(v) && (n === undefined || v.length === n) && v.every((x) => Number.isInteger(x));

function checkLayer(v: unknown, path: string, rows: number): string | undefined {
  if (!isObject(v)) return `${path}: expected an object`;
  const labels = v.labels;
  if (!Array.isArray(labels) || labels.length < 1 || labels[0] !== 'O' || !labels.every((l) => typeof l === 'string' && (l === 'O' || /^[BI]-\w+$/.test(l)))) return `${path}.labels: expected ["O", "B-x", "I-x", …]`;
  const L = labels.length;
  if (!isIntArray(v.transitions, (L + 1) * L)) return `${path}.transitions: expected ${(L + 1) * L} integers`;
  const w = v.weights;
  if (!Array.isArray(w) || w.length !== rows * L) return `${path}.weights: expected ${rows} × ${L} integers (one row per feature)`;
  for (let k = 0; k < w.length; k++) if (!Number.isInteger(w[k])) return `${path}.weights[${k}]: expected an integer`;
  return undefined;
}

function check(v: unknown): string | undefined {
  if (!isObject(v)) return 'expected a JSON object';
  if (v.format !== MODEL_FORMAT) return `format: expected "${MODEL_FORMAT}"`;
  if (v.formatVersion !== MODEL_FORMAT_VERSION) return `formatVersion: expected ${MODEL_FORMAT_VERSION}, found ${JSON.stringify(v.formatVersion)}`;
  if (typeof v.version !== 'string' || !v.version) return 'version: expected a non-empty string';
  if (typeof v.scale !== 'number' || !(v.scale > 0)) return 'scale: expected a positive number';
  if (typeof v.temperature !== 'number' || !(v.temperature > 0)) return 'temperature: expected a positive number';
  if (!isObject(v.lexicon) || !Object.values(v.lexicon).every((t) => t === 1 || t === 2)) return 'lexicon: expected an object of word → 1 or 2';
  if (!isObject(v.decoder)) return 'decoder: expected an object';
  for (const k of ['maxCueDistance', 'maxSourceDistance', 'snapToSentenceEnd', 'snapToSentenceStart', 'mergeGap']) {
    if (typeof v.decoder[k] !== 'number' || !(v.decoder[k] >= 0)) return `decoder.${k}: expected a number ≥ 0`;
  }
  if (typeof v.decoder.joinSplitContents !== 'boolean') return 'decoder.joinSplitContents: expected true or false';
  if (!Array.isArray(v.features) || !v.features.every((f) => typeof f === 'string')) return 'features: expected an array of feature names';
  if (!isObject(v.layers)) return 'layers: expected an object';
  const roles = checkLayer(v.layers.roles, 'layers.roles', v.features.length);
  if (roles) return roles;
  const content = checkLayer(v.layers.content, 'layers.content', v.features.length);
  if (content) return content;
  const rl = (v.layers.roles as LayerJson).labels.join(' ');
  const cl = (v.layers.content as LayerJson).labels.join(' ');
  if (rl !== 'O B-S I-S B-C I-C') return 'layers.roles.labels: expected O B-S I-S B-C I-C';
  if (cl !== 'O B-T I-T') return 'layers.content.labels: expected O B-T I-T';
  return undefined;
}

export function loadSuggester(json: unknown): LoadResult {
  let value = json;
  if (typeof json === 'string') {
    try {
      value = JSON.parse(json);
    } catch (e) {
      return { ok: false, error: `the model file is not valid JSON (${e instanceof Error ? e.message : String(e)})` };
    }
  }
  const problem = check(value);
  if (problem) return { ok: false, error: `the model file is not a Newsmark attribution model: ${problem}` };
  const model = modelFromJson(value as ModelJson);
  const suggester: Suggester = {
    version: model.version,
    suggest(text, options) {
      if (typeof text !== 'string' || text.length === 0) return [];
      return propose(model, text, options);
    },
  };
  return { ok: true, suggester };
}
