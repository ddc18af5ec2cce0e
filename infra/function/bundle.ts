/**
 * Bundles a Gantry handler for Lambda at synth time: one minified ESM module with its source map,
 * everything it imports included, and a chunk per module it loads on demand (`import()`), built
 * with the settings the benchmarks use.
 */
import { existsSync, mkdirSync, readdirSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { type BuildOptions, buildSync, formatMessagesSync, type Message } from 'esbuild';

/**
 * The esbuild settings of a Lambda bundle (Node 22 runtime): what `GantryFunction` and
 * `gantry build` use, one definition.
 *
 * @example
 * ```ts
 * import { build } from 'esbuild';
 * import { BUNDLE_SETTINGS } from 'gantry/infra';
 *
 * await build({ ...BUNDLE_SETTINGS, entryPoints: { index: 'src/handler.ts' }, outdir: 'dist/lambda' });
 * ```
 */
export const BUNDLE_SETTINGS: BuildOptions = {
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node22',
  minify: true,
  sourcemap: true,
  // Resolve `gantry` to its TypeScript sources (shipped in the package, and in this repository).
  conditions: ['gantry-source'],
  // CommonJS dependencies (aws-xray-sdk-core) call require() for Node built-ins.
  banner: {
    js: "import { createRequire as __gantryCreateRequire } from 'node:module'; const require = __gantryCreateRequire(import.meta.url);",
  },
  legalComments: 'none',
  logLevel: 'warning',
  // What a handler loads with import() (the X-Ray Tracer, only when tracing is on) goes to a chunk
  // of its own: inlined, its Node built-in imports (http, https, tls) would load at every cold start.
  splitting: true,
  chunkNames: 'chunks/[name]-[hash]',
  outExtension: { '.js': '.mjs' },
};

/** What a bundle directory holds: the handler module, its source map, the on-demand chunks. */
const BUNDLE_FILES = ['index.mjs', 'index.mjs.map', 'chunks'];

/**
 * Bundles `entry` (a module exporting `handler`) into `outdir/index.mjs` (+ `index.mjs.map`, and
 * `chunks/` for what it imports on demand), so the Lambda handler setting is `index.handler`. `outdir` is zipped whole into the function,
 * so it must hold nothing else: a directory with other files is refused, never emptied.
 *
 * @example
 * ```ts
 * const dir = bundleHandler('examples/items/handler.ts', '.gantry/bundles/items');
 * ```
 */
export function bundleHandler(entry: string, outdir: string): string {
  const dir = resolve(outdir);
  if (existsSync(dir)) {
    const others = readdirSync(dir).filter((name) => !BUNDLE_FILES.includes(name));
    if (others.length > 0) {
      throw new Error(
        `The bundle directory ${dir} holds other files (${others.slice(0, 3).join(', ')}): give each function a directory of its own`,
      );
    }
    for (const name of BUNDLE_FILES) rmSync(join(dir, name), { recursive: true, force: true });
  }
  mkdirSync(dir, { recursive: true });
  try {
    // Silent: a failure is thrown with esbuild's messages in it, once, for the caller to report.
    const result = buildSync({
      ...BUNDLE_SETTINGS,
      logLevel: 'silent',
      entryPoints: { index: resolve(entry) },
      outdir: dir,
    });
    for (const warning of formatMessagesSync(result.warnings, { kind: 'warning' }))
      console.warn(warning);
  } catch (error) {
    const errors = (error as { errors?: Message[] }).errors;
    if (!errors?.length) throw error;
    const text = formatMessagesSync(errors, { kind: 'error', color: false }).join('\n');
    // esbuild's own failure stays as the cause: its messages, structured, for tools to read.
    throw new Error(`Cannot bundle ${entry}:\n${text}`, { cause: error });
  }
  return dir;
}
