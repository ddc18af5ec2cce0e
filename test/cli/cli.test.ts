/**
 * The `gantry` CLI through its `main`, with in-memory streams: each command's output and exit
 * code, and what a user gets wrong (one line, a non-zero exit, never a stack).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough, Readable } from 'node:stream';
import { afterAll, describe, expect, it } from 'vitest';
import { main } from '../../cli/main.js';
import { captureOutput } from '../support/output.js';

const root = join(import.meta.dirname, '../..');
const fixture = (name: string) => `test/cli/fixtures/${name}`;

async function gantry(args: string[], stdin = '') {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  const out: string[] = [];
  const err: string[] = [];
  stdout.on('data', (chunk) => out.push(String(chunk)));
  stderr.on('data', (chunk) => err.push(String(chunk)));
  const code = await main(args, { cwd: root, stdout, stderr, stdin: Readable.from([stdin]) });
  return { code, stdout: out.join(''), stderr: err.join('') };
}

/** One line, no stack frame. */
function expectOneLine(text: string, pattern: RegExp) {
  expect(text.trimEnd().split('\n')).toHaveLength(1);
  expect(text.trimEnd()).toMatch(pattern);
  expect(text).not.toMatch(/\n\s+at /);
}

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

  describe('routes', () => {
    it('prints the table of the items example, sorted by path then method', async () => {
      const result = await gantry(['routes', 'examples/items/handler.ts']);

      expect(result.code).toBe(0);
      expect(
        result.stdout
          .trimEnd()
          .split('\n')
          .map((line) => line.split(/\s+/)),
      ).toEqual([
        ['METHOD', 'PATH', 'HANDLER', 'SCHEMAS'],
        ['GET', '/items', 'ItemsController.list', 'query'],
        ['POST', '/items', 'ItemsController.create', 'body'],
        ['DELETE', '/items/:id', 'ItemsController.remove', '-'],
        ['GET', '/items/:id', 'ItemsController.get', '-'],
      ]);
    });

    it('prints JSON with --json', async () => {
      const result = await gantry(['routes', 'examples/quickstart/handler.ts', '--json']);

      expect(result.code).toBe(0);
      expect(JSON.parse(result.stdout)).toEqual([
        { method: 'POST', path: '/items', handler: 'ItemsController.create', schemas: ['body'] },
        { method: 'GET', path: '/items/:id', handler: 'ItemsController.get', schemas: [] },
      ]);
    });

    it('says so for a handler createHandler did not make', async () => {
      const result = await gantry(['routes', fixture('plain-handler.ts')]);

      expect(result.code).toBe(2);
      expectOneLine(result.stderr, /handler was not made by createHandler/);
    });
  });

  describe('invoke', () => {
    it('prints the result of a request built from the options, the logs elsewhere', async () => {
      const result = await gantry([
        'invoke',
        'examples/items/handler.ts',
        '--source',
        'apigw-v1',
        '--method',
        'post',
        '--path',
        '/items',
        '--header',
        'x-correlation-id: cli-1',
        '--json',
        '{"name":"a"}',
      ]);

      expect(result.code).toBe(0);
      const answer = JSON.parse(result.stdout);
      expect(answer.statusCode).toBe(201);
      expect(answer.headers['x-correlation-id']).toBe('cli-1');
      expect(JSON.parse(answer.body)).toMatchObject({ name: 'a' });
    });

    it('reads the event from a file or from stdin, and --raw prints one line', async () => {
      const event = (await gantry(['events', 'alb', '--path', '/items'])).stdout;

      const fromStdin = await gantry(['invoke', 'examples/items/handler.ts', '-', '--raw'], event);

      expect(fromStdin.code).toBe(0);
      expect(fromStdin.stdout.trimEnd().split('\n')).toHaveLength(1);
      expect(JSON.parse(fromStdin.stdout)).toMatchObject({
        statusCode: 200,
        statusDescription: '200 OK',
      });
    });

    it('exits 1 on a 5xx with --fail, 0 without', async () => {
      const failing = await gantry(['invoke', fixture('plain-handler.ts'), '--fail']);
      const plain = await gantry(['invoke', fixture('plain-handler.ts')]);

      expect(failing.code).toBe(1);
      expect(plain.code).toBe(0);
      expect(JSON.parse(plain.stdout)).toEqual({ statusCode: 503, body: 'down' });
    });

    it.each([
      [
        ['invoke', 'no/such/handler.ts'],
        2,
        /^gantry invoke: no such file: .*no\/such\/handler\.ts$/,
      ],
      [
        ['invoke', fixture('no-handler.ts')],
        2,
        /has no "handler" export \(it exports: notAHandler, other\)$/,
      ],
      [
        ['invoke', fixture('not-a-function.ts')],
        2,
        /"handler" export is not a function \(it is object\)$/,
      ],
      [
        ['invoke', fixture('broken.ts')],
        1,
        /^gantry invoke: test\/cli\/fixtures\/broken\.ts:\d+:\d+: Unexpected end of file/,
      ],
      [
        ['invoke', fixture('throws.ts')],
        1,
        /^gantry invoke: unexpected error: the module failed \(GANTRY_DEBUG=1 shows where\)$/,
      ],
      [
        ['invoke', 'examples/items/handler.ts', '--source', 'sqs'],
        2,
        /unknown source "sqs": choose one of apigw-v1, apigw-v2, alb/,
      ],
      [
        ['invoke', 'examples/items/handler.ts', 'test/cli/fixtures/nope.json'],
        2,
        /no such event file: /,
      ],
      [
        ['invoke', 'examples/items/handler.ts', 'test/cli/fixtures/broken.ts'],
        2,
        /broken\.ts is not valid JSON: /,
      ],
      [['invoke', 'examples/items/handler.ts', '--json', '{'], 2, /--json is not valid JSON/],
      [
        ['invoke', 'examples/items/handler.ts', '--header', 'nocolon'],
        2,
        /a header is 'name: value', got "nocolon"/,
      ],
      [
        ['invoke', 'examples/items/handler.ts', '--body', 'a', '--json', '1'],
        2,
        /give --body or --json, not both/,
      ],
    ])('refuses %j with exit %i and one line', async (args, code, pattern) => {
      const result = await gantry(args as string[]);

      expect(result.code).toBe(code);
      expectOneLine(result.stderr, pattern as RegExp);
      expect(result.stdout).toBe('');
    });

    it('refuses invalid JSON on stdin', async () => {
      const result = await gantry(['invoke', 'examples/items/handler.ts', '-'], '{nope');

      expect(result.code).toBe(2);
      expectOneLine(result.stderr, /^gantry invoke: stdin is not valid JSON: /);
    });
  });

  describe('events', () => {
    it('lists the sources, and prints an event of each', async () => {
      const list = await gantry(['events']);
      const sources = list.stdout.trim().split('\n');

      expect(sources).toEqual([
        'apigw-v1',
        'apigw-v2',
        'alb',
        'alb-multi',
        'function-url',
        'vpc-lattice',
        'vpc-lattice-v1',
      ]);
      for (const source of sources) {
        const result = await gantry(['events', source, '--method', 'PUT', '--path', '/a?b=1']);
        expect(result.code, source).toBe(0);
        expect(JSON.stringify(JSON.parse(result.stdout))).toContain('PUT');
      }
    });

    it('refuses an unknown source', async () => {
      const result = await gantry(['events', 'kafka']);

      expect(result.code).toBe(2);
      expectOneLine(result.stderr, /^gantry events: unknown source "kafka"/);
    });
  });

  describe('build', () => {
    it('writes the bundle and says what it wrote and how to configure Lambda', async () => {
      const outdir = mkdtempSync(join(tmpdir(), 'gantry-cli-build-'));
      made.push(outdir);

      const result = await gantry(['build', 'examples/items/handler.ts', '--outdir', outdir]);

      expect(result.code).toBe(0);
      expect(result.stdout).toMatch(/index\.mjs\s+[\d.]+ KiB\s+\(\s*[\d.]+ KiB gzip\)/);
      expect(result.stdout).toContain('Lambda: handler index.handler, runtime nodejs22.x');
      expect(readdirSync(outdir).sort()).toEqual(['chunks', 'index.mjs', 'index.mjs.map']);
    });

    it('fails with the compile error on one line (exit 1), and on a missing file (exit 2)', async () => {
      const outdir = mkdtempSync(join(tmpdir(), 'gantry-cli-build-'));
      made.push(outdir);

      const broken = await gantry(['build', fixture('broken.ts'), '--outdir', outdir]);
      const missing = await gantry(['build', 'nope.ts', '--outdir', outdir]);

      expect(broken.code).toBe(1);
      expectOneLine(
        broken.stderr,
        /^gantry build: Cannot bundle .*broken\.ts: .*Unexpected end of file/,
      );
      expect(missing.code).toBe(2);
      expectOneLine(missing.stderr, /^gantry build: no such file: /);
    });
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

  it('runs as an executable: bin.ts bundled, exit codes and stdout as in-process', () => {
    const ran = spawnSync(
      process.execPath,
      [join(root, 'scripts/gantry.mjs'), 'routes', 'nope.ts'],
      {
        cwd: root,
        encoding: 'utf8',
      },
    );

    expect(ran.status).toBe(2);
    expectOneLine(ran.stderr, /^gantry routes: no such file: /);
  });
});
