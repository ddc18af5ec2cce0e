/**
 * What a handler prints while a command runs it goes to one stream, and everything is put back.
 */
import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { withOutputTo } from '../../cli/redirect-output.js';
import { captureOutput } from '../support/output.js';

describe('withOutputTo', () => {
  const captured = captureOutput();

  it('sends process.stdout, process.stderr and console to the target, then puts them back', async () => {
    const target = new PassThrough();
    const chunks: string[] = [];
    target.on('data', (chunk) => chunks.push(String(chunk)));
    const { write } = process.stdout;
    const { log } = console;

    const result = await withOutputTo(target, async () => {
      process.stdout.write('out\n');
      process.stderr.write('err\n');
      console.log('logged');
      console.error('warned');
      return 42;
    });

    expect(result).toBe(42);
    expect(chunks.join('')).toBe('out\nerr\nlogged\nwarned\n');
    expect(process.stdout.write).toBe(write);
    expect(console.log).toBe(log);
    expect(captured.text).toEqual([]);
  });

  it('writes to process.stderr itself through its own write, and restores when the work fails', async () => {
    const { write } = process.stderr;

    const failed = withOutputTo(process.stderr, async () => {
      process.stdout.write('to stderr\n');
      throw new Error('failed');
    });

    await expect(failed).rejects.toThrow('failed');
    expect(captured.text).toEqual(['to stderr']);
    expect(process.stderr.write).toBe(write);
  });
});
