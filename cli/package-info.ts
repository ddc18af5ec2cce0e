/**
 * Gantry's own package.json, found from the running CLI (dist/cli/... in the package, cli/... in
 * the repository), and the folders shipped beside it.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** What the CLI reads of Gantry's package.json. */
export interface GantryPackage {
  /** The directory holding Gantry's package.json. */
  root: string;
  name: string;
  version: string;
  devDependencies: Record<string, string>;
}

/**
 * Gantry's package.json: the nearest one named `gantry` above this module.
 *
 * @example
 * ```ts
 * const { version } = gantryPackage();
 * ```
 */
export function gantryPackage(from: string = fileURLToPath(import.meta.url)): GantryPackage {
  for (let at = dirname(from); ; at = dirname(at)) {
    const file = join(at, 'package.json');
    if (existsSync(file)) {
      const pkg = JSON.parse(readFileSync(file, 'utf8')) as Partial<GantryPackage>;
      if (pkg.name === 'gantry')
        return {
          root: at,
          name: pkg.name,
          version: pkg.version ?? '0.0.0',
          devDependencies: pkg.devDependencies ?? {},
        };
    }
    if (dirname(at) === at) throw new Error(`no package.json of gantry above ${from}`);
  }
}
