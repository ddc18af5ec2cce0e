#!/usr/bin/env node
// `npm run build`: the published package, dist/runtime/**/*.js (ESM, node20) and .d.ts files.
import { execFileSync } from 'node:child_process';
import { readdirSync, rmSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const outdir = join(root, 'dist');
const sources = readdirSync(join(root, 'runtime'), { recursive: true })
  .filter((file) => file.endsWith('.ts'))
  .map((file) => join(root, 'runtime', file));

rmSync(outdir, { recursive: true, force: true });
await esbuild.build({
  entryPoints: sources,
  outdir: join(outdir, 'runtime'),
  outbase: join(root, 'runtime'),
  platform: 'node',
  format: 'esm',
  target: 'node20',
  sourcemap: true,
  logLevel: 'warning',
});
execFileSync(
  process.execPath,
  [join(root, 'node_modules/typescript/bin/tsc'), '-p', join(root, 'tsconfig.build.json')],
  {
    stdio: 'inherit',
  },
);
console.error(`gantry build: ${sources.length} modules written to dist/`);
