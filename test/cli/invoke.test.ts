/**
 * `gantry invoke`: one invocation of a handler with a Lambda context, the event built from the
 * options or read from a file or stdin; the result on stdout, the handler's logs on stderr.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { captureOutput } from '../support/output.js';
import { expectOneLine, fixture, gantry } from './support.js';

const ITEMS = 'examples/items/handler.ts';
const QUICKSTART = 'examples/quickstart/handler.ts';

/** Pretty log lines (POWERTOOLS_DEV=true) parsed back: JSON documents, one after the other. */
function logLines(text: string): Record<string, unknown>[] {
  return text
    .split(/\n(?=\{)/)
    .filter((chunk) => chunk.trim() !== '')
    .map((chunk) => JSON.parse(chunk) as Record<string, unknown>);
}

describe('gantry invoke', () => {
  // Whatever slips past the command's own streams would land here, not in the test's output.
  const leaked = captureOutput();
  const dir = mkdtempSync(join(tmpdir(), 'gantry-cli-invoke-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('prints the result of a request built from the options, pretty, and the logs on stderr', async () => {
    const result = await gantry([
      'invoke',
      ITEMS,
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
    expect(result.stdout).toMatch(/^\{\n {2}"statusCode": 201,\n/);
    const answer = JSON.parse(result.stdout);
    expect(answer.headers['x-correlation-id']).toBe('cli-1');
    expect(answer.headers.location).toMatch(/^\/items\//);
    expect(JSON.parse(answer.body)).toMatchObject({ name: 'a' });
    const logs = logLines(result.stderr);
    expect(logs.map((line) => line.message)).toEqual(
      expect.arrayContaining(['item created', 'request completed']),
    );
    expect(logs.find((line) => line.message === 'request completed')).toMatchObject({
      correlation_id: 'cli-1',
      source: 'apigw-v1',
      function_name: 'gantry-local',
      status: 201,
    });
    expect(leaked.documents).toEqual([]);
  });

  it('invokes the quickstart with an API Gateway HTTP API event by default', async () => {
    const created = await gantry([
      'invoke',
      QUICKSTART,
      '-X',
      'POST',
      '-p',
      '/items',
      '--json',
      '{"name":"b"}',
      '--raw',
    ]);
    const invalid = await gantry([
      'invoke',
      QUICKSTART,
      '-X',
      'POST',
      '-p',
      '/items',
      '--json',
      '{}',
    ]);
    const missing = await gantry(['invoke', QUICKSTART, '--path', '/items/nope']);

    expect(created.code).toBe(0);
    expect(JSON.parse(created.stdout)).toMatchObject({ statusCode: 201 });
    expect(logLines(created.stderr).at(-1)).toMatchObject({ source: 'apigw-v2' });
    expect(invalid.code).toBe(0);
    expect(JSON.parse(invalid.stdout)).toMatchObject({ statusCode: 422 });
    expect(JSON.parse(missing.stdout)).toMatchObject({ statusCode: 404 });
  });

  it('reads the event from a file or from stdin, and --raw prints one line', async () => {
    const event = (await gantry(['events', 'alb', '--path', '/items', '--query', 'limit=5']))
      .stdout;
    const file = join(dir, 'alb.json');
    writeFileSync(file, event);

    const fromStdin = await gantry(['invoke', ITEMS, '-', '--raw'], event);
    const fromFile = await gantry(['invoke', ITEMS, file]);

    expect(fromStdin.code).toBe(0);
    expect(fromStdin.stdout.trimEnd().split('\n')).toHaveLength(1);
    expect(JSON.parse(fromStdin.stdout)).toMatchObject({
      statusCode: 200,
      statusDescription: '200 OK',
    });
    expect(fromFile.code).toBe(0);
    expect(JSON.parse(fromFile.stdout)).toMatchObject({ statusCode: 200, body: '{"items":[]}' });
  });

  it('exits 1 on a 5xx with --fail, 0 without, and 0 with --fail on any other answer', async () => {
    const failing = await gantry(['invoke', fixture('plain-handler.ts'), '--fail']);
    const plain = await gantry(['invoke', fixture('plain-handler.ts')]);
    const notFound = await gantry(['invoke', ITEMS, '--path', '/nowhere', '--fail']);

    expect(failing.code).toBe(1);
    expect(JSON.parse(failing.stdout)).toEqual({ statusCode: 503, body: 'down' });
    expect(plain.code).toBe(0);
    expect(notFound.code).toBe(0);
    expect(JSON.parse(notFound.stdout)).toMatchObject({ statusCode: 404 });
  });

  it('invokes another export with --export', async () => {
    const result = await gantry(['invoke', fixture('no-handler.ts'), '--export', 'other']);

    expect(result.code).toBe(2);
    expectOneLine(result.stderr, /"other" export is not a function \(it is string\)$/);
  });

  it('refuses invalid JSON in an event file and on stdin, naming where it was', async () => {
    const file = join(dir, 'bad.json');
    writeFileSync(file, '{ "version": "2.0", }');

    const fromFile = await gantry(['invoke', ITEMS, file]);
    const fromStdin = await gantry(['invoke', ITEMS, '-'], '{nope');

    expect(fromFile.code).toBe(2);
    expectOneLine(fromFile.stderr, /^gantry invoke: .*bad\.json is not valid JSON: .*JSON/);
    expect(fromStdin.code).toBe(2);
    expectOneLine(fromStdin.stderr, /^gantry invoke: stdin is not valid JSON: /);
  });

  it.each([
    [['invoke', 'no/such/handler.ts'], 2, /^gantry invoke: no such file: .*no\/such\/handler\.ts$/],
    [
      ['invoke', fixture('no-handler.ts')],
      2,
      /^gantry invoke: test\/cli\/fixtures\/no-handler\.ts has no "handler" export \(it exports: notAHandler, other\)$/,
    ],
    [
      ['invoke', fixture('not-a-function.ts')],
      2,
      /^gantry invoke: test\/cli\/fixtures\/not-a-function\.ts's "handler" export is not a function \(it is object\)$/,
    ],
    [
      ['invoke', fixture('broken.ts')],
      1,
      /^gantry invoke: test\/cli\/fixtures\/broken\.ts:2:39: Unexpected ";"$/,
    ],
    [
      ['invoke', fixture('throws.ts')],
      1,
      /^gantry invoke: unexpected error: the module failed \(GANTRY_DEBUG=1 shows where\)$/,
    ],
    [
      ['invoke', fixture('throws-on-invoke.ts')],
      1,
      /^gantry invoke: the handler threw TypeError: no answer today$/,
    ],
    [
      ['invoke', ITEMS, '--source', 'sqs'],
      2,
      /^gantry invoke: unknown source "sqs": choose one of apigw-v1, apigw-v2, alb, alb-multi, function-url, vpc-lattice, vpc-lattice-v1$/,
    ],
    [['invoke', ITEMS, 'test/cli/fixtures/nope.json'], 2, /no such event file: .*nope\.json$/],
    [
      ['invoke', ITEMS, '-', '--path', '/items', '-H', 'a: b'],
      2,
      /^gantry invoke: give an event file or request options, not both \(--path, --header with -\)$/,
    ],
    [['invoke', ITEMS, '--json', '{'], 2, /^gantry invoke: --json is not valid JSON: /],
    [['invoke', ITEMS, '--header', 'nocolon'], 2, /a header is 'name: value', got "nocolon"$/],
    [['invoke', ITEMS, '--body', 'a', '--json', '1'], 2, /give --body or --json, not both$/],
  ])('refuses %j with exit %i, on one line', async (args, code, pattern) => {
    const result = await gantry(args as string[]);

    expect(result.code).toBe(code);
    expectOneLine(result.stderr, pattern as RegExp);
    expect(result.stdout).toBe('');
  });
});
