/**
 * How Gantry's tools bundle a user's TypeScript (the dev server, `gantry invoke`, `gantry run`):
 * the user's own files are bundled, every package stays in node_modules, except Gantry itself
 * inside the Gantry repository, which is bundled from its TypeScript sources.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { Plugin } from 'esbuild';

/** The export condition under which Gantry's package.json points at its TypeScript sources. */
export const SOURCE_CONDITION = 'gantry-source';

/** The `name` of the nearest package.json at or above `dir`, if any. */
export function packageNameAt(dir: string): string | undefined {
  for (let at = dir; ; at = dirname(at)) {
    const file = join(at, 'package.json');
    if (existsSync(file)) {
      const { name } = JSON.parse(readFileSync(file, 'utf8')) as { name?: unknown };
      return typeof name === 'string' ? name : undefined;
    }
    if (dirname(at) === at) return undefined;
  }
}

/**
 * An esbuild plugin that leaves every bare import (`zod`, `gantry`, `node:fs`) to Node at run
 * time, except imports of `ownName` (the package being developed), which are bundled.
 *
 * @example
 * ```ts
 * await esbuild.build({ entryPoints: ['src/handler.ts'], bundle: true, plugins: [externalPackages(packageNameAt(cwd))] });
 * ```
 */
export function externalPackages(ownName: string | undefined): Plugin {
  return {
    name: 'gantry-external-packages',
    setup(build) {
      // A package's own `#imports` (Gantry's `#find-my-way`) may point at another package: that
      // one stays in node_modules too, imported by its own name.
      build.onResolve({ filter: /^#/ }, async (args) => {
        if (args.pluginData === INNER) return undefined;
        const resolved = await build.resolve(args.path, {
          kind: args.kind,
          importer: args.importer,
          resolveDir: args.resolveDir,
          pluginData: INNER,
        });
        const inPackage = /\/node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(resolved.path);
        if (resolved.errors.length > 0 || !inPackage) return undefined;
        return { path: inPackage[1], external: true };
      });
      build.onResolve({ filter: /^[^./#]/ }, (args) => {
        if (args.kind === 'entry-point') return undefined;
        const isOwn =
          ownName !== undefined && (args.path === ownName || args.path.startsWith(`${ownName}/`));
        // Absolute paths (/home/...) are files, not packages.
        if (isOwn || args.path.startsWith('/')) return undefined;
        return { path: args.path, external: true };
      });
    },
  };
}

/** Marks the plugin's own resolve calls. */
const INNER = Symbol('gantry-external-packages');

/** The esbuild target of the Node running this process: `node20`, `node22`... */
export function currentNodeTarget(): string {
  return `node${process.versions.node.split('.')[0]}`;
}

/**
 * esbuild, loaded when a tool needs it: an optional peer dependency, so a clear message when it
 * is missing.
 */
export async function loadEsbuild(purpose: string): Promise<typeof import('esbuild')> {
  try {
    return await import('esbuild');
  } catch (error) {
    if ((error as { code?: string }).code !== 'ERR_MODULE_NOT_FOUND') throw error;
    throw new Error(`esbuild is needed ${purpose}: npm install --save-dev esbuild`);
  }
}
