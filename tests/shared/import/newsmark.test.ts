import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ImportError } from '../../../shared/import/errors';
import { recogniseNewsmarkExport } from '../../../shared/import/newsmark';

const fixture = (name: string) => fs.readFileSync(path.resolve(__dirname, '../../../fixtures/import', name), 'utf8');

function refusal(json: string): ImportError {
  try {
    recogniseNewsmarkExport('f.json', json);
  } catch (error) {
    if (error instanceof ImportError) return error;
    throw error;
  }
  throw new Error('expected an ImportError');
}

describe('recogniseNewsmarkExport', () => {
  it('hands back an export that carries the article text', () => {
    const value = recogniseNewsmarkExport('export.json', fixture('newsmark-export.json'));
    expect(value.format).toBe('newsmark');
    expect(value.article.text).toBe(fs.readFileSync(path.resolve(__dirname, '../../../resources/sample/venezuela-maduro-call.txt'), 'utf8'));
  });

  it('refuses JSON that is not a Newsmark export, saying what it found', () => {
    expect(refusal(fixture('web-annotation.json'))).toMatchObject({ code: 'not-newsmark', message: 'f.json: this JSON file is not a Newsmark export (it has no "format": "newsmark").' });
    expect(refusal('{"format":"brat"}').message).toBe('f.json: this JSON file is not a Newsmark export (its "format" is "brat").');
    expect(refusal('[1,2]').code).toBe('not-newsmark');
  });

  it('refuses text that does not parse as JSON', () => {
    const error = refusal('{"format": "newsmark",');
    expect(error.code).toBe('invalid-json');
    expect(error.message).toMatch(/^f\.json: this is not valid JSON \(.+\)\.$/);
  });

  it('refuses an export saved without the article text', () => {
    expect(refusal(fixture('newsmark-export-no-text.json'))).toMatchObject({
      code: 'no-text',
      message: 'f.json: this Newsmark export was saved without the article text, so the article cannot be restored from it; export it again with the text included.',
    });
  });
});
