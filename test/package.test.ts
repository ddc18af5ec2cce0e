/**
 * The user's first ten minutes, outside the repository: `npm pack`, `gantry new` from the packed
 * CLI into a temporary directory, the tarball installed there (from the npm cache `npm ci` filled),
 * then in the new project: `npm test`, `tsc`, `gantry invoke`, `gantry dev` answering a real HTTP
 * request, `npm run synth` with `terraform validate` and `plan` offline, and the handler bundled
 * with plain esbuild answering in a fresh process with no node_modules. Every command and its
 * output go to .gantry/package-test/transcript.txt.
 */
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import {
  appendFileSync,
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { terraformSetup, terraformWorkspace } from './infra/support/terraform.js';

const root = join(import.meta.dirname, '..');
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const transcriptDir = join(root, '.gantry', 'package-test');
const transcript = join(transcriptDir, 'transcript.txt');
const setup = terraformSetup();
const requireTerraform = process.env.GANTRY_REQUIRE_TERRAFORM === '1';
/** Installing cdktf-cli and friends from the cache takes a while on a 2-core machine. */
const INSTALL_MS = 600_000;

// Nothing of the repository's environment leaks into the user's project.
const {
  POWERTOOLS_DEV: _dev,
  POWERTOOLS_SERVICE_NAME: _service,
  NODE_OPTIONS: _options,
  VITEST: _vitest,
  VITEST_POOL_ID: _pool,
  VITEST_WORKER_ID: _worker,
  NODE_ENV: _nodeEnv,
  ...userEnv
} = process.env;

let work: string;
let tarball: string;
let project: string;

function log(text: string): void {
  appendFileSync(transcript, `${text}\n`);
}

/** Runs a command as a user types it, in `cwd`; records it and its output. */
function sh(
  command: string,
  args: string[],
  cwd: string,
  env: Record<string, string> = {},
  quiet?: 'quiet',
) {
  const started = Date.now();
  const result = spawnSync(command, args, {
    cwd,
    encoding: 'utf8',
    env: { ...userEnv, ...env },
    timeout: INSTALL_MS,
  });
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  log(`$ ${[command, ...args].join(' ')}    # in ${cwd}, ${seconds} s, exit ${result.status}`);
  if (!quiet || result.status !== 0) log(`${result.stdout}${result.stderr}`.trimEnd());
  return result;
}

function expectOk(result: ReturnType<typeof sh>): string {
  expect(result.status, `${result.stdout}\n${result.stderr}`).toBe(0);
  return result.stdout;
}

/** Every file under `dir`, relative, skipping node_modules and build output. */
function tree(dir: string): string[] {
  return (readdirSync(dir, { recursive: true }) as string[])
    .filter((path) => !/^(node_modules|cdktf\.out|\.gantry|dist)(\/|$)/.test(path))
    .filter((path) => statSync(join(dir, path)).isFile())
    .sort();
}

describe('the published package, used as a new user uses it', () => {
  beforeAll(() => {
    rmSync(transcriptDir, { recursive: true, force: true });
    mkdirSync(transcriptDir, { recursive: true });
    work = mkdtempSync(join(tmpdir(), 'gantry-package-'));
    // `npm pack` runs prepack (the build): its output belongs to the transcript, not the console.
    const packed = expectOk(
      sh('npm', ['pack', '--json', '--silent', '--pack-destination', work], root, {}, 'quiet'),
    );
    const [info] = JSON.parse(packed.slice(packed.indexOf('['))) as { filename: string }[];
    tarball = join(work, (info as { filename: string }).filename);
  }, INSTALL_MS);
  afterAll(() => rmSync(work, { recursive: true, force: true }));

  it('ships every export, the bin, the templates and the vendored router, and no test or machine file', () => {
    const listing = expectOk(sh('tar', ['-tzf', tarball], work))
      .split('\n')
      .filter(Boolean)
      .map((path) => path.replace(/^package\//, ''));
    const targets = Object.values(pkg.exports as Record<string, string | Record<string, string>>)
      .flatMap((target) => (typeof target === 'string' ? [target] : Object.values(target)))
      .concat(Object.values(pkg.bin as Record<string, string>))
      .map((path) => path.replace(/^\.\//, ''));

    for (const target of targets) expect(listing, target).toContain(target);
    for (const file of [
      'dist/vendor/find-my-way.js',
      'dist/vendor/find-my-way.LICENSES.txt',
      'templates/shared/infra/main.ts',
      'templates/shared/_gitignore',
      'templates/minimal/src/handler.ts',
      'templates/items/test/items.test.ts',
      'examples/items/items-controller.ts',
      'LICENSE',
    ])
      expect(listing, file).toContain(file);
    expect(listing.filter((path) => /^(test|benchmarks|scripts)\//.test(path))).toEqual([]);
    expect(listing).not.toContain('infra/main.ts');
    log(
      `tarball ${relative(work, tarball)}: ${listing.length} files, ${statSync(tarball).size} bytes`,
    );
  });

  it(
    'gantry new writes the project, then npm install, npm test and tsc pass in it',
    () => {
      const unpacked = join(work, 'unpacked');
      mkdirSync(unpacked);
      expectOk(sh('tar', ['-xzf', tarball, '-C', unpacked], work));
      const cli = join(unpacked, 'package/dist/cli/bin.js');
      const started = Date.now();

      const created = expectOk(
        sh(process.execPath, [cli, 'new', 'my-api', '--gantry-version', `file:${tarball}`], work),
      );
      project = join(work, 'my-api');
      expect(created).toContain('Created my-api');
      expect(tree(project)).toEqual([
        '.gitignore',
        'README.md',
        'cdktf.json',
        'infra/main.ts',
        'package.json',
        'src/handler.ts',
        'src/item-store.ts',
        'src/items-controller.ts',
        'test/items.test.ts',
        'tsconfig.json',
      ]);
      log(`generated tree:\n${tree(project).join('\n')}`);
      expect(readFileSync(join(project, 'src/handler.ts'), 'utf8')).toContain("service: 'my-api'");
      expect(readFileSync(join(project, 'infra/main.ts'), 'utf8')).toContain("'my-api'");

      expectOk(sh('npm', ['install', '--prefer-offline', '--no-audit', '--no-fund'], project));
      const tested = sh('npm', ['test'], project);
      expectOk(tested);
      // biome-ignore lint/suspicious/noControlCharactersInRegex: vitest colours its summary.
      expect(tested.stdout.replace(/\x1b\[[0-9;]*m/g, '')).toMatch(/Tests\s+\d+ passed/);
      expectOk(sh('npm', ['run', 'typecheck'], project));
      log(`gantry new -> npm test green: ${((Date.now() - started) / 1000).toFixed(1)} s`);
      // The same new project refuses to be written over.
      const again = sh(process.execPath, [cli, 'new', 'my-api'], work);
      expect(again.status).toBe(2);
      expect(again.stderr).toMatch(/^gantry new: .*my-api is not empty/);
    },
    INSTALL_MS,
  );

  it('npx gantry invoke answers 200 through the whole chain, the logs on stderr', () => {
    const result = sh(
      'npx',
      [
        'gantry',
        'invoke',
        'src/handler.ts',
        '--source',
        'apigw-v1',
        '--method',
        'POST',
        '--path',
        '/items',
        '--json',
        '{"name":"a"}',
      ],
      project,
    );

    expectOk(result);
    const answer = JSON.parse(result.stdout) as { statusCode: number; body: string };
    expect(answer.statusCode).toBe(201);
    expect(JSON.parse(answer.body)).toMatchObject({ name: 'a', done: false });
    expect(result.stderr).toContain('item created');
  });

  it('npx gantry routes prints the route table', () => {
    const out = expectOk(sh('npx', ['gantry', 'routes', 'src/handler.ts'], project));

    expect(out).toMatch(/POST\s+\/items\s+ItemsController\.create\s+body/);
    expect(out).toMatch(/GET\s+\/items\/:id\s+ItemsController\.get/);
  });

  it('npm run dev answers a real HTTP request', async () => {
    const dev = spawn('npm', ['run', 'dev', '--', '--port', '0'], {
      cwd: project,
      env: userEnv,
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    try {
      const url = await serving(dev);
      const response = await fetch(`${url}/items`);
      log(`$ curl ${url}/items\n${response.status} ${await response.clone().text()}`);

      expect(response.status).toBe(200);
      expect(await response.json()).toEqual({ items: [] });
      expect(response.headers.get('x-correlation-id')).toBeTruthy();
    } finally {
      stopGroup(dev);
    }
  }, 120_000);

  it('npm run build and a plain esbuild bundle each answer in a fresh process with no node_modules', () => {
    expectOk(sh('npm', ['run', 'build'], project));
    expectOk(
      sh(
        'npx',
        [
          'esbuild',
          'src/handler.ts',
          '--bundle',
          '--platform=node',
          '--format=esm',
          '--target=node22',
          '--outfile=plain/handler.mjs',
          '--log-level=warning',
        ],
        project,
      ),
    );
    const event = join(project, 'event.json');
    writeFileSync(
      event,
      expectOk(sh('npx', ['gantry', 'events', 'apigw-v2', '--path', '/items'], project)),
    );

    for (const [name, module] of [
      ['gantry build', join(project, 'dist/lambda/index.mjs')],
      ['plain esbuild', join(project, 'plain/handler.mjs')],
    ] as const) {
      // Copied where no node_modules can be found: the bundle must hold everything it needs.
      const alone = mkdtempSync(join(tmpdir(), 'gantry-bundle-'));
      cpSync(join(module, '..'), alone, { recursive: true });
      const runner = join(alone, 'run.mjs');
      writeFileSync(
        runner,
        `import { handler } from './${module.endsWith('index.mjs') ? 'index.mjs' : 'handler.mjs'}';
         const event = JSON.parse(process.argv[2]);
         const result = await handler(event, { awsRequestId: 'bundle', getRemainingTimeInMillis: () => 3000 });
         process.stdout.write('RESULT ' + JSON.stringify(result) + '\\n');`,
      );
      // As on Lambda, with tracing on: the X-Ray SDK loads (its datagrams go to a closed port).
      const ran = sh(process.execPath, [runner, readFileSync(event, 'utf8')], alone, {
        POWERTOOLS_SERVICE_NAME: 'my-api',
        AWS_EXECUTION_ENV: 'AWS_Lambda_nodejs22.x',
        AWS_XRAY_DAEMON_ADDRESS: '127.0.0.1:9',
        AWS_XRAY_CONTEXT_MISSING: 'IGNORE_ERROR',
        _X_AMZN_TRACE_ID:
          'Root=1-5759e988-bd862e3fe1be46a994272793;Parent=53995c3f42cd8ad8;Sampled=1',
      });
      rmSync(alone, { recursive: true, force: true });

      const line = ran.stdout.split('\n').find((text) => text.startsWith('RESULT '));
      expect(ran.status, `${name}: ${ran.stderr}`).toBe(0);
      // The X-Ray SDK's require() of Node built-ins worked: the Tracer loaded.
      expect(ran.stderr, name).not.toContain('the Powertools Tracer failed to load');
      expect(JSON.parse((line as string).slice(7)), name).toMatchObject({
        statusCode: 200,
        body: '{"items":[]}',
      });
    }
  });

  it.skipIf(!setup.ok && !requireTerraform)(
    'npm run synth writes the my-api stack, and terraform validate and plan pass offline',
    async () => {
      expect(setup.ok, setup.ok ? '' : setup.reason).toBe(true);
      if (!setup.ok) return;
      expectOk(sh('npm', ['run', 'synth'], project, { CHECKPOINT_DISABLE: '1' }));
      const stackDir = join(project, 'cdktf.out/stacks/my-api');
      expect(existsSync(join(stackDir, 'cdk.tf.json'))).toBe(true);
      const scratch = mkdtempSync(join(tmpdir(), 'gantry-package-tf-'));
      try {
        const workspace = terraformWorkspace(setup, stackDir, scratch);
        await workspace.terraform('init', '-input=false', '-no-color');
        const validated = JSON.parse(await workspace.terraform('validate', '-json', '-no-color'));
        const plan = await workspace.terraform('plan', '-input=false', '-lock=false', '-no-color');
        const summary = plan.split('\n').find((text) => text.startsWith('Plan:'));
        log(`$ terraform validate\n${JSON.stringify(validated)}\n$ terraform plan\n${summary}`);

        expect(validated).toMatchObject({ valid: true, warning_count: 0 });
        expect(summary).toMatch(/^Plan: \d+ to add, 0 to change, 0 to destroy\.$/);
      } finally {
        rmSync(scratch, { recursive: true, force: true });
      }
    },
    INSTALL_MS,
  );

  it('gantry/infra without its peers fails with one message naming every package to install', () => {
    const bare = join(work, 'runtime-only');
    mkdirSync(join(bare, 'node_modules'), { recursive: true });
    expectOk(sh('tar', ['-xzf', tarball, '-C', join(bare, 'node_modules')], work));
    cpSync(join(bare, 'node_modules/package'), join(bare, 'node_modules/gantry'), {
      recursive: true,
    });
    writeFileSync(join(bare, 'package.json'), '{"type":"module"}');

    const result = sh(
      process.execPath,
      ['-e', "await import('gantry/infra')", '--input-type=module'],
      bare,
    );

    expect(result.status).not.toBe(0);
    expect(result.stderr).toContain(
      'gantry/infra needs cdktf (CDK for Terraform), constructs (the construct tree CDKTF builds on), @cdktf/provider-aws (the AWS resources), esbuild (bundling the handler at synth time): npm install --save-dev cdktf constructs @cdktf/provider-aws esbuild',
    );
  });
});

/** The URL `gantry dev` prints once it serves. */
function serving(dev: ChildProcess): Promise<string> {
  return new Promise((resolve, reject) => {
    let output = '';
    const timer = setTimeout(
      () => reject(new Error(`gantry dev did not serve:\n${output}`)),
      90_000,
    );
    const onData = (chunk: Buffer) => {
      output += chunk.toString('utf8');
      const match = /serving \S+ on (http:\/\/\S+)/.exec(output);
      if (match) {
        clearTimeout(timer);
        dev.stdout?.off('data', onData);
        dev.stderr?.off('data', onData);
        log(`$ npm run dev -- --port 0\n${output.trimEnd()}`);
        resolve(match[1] as string);
      }
    };
    dev.stdout?.on('data', onData);
    dev.stderr?.on('data', onData);
    dev.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`gantry dev exited with ${code}:\n${output}`));
    });
  });
}

function stopGroup(child: ChildProcess): void {
  try {
    process.kill(-(child.pid as number), 'SIGTERM');
  } catch {}
}
