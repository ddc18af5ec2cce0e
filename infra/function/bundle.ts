/**
 * Bundles a Gantry handler for Lambda at synth time: one minified ESM file with its source map,
 * everything it imports included, built with the settings the benchmarks use.
 */
import { mkdirSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { type BuildOptions, buildSync } from 'esbuild';

/** The esbuild settings of a Lambda bundle (Node 22 runtime). */
export const BUNDLE_SETTINGS: BuildOptions = {
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node22',
  minify: true,
  sourcemap: true,
  // Resolve `gantry` to its sources when bundling from this repository.
  conditions: ['source'],
  // CommonJS dependencies (aws-xray-sdk-core) call require() for Node built-ins.
  banner: {
    js: "import { createRequire } from 'node:module'; const require = createRequire(import.meta.url);",
  },
  legalComments: 'none',
  logLevel: 'warning',
};

/**
 * Bundles `entry` (a module exporting `handler`) into `outdir/index.mjs` (+ `index.mjs.map`),
 * so the Lambda handler setting is `index.handler`.
 *
 * @example
 * ```ts
 * const dir = bundleHandler('examples/items/handler.ts', '.gantry/bundles/items');
 * ```
 */
export function bundleHandler(entry: string, outdir: string): string {
  const dir = resolve(outdir);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  buildSync({ ...BUNDLE_SETTINGS, entryPoints: [resolve(entry)], outfile: join(dir, 'index.mjs') });
  return dir;
}
