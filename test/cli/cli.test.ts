/**
 * The `gantry` CLI through its `main`, with in-memory streams: the command list, help, version,
 * what a user gets wrong on any command line (one line, a non-zero exit, never a stack), `new` and
 * `run`, and the real executable. invoke, events, routes and build have test files of their own.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { captureOutput } from '../support/output.js';
import { expectOneLine, fixture, gantry, ROOT as root } from './support.js';

describe('gantry', () => {
  captureOutput();
  const made: string[] = [];
  afterAll(() => {
    for (const dir of made) rmSync(dir, { recursive: true, force: true });
  });

  it('lists its commands on --help and with no arguments', async () => {
    for (const args of [[], ['--help'], ['-h']]) {
      const result = await gantry(args);

      expect(result.code).toBe(0);
      for (const name of ['new', 'dev', 'invoke', 'events', 'routes', 'build', 'run'])
        expect(result.stdout).toMatch(new RegExp(`^  ${name}\\s+\\S`, 'm'));
    }
  });

  it('prints its version', async () => {
    const { version } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));

    expect(await gantry(['--version'])).toMatchObject({ code: 0, stdout: `${version}\n` });
  });

  it.each(['new', 'dev', 'invoke', 'events', 'routes', 'build', 'run'])(
    'has --help for %s: usage and every option',
    async (name) => {
      const result = await gantry([name, '--help']);

      expect(result.code).toBe(0);
      expect(result.stdout).toMatch(new RegExp(`^Usage: gantry ${name} `));
      expect(result.stdout).toContain('-h, --help');
    },
  );

  it('shows, for a command, its usage, its options with what they do, and its description', async () => {
    const result = await gantry(['invoke', '-h']);

    expect(result.stdout).toMatch(/^Usage: gantry invoke <handler> \[event\.json \| -\]/);
    expect(result.stdout).toMatch(
      /^ {2}-H, --header <name: value> +a header, 'name: value' \(repeatable\)$/m,
    );
    expect(result.stdout).toMatch(/^ {6}--fail +exit 1 when the answer is a 5xx$/m);
    expect(result.stdout).toContain('its logs are printed\non stderr');
  });

  it.each([
    [['invoke'], /^gantry invoke: missing arguments: gantry invoke <handler> /],
    [['build'], /^gantry build: missing arguments: gantry build <handler> /],
    [['events', 'alb', 'extra'], /^gantry events: too many arguments: /],
    [
      ['invoke', 'h.ts', '--nope'],
      /^gantry invoke: Unknown option '--nope'\. Run "gantry invoke --help"$/,
    ],
    [['events', 'alb', '-z'], /^gantry events: Unknown option '-z'\. Run "gantry events --help"$/],
    [
      ['build', 'h.ts', '--outdir'],
      /^gantry build: Option '-o, --outdir <value>' argument missing\. Run "gantry build --help"$/,
    ],
    [
      ['routes', 'h.ts', '--json=yes'],
      /^gantry routes: Option '--json' does not take an argument\. Run "gantry routes --help"$/,
    ],
  ])('refuses %j with exit 2, on one line', async (args, pattern) => {
    const result = await gantry(args);

    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expectOneLine(result.stderr, pattern);
  });

  it('shows the stack of an unexpected error with GANTRY_DEBUG=1 only', async () => {
    const before = process.env.GANTRY_DEBUG;
    delete process.env.GANTRY_DEBUG;
    const quiet = await gantry(['invoke', fixture('throws.ts')]);
    process.env.GANTRY_DEBUG = '1';
    try {
      const debug = await gantry(['invoke', fixture('throws.ts')]);
      const threw = await gantry(['invoke', fixture('throws-on-invoke.ts')]);

      expect(debug.code).toBe(1);
      expect(debug.stderr).toMatch(/^gantry invoke: unexpected error: Error: the module failed\n/);
      expect(debug.stderr).toMatch(/\n\s+at /);
      expect(threw.code).toBe(1);
      expect(threw.stderr).toMatch(
        /^gantry invoke: the handler threw TypeError: no answer today\nTypeError: /,
      );
      expect(threw.stderr).toMatch(/\n\s+at /);
    } finally {
      if (before === undefined) delete process.env.GANTRY_DEBUG;
      else process.env.GANTRY_DEBUG = before;
    }
    expectOneLine(
      quiet.stderr,
      /^gantry invoke: unexpected error: the module failed \(GANTRY_DEBUG=1 shows where\)$/,
    );
  });

  it('refuses an unknown command, an unknown option and a wrong number of arguments (exit 2)', async () => {
    const unknown = await gantry(['deploy']);
    const option = await gantry(['routes', '--bogus', 'x.ts']);
    const missing = await gantry(['routes']);
    const extra = await gantry(['routes', 'a.ts', 'b.ts']);

    expect(unknown.code).toBe(2);
    expectOneLine(unknown.stderr, /^gantry: unknown command "deploy"\. Run "gantry --help"/);
    expect(option.code).toBe(2);
    expectOneLine(
      option.stderr,
      /^gantry routes: Unknown option '--bogus'\. Run "gantry routes --help"$/,
    );
    expect(missing.code).toBe(2);
    expectOneLine(missing.stderr, /^gantry routes: missing arguments: gantry routes <handler>/);
    expect(extra.code).toBe(2);
    expectOneLine(extra.stderr, /^gantry routes: too many arguments/);
  });

  describe('new', () => {
    it('writes the minimal template, named after its directory, and refuses to write over it', async () => {
      const parent = mkdtempSync(join(tmpdir(), 'gantry-cli-new-'));
      made.push(parent);
      const dir = join(parent, 'hello-api');

      const result = await gantry(['new', dir, '--template', 'minimal']);
      const again = await gantry(['new', dir]);

      expect(result.code).toBe(0);
      expect(result.stdout).toContain('Created hello-api');
      const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
      expect(pkg).toMatchObject({ name: 'hello-api', private: true, type: 'module' });
      expect(pkg.scripts).toMatchObject({
        dev: 'gantry dev src/handler.ts',
        test: 'vitest run',
        synth: 'gantry run infra/main.ts',
        deploy: 'cdktf deploy',
      });
      expect(
        Object.values(pkg.devDependencies).every((version) =>
          /^\d+\.\d+\.\d+$/.test(String(version)),
        ),
      ).toBe(true);
      expect(readFileSync(join(dir, 'src/handler.ts'), 'utf8')).toContain("service: 'hello-api'");
      expect(JSON.parse(readFileSync(join(dir, 'cdktf.json'), 'utf8'))).toMatchObject({
        app: 'npx gantry run infra/main.ts',
        projectId: 'hello-api',
      });
      expect(existsSync(join(dir, '.gitignore'))).toBe(true);
      expect(again.code).toBe(2);
      expectOneLine(again.stderr, /hello-api is not empty \(.*\): choose a new directory$/);
    });

    it('refuses an unknown template and a name that cannot be a service', async () => {
      const parent = mkdtempSync(join(tmpdir(), 'gantry-cli-new-'));
      made.push(parent);

      const template = await gantry(['new', join(parent, 'a'), '--template', 'huge']);
      const name = await gantry(['new', join(parent, 'My API')]);

      expect(template.code).toBe(2);
      expectOneLine(template.stderr, /unknown template "huge": choose items or minimal/);
      expect(name.code).toBe(2);
      expectOneLine(name.stderr, /cannot name a service "My API"/);
    });
  });

  describe('run', () => {
    it('runs a module, and reports its failure on one line', async () => {
      const ok = await gantry(['run', fixture('no-handler.ts')]);
      const failing = await gantry(['run', fixture('throws.ts')]);

      expect(ok.code).toBe(0);
      expect(failing.code).toBe(1);
      expectOneLine(
        failing.stderr,
        /^gantry run: test\/cli\/fixtures\/throws\.ts failed: the module failed$/,
      );
    });
  });

  describe('as an executable (cli/bin.ts bundled by scripts/gantry.mjs)', () => {
    const run = (...args: string[]) =>
      spawnSync(process.execPath, [join(root, 'scripts/gantry.mjs'), ...args], {
        cwd: root,
        encoding: 'utf8',
        // The child decides the log format, whatever the test run has set.
        env: { ...process.env, POWERTOOLS_DEV: undefined, GANTRY_DEBUG: undefined },
      });

    it('prints the result alone on stdout, the logs on stderr, and exits 0', () => {
      const ran = run('invoke', 'examples/items/handler.ts', '--path', '/items', '--raw');

      expect(ran.status).toBe(0);
      expect(ran.stdout.trimEnd().split('\n')).toHaveLength(1);
      expect(JSON.parse(ran.stdout)).toMatchObject({ statusCode: 200, body: '{"items":[]}' });
      // POWERTOOLS_DEV=true: pretty-printed log lines.
      expect(ran.stderr).toMatch(/^\s+"message": "request completed",$/m);
    });

    it('exits 1 with --fail on a 5xx, and 2 on a missing file, in one line', () => {
      const failing = run('invoke', fixture('plain-handler.ts'), '--fail');
      const missing = run('routes', 'nope.ts');

      expect(failing.status).toBe(1);
      expect(JSON.parse(failing.stdout)).toEqual({ statusCode: 503, body: 'down' });
      expect(missing.status).toBe(2);
      expect(missing.stdout).toBe('');
      expectOneLine(missing.stderr, /^gantry routes: no such file: .*nope\.ts$/);
    });
  });
});
