#!/usr/bin/env node
// The command line runs the TypeScript sources directly through tsx's ESM loader. tsx is a
// development dependency (the packaged app does not carry it or the CLI), so the command
// runs from a checkout with `npm install` done.
let register;
try {
  ({ register } = await import('tsx/esm/api'));
} catch (error) {
  if (error?.code !== 'ERR_MODULE_NOT_FOUND') throw error;
  console.error('newsmark: the command line runs from a Newsmark checkout and needs its development dependencies (tsx). Run `npm install` in the checkout (not `npm install --omit=dev`).');
  process.exit(2);
}

register();
const { main } = await import('../cli/main.ts');
process.exitCode = await main(process.argv.slice(2));
