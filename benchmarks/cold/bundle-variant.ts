/**
 * A variant's Lambda bundle, built as the infra builds a function's (`BUNDLE_SETTINGS`), and its
 * size minified and gzip-compressed.
 */
import { mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { buildSync } from 'esbuild';
import { BUNDLE_SETTINGS } from '../../infra/function/bundle.js';
import type { Variant } from '../apps/index.js';
import type { BundleRow } from '../report/results.js';

/** Left out of a bundle that imports it: the Lambda Node.js runtime ships the AWS SDK v3. */
const AWS_SDK = '@aws-sdk/*';

/** A built bundle: where it is, and its row of the bundle table. */
export interface VariantBundle {
  readonly file: string;
  readonly row: BundleRow;
}

function build(entry: string, outdir: string, external: string[]): void {
  buildSync({
    ...BUNDLE_SETTINGS,
    entryPoints: { index: entry },
    outdir,
    external,
    logLevel: 'silent',
  });
}

/** The code files of a bundle (`index.mjs` and any on-demand chunks), source maps left out. */
function codeFiles(dir: string): Buffer[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((name) => name.endsWith('.mjs'))
    .sort()
    .map((name) => readFileSync(join(dir, name)));
}

/**
 * Bundles `variant` (its module under `root`, the repository) into `outRoot/<variant>/index.mjs`. A variant that imports the AWS SDK (which
 * is not installed here) is bundled again with `external: ['@aws-sdk/*']`, as the Lambda runtime
 * provides it, and the row says so.
 *
 * @example
 * ```ts
 * const { file, row } = bundleVariant(hono, process.cwd(), '.gantry/bench/quick/cold');
 * row.gzipBytes; // 9969
 * ```
 */
export function bundleVariant(variant: Variant, root: string, outRoot: string): VariantBundle {
  // From `module`, not `file`: `file` is resolved against the module that declares it, which is
  // somewhere else once the harness is bundled.
  const entry = join(root, variant.module);
  const dir = join(outRoot, variant.name);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const file = join(dir, 'index.mjs');
  let external: string[] = [];
  let externalReason: string | undefined;
  try {
    build(entry, dir, external);
  } catch (error) {
    const missing = /Could not resolve "(@aws-sdk\/[^"]+)"/.exec((error as Error).message);
    if (!missing)
      throw new Error(`cold: bundling ${variant.name} failed: ${(error as Error).message}`);
    external = [AWS_SDK];
    externalReason = `imports ${missing[1]} (the Lambda Node.js runtime provides the AWS SDK v3)`;
    build(entry, dir, external);
  }
  const files = codeFiles(dir);
  return {
    file,
    row: {
      variant: variant.name,
      bytes: files.reduce((sum, code) => sum + code.length, 0),
      gzipBytes: files.reduce((sum, code) => sum + gzipSync(code).length, 0),
      external,
      ...(externalReason ? { externalReason } : {}),
    },
  };
}
