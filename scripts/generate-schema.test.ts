import fs from 'node:fs';
import { Ajv2020 } from 'ajv/dist/2020';
import { describe, expect, it } from 'vitest';
import { textHash } from '../shared/hash';
import { toNewsmarkExport } from '../shared/formats/newsmark-json';
import { SCHEMA_PATH, schemaText } from './generate-schema';

describe('schema/newsmark-v1.schema.json', () => {
  it('is what scripts/generate-schema.ts generates (run it after changing the zod schema)', () => {
    expect(fs.readFileSync(SCHEMA_PATH, 'utf8')).toBe(schemaText());
  });

  it('accepts a real export and rejects a broken one', async () => {
    const text = 'He said “yes.” 😀';
    const now = '2025-12-01T00:00:00Z';
    const data = toNewsmarkExport(
      { id: 'a', title: 'T', text, source: { url: 'https://example.com' }, textHash: await textHash(text), createdAt: now, updatedAt: now },
      [{ id: 'q', tag: 'quote', spans: [{ start: 8, end: 14 }], note: '', links: [], author: { id: 'u', name: 'U' }, createdAt: now, updatedAt: now }],
      { exporter: { name: 'Newsmark', version: '0.1.0' }, now, includeText: true },
    );
    const validate = new Ajv2020({ strict: false }).compile(JSON.parse(fs.readFileSync(SCHEMA_PATH, 'utf8')));
    expect(validate(data)).toBe(true);
    expect(validate({ ...data, annotations: [{ ...data.annotations[0], tag: 'opinion' }] })).toBe(false);
  });
});
