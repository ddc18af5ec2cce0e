#!/usr/bin/env node
// The `app` of cdktf.json: bundles infra/main.ts (TypeScript, importing the runtime's constants
// from its sources) with esbuild and runs it. cdktf-cli runs this for `synth` and `deploy`.
import { readFileSync, rmSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import * as esbuild from 'esbuild';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const pkg = JSON.parse(readFileSync(resolve(root, 'package.json'), 'utf8'));
const entry = resolve(root, process.env.GANTRY_INFRA_APP ?? 'infra/main.ts');
const outfile = resolve(root, '.gantry/infra', `${process.pid}.mjs`);

await esbuild.build({
  entryPoints: [entry],
  outfile,
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  conditions: ['source'],
  // Dependencies load from node_modules; 'gantry' itself is bundled from runtime/.
  external: [...Object.keys(pkg.dependencies ?? {}), ...Object.keys(pkg.devDependencies ?? {})],
  logLevel: 'warning',
});
process.chdir(root);
try {
  await import(pathToFileURL(outfile).href);
} finally {
  // One build per run: do not leave it behind.
  rmSync(outfile, { force: true });
}
