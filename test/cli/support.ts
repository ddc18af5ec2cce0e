/**
 * Runs `gantry` in-process through its `main`, with in-memory streams, and checks that an error
 * is said the way the CLI promises: one line, never a stack.
 */
import { join } from 'node:path';
import { PassThrough, Readable } from 'node:stream';
import { expect } from 'vitest';
import { main } from '../../cli/main.js';

/** The repository root: the `cwd` of every run unless a test says otherwise. */
export const ROOT = join(import.meta.dirname, '../..');

/** A fixture's path, relative to the repository root. */
export const fixture = (name: string) => `test/cli/fixtures/${name}`;

/** What one run of `gantry` printed, and its exit code. */
export interface Ran {
  code: number;
  stdout: string;
  stderr: string;
}

/**
 * `gantry <args>` with `stdin` as standard input.
 *
 * @example
 * ```ts
 * const { code, stdout } = await gantry(['routes', 'examples/items/handler.ts']);
 * ```
 */
export async function gantry(args: string[], stdin = '', cwd = ROOT): Promise<Ran> {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  const out: string[] = [];
  const err: string[] = [];
  stdout.on('data', (chunk) => out.push(String(chunk)));
  stderr.on('data', (chunk) => err.push(String(chunk)));
  const code = await main(args, { cwd, stdout, stderr, stdin: Readable.from([stdin]) });
  return { code, stdout: out.join(''), stderr: err.join('') };
}

/** `text` is one line matching `pattern`, with no stack frame. */
export function expectOneLine(text: string, pattern: RegExp): void {
  expect(text.trimEnd().split('\n')).toHaveLength(1);
  expect(text.trimEnd()).toMatch(pattern);
  expect(text).not.toMatch(/\n\s+at /);
}
