/**
 * bundleHandler: one minified ESM file for Node 22 with its source map, built at synth time into
 * a directory that holds nothing else.
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { bundleHandler } from '../../../../infra/function/bundle.js';
import { runBundle } from '../../support/run-bundle.js';
import { tempDirs } from '../../support/synth.js';

// Modern syntax a Node 22 target keeps as written (an older target rewrites every line of it).
const MODERN_HANDLER = `
class Counter {
  #count = 0;
  static created = 0;
  static { Counter.created = 1; }
  next() { return ++this.#count; }
}
let firstPath: string | undefined;
export const handler = async (event: { rawPath?: string }) => {
  const unusuallyLongLocalName = event?.rawPath ?? '/';
  firstPath ??= unusuallyLongLocalName;
  return { statusCode: 200, body: \`\${firstPath} \${new Counter().next()}\` };
};
`;

describe('bundleHandler', () => {
  const tempDir = tempDirs();
  let entry: string;
  let outdir: string;
  let code: string;

  beforeAll(() => {
    const dir = tempDir('bundle');
    entry = join(dir, 'handler.ts');
    writeFileSync(entry, MODERN_HANDLER);
    outdir = bundleHandler(entry, join(dir, 'bundle'));
    code = readFileSync(join(outdir, 'index.mjs'), 'utf8');
  });

  it('writes index.mjs and its source map, and nothing else', () => {
    // Assert
    expect(readdirSync(outdir).sort()).toEqual(['index.mjs', 'index.mjs.map']);
    expect(code.trimEnd().endsWith('//# sourceMappingURL=index.mjs.map')).toBe(true);
    const map = JSON.parse(readFileSync(join(outdir, 'index.mjs.map'), 'utf8'));
    expect(map.sources).toEqual(['../handler.ts']);
    expect(map.sourcesContent[0]).toBe(MODERN_HANDLER);
  });

  it('minifies: local names are mangled and whitespace is gone', () => {
    // Assert
    expect(code).not.toContain('unusuallyLongLocalName');
    expect(code).not.toContain('\n  ');
    expect(code.length).toBeLessThan(MODERN_HANDLER.length);
  });

  it('targets Node 22: private fields, static blocks, ?. and ??= are kept, not lowered', () => {
    // Assert
    expect(code).toMatch(/#\w+=0/);
    expect(code).toContain('static{');
    expect(code).toContain('?.rawPath');
    expect(code).toContain('??=');
    expect(code).not.toContain('WeakMap');
  });

  it('produces a module whose handler runs in plain Node', async () => {
    // Act
    const run = await runBundle(outdir, {}, [{ rawPath: '/first' }]);

    // Assert
    expect(run.answers).toEqual([{ statusCode: 200, body: '/first 1' }]);
  });

  it('replaces the previous bundle when built again into the same directory', () => {
    // Prepare
    const dir = tempDir('rebuild');
    const source = join(dir, 'handler.ts');
    writeFileSync(source, 'export const handler = async () => "first build";');
    const out = bundleHandler(source, join(dir, 'bundle'));
    writeFileSync(source, 'export const handler = async () => "second build";');

    // Act
    bundleHandler(source, out);

    // Assert
    const rebuilt = readFileSync(join(out, 'index.mjs'), 'utf8');
    expect(rebuilt).toContain('second build');
    expect(rebuilt).not.toContain('first build');
  });

  it('refuses a directory holding other files, and leaves those files alone', () => {
    // Prepare
    const dir = tempDir('crowded');
    writeFileSync(join(dir, 'notes.txt'), 'keep me');

    // Act
    const build = () => bundleHandler(entry, dir);

    // Assert
    expect(build).toThrow(/holds other files \(notes\.txt\)/);
    expect(readFileSync(join(dir, 'notes.txt'), 'utf8')).toBe('keep me');
    expect(existsSync(join(dir, 'index.mjs'))).toBe(false);
  });

  it('puts what the handler imports on demand in a chunk, with its Node built-ins', async () => {
    // Prepare
    const dir = tempDir('on-demand');
    writeFileSync(
      join(dir, 'lazy.ts'),
      "import { STATUS_CODES } from 'node:http';\nexport const text = STATUS_CODES[418];\n",
    );
    const source = join(dir, 'handler.ts');
    writeFileSync(
      source,
      "export const handler = async (event: { lazy?: boolean }) => ({ statusCode: 200, body: event.lazy ? (await import('./lazy.js')).text : 'eager' });\n",
    );

    // Act
    const out = bundleHandler(source, join(dir, 'bundle'));
    const run = await runBundle(out, {}, [{ lazy: false }, { lazy: true }]);

    // Assert
    const chunks = readdirSync(join(out, 'chunks')).filter((name) => name.endsWith('.mjs'));
    expect(chunks).toHaveLength(1);
    expect(readFileSync(join(out, 'index.mjs'), 'utf8')).not.toContain('node:http');
    expect(readFileSync(join(out, 'chunks', chunks[0] ?? ''), 'utf8')).toContain('node:http');
    expect(run.answers).toEqual([
      { statusCode: 200, body: 'eager' },
      { statusCode: 200, body: "I'm a Teapot" },
    ]);
  });

  it('replaces the previous chunks when built again', () => {
    // Prepare
    const dir = tempDir('stale-chunks');
    const source = join(dir, 'handler.ts');
    writeFileSync(join(dir, 'lazy.ts'), 'export const value = 1;\n');
    writeFileSync(
      source,
      "export const handler = async () => (await import('./lazy.js')).value;\n",
    );
    const out = bundleHandler(source, join(dir, 'bundle'));
    writeFileSync(source, 'export const handler = async () => 2;\n');

    // Act
    bundleHandler(source, out);

    // Assert
    expect(existsSync(join(out, 'chunks'))).toBe(false);
    expect(readdirSync(out).sort()).toEqual(['index.mjs', 'index.mjs.map']);
  });

  it('fails the synth when the handler does not compile', () => {
    // Prepare
    const dir = tempDir('broken');
    const broken = join(dir, 'handler.ts');
    writeFileSync(broken, 'export const handler = async () => {');

    // Act
    const build = () => bundleHandler(broken, join(dir, 'bundle'));

    // Assert
    expect(build).toThrow(/Unexpected end of file/);
    const failure = (() => {
      try {
        build();
      } catch (error) {
        return error as Error;
      }
    })();
    expect(failure?.cause).toMatchObject({
      errors: [{ text: 'Unexpected end of file', location: { line: 1 } }],
    });
  });
});
