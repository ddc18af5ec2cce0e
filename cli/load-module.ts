/**
 * Loads a user's TypeScript (or JavaScript) module the way Gantry bundles handlers: esbuild, the
 * user's files bundled and their decorators lowered, every package left in node_modules.
 */
import { existsSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  currentNodeTarget,
  externalPackages,
  loadEsbuild,
  packageNameAt,
  SOURCE_CONDITION,
} from '../runtime/dev/esbuild-options.js';
import type { LambdaHandler } from '../runtime/dev/local-runtime.js';
import { buildErrorLine, type EsbuildMessage } from './build-failure.js';
import { CliError, EXIT } from './command.js';

/**
 * The export condition under which Gantry's package.json points at its TypeScript sources: a
 * handler in the Gantry repository is bundled with Gantry from them.
 */
export { SOURCE_CONDITION };

let loads = 0;

/**
 * Bundles `file` into `<cwd>/.gantry/cli/` (so that Node finds the project's node_modules from
 * there), imports it and deletes the bundle.
 *
 * @example
 * ```ts
 * const module = await loadModule('src/handler.ts', { cwd: process.cwd() });
 * ```
 */
export async function loadModule(
  file: string,
  { cwd }: { cwd: string },
): Promise<Record<string, unknown>> {
  const entry = resolve(cwd, file);
  if (!existsSync(entry)) throw new CliError(`no such file: ${entry}`);
  let esbuild: Awaited<ReturnType<typeof loadEsbuild>>;
  try {
    esbuild = await loadEsbuild(`to load ${file}`);
  } catch (error) {
    throw new CliError((error as Error).message);
  }
  // esbuild makes the directory when it writes the bundle: a failed build leaves nothing behind.
  const outfile = join(resolve(cwd), '.gantry/cli', `${process.pid}-${++loads}.mjs`);
  try {
    await esbuild.build({
      entryPoints: [entry],
      outfile,
      // File names in esbuild's messages are relative to the directory the command was typed in.
      absWorkingDir: resolve(cwd),
      bundle: true,
      platform: 'node',
      format: 'esm',
      target: currentNodeTarget(),
      sourcemap: 'inline',
      conditions: [SOURCE_CONDITION],
      plugins: [externalPackages(packageNameAt(cwd))],
      logLevel: 'silent',
    });
  } catch (error) {
    throw new CliError(buildFailure(error, cwd), EXIT.failed);
  }
  try {
    return (await import(pathToFileURL(outfile).href)) as Record<string, unknown>;
  } finally {
    rmSync(outfile, { force: true });
  }
}

/** esbuild's first error, as `file:line:col: text`. */
function buildFailure(error: unknown, cwd: string): string {
  const errors = (error as { errors?: EsbuildMessage[] }).errors;
  if (!errors?.length) return `build failed: ${(error as Error).message}`;
  return buildErrorLine(errors, cwd);
}

/**
 * The handler `file` exports (as `exportName`, default `handler`).
 *
 * @example
 * ```ts
 * const handler = await loadHandler('src/handler.ts', { cwd: process.cwd() });
 * ```
 */
export async function loadHandler(
  file: string,
  { cwd, exportName = 'handler' }: { cwd: string; exportName?: string },
): Promise<LambdaHandler> {
  const loaded = await loadModule(file, { cwd });
  const handler = loaded[exportName];
  if (handler === undefined) {
    const names = Object.keys(loaded);
    throw new CliError(
      `${file} has no "${exportName}" export (it exports: ${names.length > 0 ? names.join(', ') : 'nothing'})`,
    );
  }
  if (typeof handler !== 'function')
    throw new CliError(
      `${file}'s "${exportName}" export is not a function (it is ${typeof handler})`,
    );
  return handler as LambdaHandler;
}
