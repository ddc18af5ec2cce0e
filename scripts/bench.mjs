#!/usr/bin/env node
// `npm run bench [-- --quick | --smoke] [--only <sections>] [--out <dir>]`: bundles the TypeScript
// benchmark harness (benchmarks/) with esbuild into .gantry/bench/<profile> and runs it. A complete
// full run writes benchmarks/results/latest.{md,json,svg}; quick, smoke and --only runs write
// .gantry/bench-results/<profile> (or <dir>); progress goes to stderr, the summary to stdout.
import { readFileSync, rmSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import * as esbuild from 'esbuild';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
// One directory per profile: the test's smoke run never deletes a full run's workers (nor an
// --only run those of a whole run).
const profile = process.argv.includes('--smoke')
  ? 'smoke'
  : process.argv.includes('--quick')
    ? 'quick'
    : 'full';
const outdir = join(
  root,
  '.gantry/bench',
  process.argv.includes('--only') ? `${profile}-only` : profile,
);
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
// Dependencies stay in node_modules, each loaded only by the worker that needs it; `gantry`
// itself (a self-reference, not a dependency) is bundled from its sources.
const external = Object.keys({ ...pkg.dependencies, ...pkg.devDependencies }).flatMap((name) => [
  name,
  `${name}/*`,
]);
const common = {
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  conditions: ['gantry-source'],
  external,
  outExtension: { '.js': '.mjs' },
  logLevel: 'warning',
};

rmSync(outdir, { recursive: true, force: true });
await esbuild.build({
  ...common,
  entryPoints: {
    bench: join(root, 'benchmarks/bench.ts'),
    'warm-worker': join(root, 'benchmarks/warm/warm-worker.ts'),
    'scaling-worker': join(root, 'benchmarks/scaling/scaling-worker.ts'),
    'soak-worker': join(root, 'benchmarks/soak/soak-worker.ts'),
    'concurrency-worker': join(root, 'benchmarks/concurrency/concurrency-worker.ts'),
  },
  outdir,
  // Each variant's module becomes a chunk of its own: a worker loads only its variant's peers.
  splitting: true,
  // CommonJS code bundled into ESM calls require() for Node built-ins.
  banner: {
    js: "import { createRequire as __gantryCreateRequire } from 'node:module'; const require = __gantryCreateRequire(import.meta.url);",
  },
});
// The cold-start runner: alone, with nothing to load but the handler it times.
await esbuild.build({
  ...common,
  entryPoints: { 'cold-runner': join(root, 'benchmarks/cold/cold-runner.ts') },
  outdir,
});

await import(pathToFileURL(join(outdir, 'bench.mjs')).href);
