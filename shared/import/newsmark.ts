import { jsonSyntaxProblem } from '../formats/json-safety';
import { NEWSMARK_FORMAT } from '../formats/newsmark-json';
import { MAX_TEXT_LENGTH } from '../model/types';
import { ImportError } from './errors';

/**
 * Recognise a Newsmark export among JSON files. Only what the import needs to decide is
 * checked here (it is JSON, it says `"format": "newsmark"`, it carries the article text);
 * validating the export itself is the Newsmark JSON parser's job (shared/formats/).
 */
export function recogniseNewsmarkExport(file: string, json: string): { format: typeof NEWSMARK_FORMAT; article: { text: string } } {
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch (error) {
    const at = jsonSyntaxProblem(json, error);
    throw new ImportError(file, 'invalid-json', `this is not valid JSON (${at.where}: ${at.message.replace(/^invalid JSON: /, '')}).`);
  }
  const format = isObject(value) ? value.format : undefined;
  if (format !== NEWSMARK_FORMAT) {
    const found = typeof format === 'string' ? `its "format" is ${JSON.stringify(format.slice(0, 40))}` : 'it has no "format": "newsmark"';
    throw new ImportError(file, 'not-newsmark', `this JSON file is not a Newsmark export (${found}).`);
  }
  const article = (value as Record<string, unknown>).article;
  const text = isObject(article) ? article.text : undefined;
  if (typeof text !== 'string') {
    throw new ImportError(file, 'no-text', 'this Newsmark export was saved without the article text, so the article cannot be restored from it; export it again with the text included.');
  }
  if (text.length > MAX_TEXT_LENGTH) {
    throw new ImportError(file, 'too-large', `the article in this export has ${text.length.toLocaleString('en-US')} characters of text; Newsmark takes articles of up to 5 MB (${MAX_TEXT_LENGTH.toLocaleString('en-US')} characters).`);
  }
  return value as { format: typeof NEWSMARK_FORMAT; article: { text: string } };
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
