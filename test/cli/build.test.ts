/**
 * `gantry build`: the Lambda bundle with the infra's own settings, what it wrote, and how to set
 * up the function; a compile error on one line.
 */
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildErrorLine } from '../../cli/build-failure.js';
import { captureOutput } from '../support/output.js';
import { expectOneLine, fixture, gantry } from './support.js';

describe('gantry build', () => {
  captureOutput();
  const made: string[] = [];
  const outdir = () => {
    const dir = mkdtempSync(join(tmpdir(), 'gantry-cli-build-'));
    made.push(dir);
    return dir;
  };
  afterAll(() => {
    for (const dir of made) rmSync(dir, { recursive: true, force: true });
  });

  it('writes the bundle, each file with its minified and gzip sizes, and the Lambda settings', async () => {
    const dir = outdir();

    const result = await gantry(['build', 'examples/items/handler.ts', '--outdir', dir]);

    expect(result.code).toBe(0);
    const lines = result.stdout.trimEnd().split('\n');
    expect(lines[0]).toBe(`Built examples/items/handler.ts into ${dir}:`);
    expect(lines[1]).toMatch(/^ {2}FILE +MINIFIED +GZIP$/);
    expect(result.stdout).toMatch(/^ {2}index\.mjs +[\d.]+ KiB +[\d.]+ KiB$/m);
    expect(result.stdout).toMatch(/^ {2}index\.mjs\.map +[\d.]+ KiB +[\d.]+ KiB$/m);
    expect(result.stdout).toMatch(/^ {2}chunks\/\S+\.mjs +[\d.]+ KiB +[\d.]+ KiB$/m);
    expect(lines.at(-1)).toBe('Lambda: handler index.handler, runtime nodejs22.x');
    expect(readdirSync(dir).sort()).toEqual(['chunks', 'index.mjs', 'index.mjs.map']);
  });

  it('writes into dist/lambda below the cwd by default, and names it relative to it', async () => {
    const cwd = outdir();
    writeFileSync(
      join(cwd, 'handler.ts'),
      'export const handler = async () => ({ statusCode: 204 });\n',
    );

    const result = await gantry(['build', 'handler.ts'], '', cwd);

    expect(result.code).toBe(0);
    expect(result.stdout.split('\n')[0]).toBe('Built handler.ts into dist/lambda:');
    expect(readdirSync(join(cwd, 'dist/lambda'))).toContain('index.mjs');
  });

  it.each([
    [
      [fixture('broken.ts')],
      1,
      /^gantry build: test\/cli\/fixtures\/broken\.ts:2:39: Unexpected ";"$/,
    ],
    [['nope.ts'], 2, /^gantry build: no such file: .*nope\.ts$/],
  ])('refuses %j with exit %i, on one line', async (args, code, pattern) => {
    const result = await gantry(['build', ...args, '--outdir', outdir()]);

    expect(result.code).toBe(code);
    expect(result.stdout).toBe('');
    expectOneLine(result.stderr, pattern);
  });

  it('refuses a directory that holds other files, and leaves them', async () => {
    const dir = outdir();
    writeFileSync(join(dir, 'notes.txt'), 'mine');

    const result = await gantry(['build', 'examples/items/handler.ts', '-o', dir]);

    expect(result.code).toBe(1);
    expectOneLine(
      result.stderr,
      /^gantry build: The bundle directory .* holds other files \(notes\.txt\): give each function a directory of its own$/,
    );
    expect(readdirSync(dir)).toEqual(['notes.txt']);
  });
});

describe('build errors on one line', () => {
  it('reads esbuild messages: 1-based column, the file relative to the cwd', () => {
    const location = { file: 'src/a.ts', line: 3, column: 4 };

    expect(buildErrorLine([{ text: 'Oops', location }], '/p')).toBe('src/a.ts:3:5: Oops');
    expect(buildErrorLine([{ text: 'Oops', location }], '/p/src', '/p')).toBe('a.ts:3:5: Oops');
    expect(buildErrorLine([{ text: 'No entry', location: null }, { text: 'x' }], '/p')).toBe(
      'No entry (and 1 more errors)',
    );
    expect(buildErrorLine([], '/p')).toBe('build failed');
  });
});
