#!/usr/bin/env node
// The `gantry` CLI run from this repository's TypeScript sources (`npm run gantry -- <command>`,
// `npm run dev`, the cdktf app): cli/bin.ts bundled with esbuild, Gantry itself from its sources,
// every other package from node_modules. Users run the built one, dist/cli/bin.js.
import { mkdirSync, rmSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import * as esbuild from 'esbuild';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const outdir = join(root, '.gantry/cli-bin');
const outfile = join(outdir, `${process.pid}.mjs`);
mkdirSync(outdir, { recursive: true });
await esbuild.build({
  entryPoints: [join(root, 'cli/bin.ts')],
  outfile,
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  sourcemap: 'inline',
  conditions: ['gantry-source'],
  packages: 'external',
  logLevel: 'warning',
});
// `npm run gantry -- <command> <path>`: paths are relative to where it was typed (INIT_CWD).
if (process.env.npm_lifecycle_event === 'gantry' && process.env.INIT_CWD)
  process.chdir(process.env.INIT_CWD);
process.on('exit', () => rmSync(outfile, { force: true }));
await import(pathToFileURL(outfile).href);
