#!/usr/bin/env node
// `npm run build`: the published package. dist/{runtime,infra,cli}/**/*.js (ESM, node20, one file
// per module, as written) with .d.ts files, and dist/vendor/find-my-way.js: find-my-way and its
// dependencies bundled into one ES module whose `require()` of Node built-ins works, so that a user
// who bundles a Gantry handler with plain esbuild never meets `Dynamic require of "node:assert"`.
import { execFileSync } from 'node:child_process';
import { chmodSync, existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const outdir = join(root, 'dist');
/** The package's source folders, and what in them is not part of the package. */
const PARTS = ['runtime', 'infra', 'cli'];
const NOT_SHIPPED = new Set(['infra/main.ts']);

const sources = PARTS.flatMap((part) =>
  readdirSync(join(root, part), { recursive: true })
    .map((file) => join(part, file))
    .filter((file) => file.endsWith('.ts') && !NOT_SHIPPED.has(file)),
);

rmSync(outdir, { recursive: true, force: true });
await esbuild.build({
  entryPoints: sources.map((file) => join(root, file)),
  outdir,
  outbase: root,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  sourcemap: true,
  logLevel: 'warning',
});
const vendored = await esbuild.build({
  entryPoints: { 'vendor/find-my-way': 'find-my-way' },
  metafile: true,
  outdir,
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  // esbuild turns the CommonJS `require('node:assert')` into a call of `require` when one is in
  // scope: this one, local to the module (a bundler that bundles this file leaves it alone).
  banner: {
    js: "import { createRequire as __gantryCreateRequire } from 'node:module';\nconst require = __gantryCreateRequire(import.meta.url);",
  },
  legalComments: 'eof',
  logLevel: 'warning',
});
writeFileSync(join(outdir, 'vendor/find-my-way.LICENSES.txt'), licensesOf(vendored.metafile));
chmodSync(join(outdir, 'cli/bin.js'), 0o755);
execFileSync(
  process.execPath,
  [join(root, 'node_modules/typescript/bin/tsc'), '-p', join(root, 'tsconfig.build.json')],
  { stdio: 'inherit' },
);
console.error(`gantry build: ${sources.length} modules and the vendored router written to dist/`);

/** The licence of every package bundled into the vendored file, as their MIT licences ask. */
function licensesOf(metafile) {
  const packages = new Set();
  for (const input of Object.keys(metafile.inputs)) {
    const match = /node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(input);
    if (match) packages.add(match[1]);
  }
  return [...packages]
    .sort()
    .map((name) => {
      const dir = join(root, 'node_modules', name);
      const file = ['LICENSE', 'LICENSE.md', 'license', 'LICENSE.txt'].find((candidate) =>
        existsSync(join(dir, candidate)),
      );
      if (!file) throw new Error(`gantry build: ${name} is bundled but has no LICENSE file`);
      const { version } = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
      return `${name}@${version}\n\n${readFileSync(join(dir, file), 'utf8').trim()}\n`;
    })
    .join('\n---\n\n');
}
