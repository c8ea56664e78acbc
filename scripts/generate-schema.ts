/**
 * Writes schema/newsmark-v1.schema.json from the zod schema of the export, so the
 * published JSON Schema never drifts from what the app writes and reads.
 *   npx tsx scripts/generate-schema.ts          write it
 *   npx tsx scripts/generate-schema.ts --check  exit 1 if the committed file is stale
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { newsmarkJsonSchema } from '../shared/formats/newsmark-json';

export const SCHEMA_PATH = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../schema/newsmark-v1.schema.json');

export function schemaText(): string {
  return `${JSON.stringify(newsmarkJsonSchema(), null, 2)}\n`;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  if (process.argv.includes('--check')) {
    const current = fs.existsSync(SCHEMA_PATH) ? fs.readFileSync(SCHEMA_PATH, 'utf8') : '';
    if (current !== schemaText()) {
      console.error(`${path.relative(process.cwd(), SCHEMA_PATH)} is out of date: run npx tsx scripts/generate-schema.ts`);
      process.exit(1);
    }
  } else {
    fs.writeFileSync(SCHEMA_PATH, schemaText());
    console.log(`wrote ${path.relative(process.cwd(), SCHEMA_PATH)}`);
  }
}
