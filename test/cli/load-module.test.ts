/**
 * Loading a user's module as the CLI does: bundled by esbuild into `<cwd>/.gantry/cli/`, every
 * package left to node_modules except Gantry itself in its own repository, imported, deleted.
 */
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'esbuild';
import { afterAll, describe, expect, it } from 'vitest';
import { CliError, EXIT } from '../../cli/command.js';
import { loadHandler, loadModule, SOURCE_CONDITION } from '../../cli/load-module.js';
import {
  currentNodeTarget,
  externalPackages,
  packageNameAt,
} from '../../runtime/dev/esbuild-options.js';
import { fixture, ROOT } from './support.js';

const leftovers = () =>
  readdirSync(join(ROOT, '.gantry/cli')).filter((file) => file.startsWith(`${process.pid}-`));

/** The CliError `work` rejects with. */
async function cliError(work: Promise<unknown>): Promise<CliError> {
  const error = await work.then(
    () => undefined,
    (reason: unknown) => reason,
  );
  expect(error).toBeInstanceOf(CliError);
  return error as CliError;
}

describe('loadModule', () => {
  const dir = mkdtempSync(join(tmpdir(), 'gantry-cli-load-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('bundles a TypeScript module, imports it and deletes the bundle', async () => {
    const loaded = await loadModule(fixture('no-handler.ts'), { cwd: ROOT });

    expect({ ...loaded }).toEqual({ notAHandler: 1, other: 'x' });
    expect(leftovers()).toEqual([]);
  });

  it('bundles Gantry from its TypeScript sources in its own repository', async () => {
    const handler = await loadHandler('examples/quickstart/handler.ts', { cwd: ROOT });

    expect(SOURCE_CONDITION).toBe('gantry-source');
    expect(typeof handler).toBe('function');
  });

  it('reads the file and names it in errors relative to the cwd given', async () => {
    const cwd = join(ROOT, 'test/cli');

    const error = await cliError(loadModule('fixtures/broken.ts', { cwd }));

    expect(error.message).toBe('fixtures/broken.ts:2:39: Unexpected ";"');
    expect(error.exitCode).toBe(EXIT.failed);
  });

  it('says which file is missing, and what a module exports instead of the handler', async () => {
    const missing = await cliError(loadModule('nope.ts', { cwd: dir }));
    const empty = join(dir, 'empty.ts');
    writeFileSync(empty, 'export {};\n');
    const nothing = await cliError(loadHandler(empty, { cwd: dir }));
    const other = await cliError(
      loadHandler(fixture('no-handler.ts'), { cwd: ROOT, exportName: 'main' }),
    );

    expect(missing.message).toBe(`no such file: ${join(dir, 'nope.ts')}`);
    expect(missing.exitCode).toBe(EXIT.usage);
    expect(nothing.message).toBe(`${empty} has no "handler" export (it exports: nothing)`);
    expect(other.message).toBe(
      'test/cli/fixtures/no-handler.ts has no "main" export (it exports: notAHandler, other)',
    );
  });

  it('counts the errors beyond the first', async () => {
    const file = join(dir, 'two-errors.ts');
    writeFileSync(file, 'import "./a.js";\nimport "./b.js";\n');

    const error = await cliError(loadModule(file, { cwd: dir }));

    expect(error.message).toBe('two-errors.ts:1:8: Could not resolve "./a.js" (and 1 more errors)');
  });
});

describe('esbuild options', () => {
  /** The imports a bundle of `contents` (resolved from the repository) leaves to Node. */
  async function externals(contents: string, ownName: string | undefined): Promise<string[]> {
    const result = await build({
      stdin: { contents, resolveDir: ROOT, loader: 'ts' },
      bundle: true,
      write: false,
      metafile: true,
      platform: 'node',
      format: 'esm',
      conditions: [SOURCE_CONDITION],
      plugins: [externalPackages(ownName)],
      logLevel: 'silent',
    });
    return Object.values(result.metafile.outputs)
      .flatMap((output) => output.imports.filter((entry) => entry.external))
      .map((entry) => entry.path)
      .sort();
  }

  it('leaves every package to node_modules, but bundles the own package and absolute paths', async () => {
    const contents = [
      "import 'zod';",
      "import 'node:fs';",
      "import 'gantry';",
      "import 'gantry/testing';",
      `import ${JSON.stringify(join(ROOT, fixture('no-handler.ts')))};`,
    ].join('\n');

    const own = await externals(contents, 'gantry');
    const foreign = await externals(contents, 'my-service');

    expect(own).toContain('zod');
    expect(own).toContain('node:fs');
    // Gantry's own `#find-my-way` import, left to node_modules by the package's own name.
    expect(own).toContain('find-my-way');
    expect(own.filter((path) => path.startsWith('gantry'))).toEqual([]);
    expect(foreign).toEqual(['gantry', 'gantry/testing', 'node:fs', 'zod']);
  });

  it('finds the nearest package name, if it has one', () => {
    const dir = mkdtempSync(join(tmpdir(), 'gantry-cli-pkg-'));
    try {
      writeFileSync(join(dir, 'package.json'), '{"private":true}');
      expect(packageNameAt(join(ROOT, 'examples/items'))).toBe('gantry');
      expect(packageNameAt(dir)).toBeUndefined();
      expect(packageNameAt('/')).toBeUndefined();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('targets the running Node', () => {
    expect(currentNodeTarget()).toBe(`node${process.versions.node.split('.')[0]}`);
  });
});
