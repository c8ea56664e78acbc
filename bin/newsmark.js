#!/usr/bin/env node
// The command line runs the TypeScript sources directly through tsx's ESM loader.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../cli/main.ts');
process.exitCode = await main(process.argv.slice(2));
