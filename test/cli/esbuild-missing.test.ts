/**
 * Without esbuild (an optional peer dependency), the commands that need it say how to install
 * it, on one line. The CLI runs as an executable: cli/bin.ts bundled with everything but esbuild,
 * from a directory where no node_modules holds it.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SOURCE_CONDITION } from '../../cli/load-module.js';
import { expectOneLine, ROOT } from './support.js';

const HANDLER = join(ROOT, 'examples/items/handler.ts');
let dir: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'gantry-no-esbuild-'));
  await build({
    entryPoints: [join(ROOT, 'cli/bin.ts')],
    outdir: dir,
    bundle: true,
    // What the commands load on demand (the bundler, which imports esbuild) stays in chunks.
    splitting: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    conditions: [SOURCE_CONDITION],
    external: ['esbuild'],
    outExtension: { '.js': '.mjs' },
    banner: {
      js: "import { createRequire as gantryRequire } from 'node:module'; const require = gantryRequire(import.meta.url);",
    },
    logLevel: 'warning',
  });
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const gantry = (...args: string[]) =>
  spawnSync(process.execPath, [join(dir, 'bin.mjs'), ...args], { cwd: dir, encoding: 'utf8' });

describe('without esbuild', () => {
  it.each([
    ['routes', 'load'],
    ['invoke', 'load'],
    ['build', 'build'],
  ])('gantry %s says to install it (exit 2)', (command, purpose) => {
    const ran = gantry(command, HANDLER);

    expect(ran.status).toBe(2);
    expect(ran.stdout).toBe('');
    expectOneLine(
      ran.stderr,
      new RegExp(
        `^gantry ${command}: esbuild is needed to ${purpose} .*examples/items/handler\\.ts: npm install --save-dev esbuild$`,
      ),
    );
  });

  it('says on one line that it cannot tell its version without its package.json', () => {
    const ran = gantry('--version');

    expect(ran.status).toBe(1);
    expectOneLine(
      ran.stderr,
      /^gantry: cannot tell the version: no package\.json of gantry above /,
    );
  });
});
