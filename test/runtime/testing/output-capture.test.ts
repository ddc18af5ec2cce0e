/**
 * `testClient` output capture: each invocation gets the lines its own asynchronous context
 * wrote, to stdout, stderr or the console; nothing else is taken, nothing is echoed unless asked.
 */
import { testClient } from 'gantry/testing';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

const ok = { statusCode: 200, body: '' };

function deferred() {
  let resolve = () => {};
  const promise = new Promise<void>((done) => {
    resolve = done;
  });
  return { promise, resolve };
}

/** Records what reaches `process.stdout`, `process.stderr` and `console.log` past the client. */
function recordPassThrough() {
  const seen: string[] = [];
  const out = process.stdout.write;
  const err = process.stderr.write;
  const log = console.log;
  const record = ((chunk: unknown) => {
    seen.push(String(chunk));
    return true;
  }) as typeof process.stdout.write;
  beforeEach(() => {
    process.stdout.write = record;
    process.stderr.write = record;
    console.log = (...args: unknown[]) => {
      seen.push(`${args.join(' ')}\n`);
    };
  });
  afterEach(() => {
    process.stdout.write = out;
    process.stderr.write = err;
    console.log = log;
    seen.length = 0;
  });
  return { seen, record };
}

describe('testClient output capture', () => {
  const passed = recordPassThrough();

  it('takes stdout, stderr and console lines, whole or in pieces, and echoes none', async () => {
    // Prepare
    const client = testClient(async () => {
      process.stdout.write('partial');
      process.stdout.write(new Uint8Array(Buffer.from(' line\n{"level":"INFO","message":"m"}\n')));
      console.log('hello %s', 'world');
      console.error('bad');
      console.warn('{"not": json');
      process.stdout.write('{"plain":"object"}\n');
      process.stderr.write('tail');
      return ok;
    });

    // Act
    const response = await client.get('/');

    // Assert
    expect(response.output).toEqual([
      'partial line',
      '{"level":"INFO","message":"m"}',
      'hello world',
      'bad',
      '{"not": json',
      '{"plain":"object"}',
      'tail',
    ]);
    expect(response.logs).toEqual([{ level: 'INFO', message: 'm' }]);
    expect(response.metrics).toEqual([]);
    expect(passed.seen).toEqual([]);
  });

  it('echoes the lines too with printLogs', async () => {
    // Prepare
    const client = testClient(
      async () => {
        process.stdout.write('shown\n');
        console.log('also shown');
        return ok;
      },
      { printLogs: true },
    );

    // Act
    const response = await client.get('/');

    // Assert
    expect(response.output).toEqual(['shown', 'also shown']);
    expect(passed.seen).toEqual(['shown\n', 'also shown\n']);
  });

  it('lets through what is written outside an invocation, or after it, while one runs', async () => {
    // Prepare
    const started = deferred();
    const gate = deferred();
    const late = deferred();
    const first = testClient(async () => {
      void late.promise.then(() => process.stdout.write('late\n'));
      return ok;
    });
    const second = testClient(async () => {
      started.resolve();
      await gate.promise;
      process.stdout.write('inside\n');
      return ok;
    });
    const firstResponse = await first.get('/');

    // Act: while the second invocation runs, the test writes, and so does the first, late.
    const pending = second.get('/');
    await started.promise;
    process.stdout.write('outside\n');
    late.resolve();
    await late.promise;
    gate.resolve();
    const secondResponse = await pending;

    // Assert
    expect(firstResponse.output).toEqual([]);
    expect(secondResponse.output).toEqual(['inside']);
    expect(passed.seen).toEqual(['outside\n', 'late\n']);
  });

  it('puts the streams and the console back once no invocation runs', async () => {
    // Prepare
    const client = testClient(async () => ok);
    const log = console.log;

    // Act
    await Promise.all([client.get('/'), client.get('/')]);

    // Assert
    expect(process.stdout.write).toBe(passed.record);
    expect(process.stderr.write).toBe(passed.record);
    expect(console.log).toBe(log);
  });

  it('leaves in place a stream write or console method replaced during an invocation', async () => {
    // Prepare
    const debug = console.debug;
    const replacement = passed.record.bind(null) as typeof process.stdout.write;
    const replacementDebug = () => {};
    const client = testClient(async () => {
      process.stdout.write = replacement;
      console.debug = replacementDebug;
      return ok;
    });

    // Act
    await client.get('/');
    const after = { write: process.stdout.write, debug: console.debug };
    console.debug = debug;

    // Assert
    expect(after.write).toBe(replacement);
    expect(after.debug).toBe(replacementDebug);
  });

  it('rejects with the error a handler throws, printing what it wrote first', async () => {
    // Prepare
    const failure = new Error('handler failed');
    const client = testClient(async () => {
      process.stdout.write('before the failure\n');
      throw failure;
    });

    // Act
    const answer = client.get('/');

    // Assert
    await expect(answer).rejects.toBe(failure);
    expect(passed.seen).toEqual(['before the failure\n']);
  });

  it('prints nothing more for a failing handler with printLogs, nor for one that wrote nothing', async () => {
    // Prepare
    const shown = testClient(
      async () => {
        process.stdout.write('once\n');
        throw new Error('x');
      },
      { printLogs: true },
    );
    const silent = testClient(async () => {
      throw new Error('y');
    });

    // Act
    await shown.get('/').catch(() => undefined);
    await silent.get('/').catch(() => undefined);

    // Assert
    expect(passed.seen).toEqual(['once\n']);
  });
});
