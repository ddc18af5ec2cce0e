import { Logger } from '@aws-lambda-powertools/logger';
import {
  createHandler,
  type EventSource,
  errorLog,
  LOG_MESSAGES,
  UnsupportedEventError,
} from 'gantry';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { captureConsole } from '../../support/console.js';
import { captureOutput } from '../../support/output.js';
import { accessLines, invoke, invokeEvent, linesWith, routeDocuments } from './invoke.js';
import { ProbeController, probeHandler, SECRET_DETAIL } from './probe-controller.js';

const output = captureOutput();
const consoleCalls = captureConsole();

afterEach(() => {
  vi.unstubAllEnvs();
});

const errorLines = () => output.logs().filter((line) => line.level === 'ERROR');

const SQS_EVENT = {
  Records: [
    {
      messageId: '059f36b4-87a3-44ab-83d2-661975830a7d',
      eventSource: 'aws:sqs',
      body: 'hello',
    },
  ],
};

describe('safe 500', () => {
  it('answers a thrown Error with a 500 that carries only the status text and the correlation id', async () => {
    // Prepare
    const handler = probeHandler();

    // Act
    const answer = await invoke(handler, {
      path: '/items/1/fail',
      headers: { 'x-correlation-id': 'corr-500' },
    });

    // Assert
    expect(answer.statusCode).toBe(500);
    expect(answer.body).toBe(
      '{"error":{"status":500,"message":"Internal Server Error","correlationId":"corr-500"}}',
    );
    expect(answer.body).not.toContain(SECRET_DETAIL);
    expect(answer.body).not.toContain('stack');
    expect(answer.body).not.toContain('"Error"');
    expect(answer.body).not.toMatch(/\bat \w/);
  });

  it('logs the failure exactly once, at ERROR, with its stack, route and correlation id', async () => {
    // Prepare
    const handler = probeHandler();

    // Act
    await invoke(handler, { path: '/items/1/fail', headers: { 'x-correlation-id': 'corr-500' } });

    // Assert
    const lines = errorLines();
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({
      message: LOG_MESSAGES.unhandledError,
      correlation_id: 'corr-500',
      route: 'GET /items/:id/fail',
      method: 'GET',
      error: { name: 'Error', message: SECRET_DETAIL },
    });
    const error = lines[0]?.error as { stack: string };
    expect(error.stack).toContain(`Error: ${SECRET_DETAIL}`);
    expect(error.stack).toMatch(/\n\s+at /);
    expect(consoleCalls).toEqual([]);
    expect(output.text).toEqual([]);
  });

  it('counts the failure in Faults5xx', async () => {
    // Prepare
    const handler = probeHandler();

    // Act
    await invoke(handler, { path: '/items/1/fail' });

    // Assert
    expect(routeDocuments(output)).toEqual([
      expect.objectContaining({ route: 'GET /items/:id/fail', Faults5xx: 1, Errors4xx: 0 }),
    ]);
  });

  it('answers a thrown non-Error with the same safe 500 and logs it once', async () => {
    // Prepare
    const handler = probeHandler();

    // Act
    const answer = await invoke(handler, {
      path: '/items/1/throw-string',
      headers: { 'x-correlation-id': 'corr-str' },
    });

    // Assert
    expect(answer.body).toBe(
      '{"error":{"status":500,"message":"Internal Server Error","correlationId":"corr-str"}}',
    );
    expect(errorLines()).toEqual([
      expect.objectContaining({
        error: expect.objectContaining({ message: 'Non-error thrown: a thrown string' }),
      }),
    ]);
  });

  it("shows the error's detail in the body in local development mode (dev: true)", async () => {
    // Prepare
    const handler = probeHandler({ dev: true });

    // Act
    const answer = await invoke(handler, { path: '/items/1/fail' });

    // Assert
    expect(answer.statusCode).toBe(500);
    expect(JSON.parse(answer.body).error.debug).toMatchObject({
      name: 'Error',
      message: SECRET_DETAIL,
    });
  });
});

describe('HttpError', () => {
  it('does not log a 4xx at ERROR: the access line records it', async () => {
    // Prepare
    const handler = probeHandler();

    // Act
    const answer = await invoke(handler, { path: '/items/1/missing' });

    // Assert
    expect(answer.statusCode).toBe(404);
    expect(JSON.parse(answer.body).error.message).toBe('Item 1 not found');
    expect(errorLines()).toEqual([]);
    expect(accessLines(output)).toEqual([expect.objectContaining({ status: 404 })]);
    expect(consoleCalls).toEqual([]);
  });

  it('does not log an unmatched route (404) at ERROR', async () => {
    // Prepare
    const handler = probeHandler();

    // Act
    await invoke(handler, { path: '/nowhere' });

    // Assert
    expect(errorLines()).toEqual([]);
  });

  it('logs a 5xx once at ERROR and never sends its message to the client', async () => {
    // Prepare
    const handler = probeHandler();

    // Act
    const answer = await invoke(handler, {
      path: '/items/1/unavailable',
      headers: { 'x-correlation-id': 'corr-503' },
    });

    // Assert
    expect(answer.statusCode).toBe(503);
    expect(answer.body).toBe(
      '{"error":{"status":503,"message":"Service Unavailable","correlationId":"corr-503"}}',
    );
    expect(errorLines()).toEqual([
      expect.objectContaining({
        message: LOG_MESSAGES.unhandledError,
        correlation_id: 'corr-503',
        error: expect.objectContaining({
          name: 'HttpError',
          message: 'database password rejected',
        }),
      }),
    ]);
  });

  it('does not log a 5xx the route returned rather than threw', async () => {
    // Prepare
    const handler = probeHandler();

    // Act
    const answer = await invoke(handler, { path: '/items/1/busy' });

    // Assert
    expect(answer.statusCode).toBe(503);
    expect(errorLines()).toEqual([]);
  });
});

describe('unsupported events', () => {
  it('rejects with UnsupportedEventError naming the keys of the event', async () => {
    // Prepare
    const handler = probeHandler();

    // Act
    const result = invokeEvent(handler, SQS_EVENT);

    // Assert
    await expect(result).rejects.toBeInstanceOf(UnsupportedEventError);
    await expect(result).rejects.toMatchObject({ keys: ['Records'] });
  });

  it('logs the event once at ERROR with the keys it had, and nothing else', async () => {
    // Prepare
    const handler = probeHandler();

    // Act
    await invokeEvent(handler, SQS_EVENT).catch(() => undefined);

    // Assert
    expect(output.logs()).toEqual([
      expect.objectContaining({
        level: 'ERROR',
        message: LOG_MESSAGES.unsupportedEvent,
        event_keys: ['Records'],
        error: expect.objectContaining({ name: 'UnsupportedEventError' }),
      }),
    ]);
    expect(output.emf()).toEqual([]);
    expect(consoleCalls).toEqual([]);
  });

  it('never logs the values of the event', async () => {
    // Prepare
    const handler = probeHandler();

    // Act
    await invokeEvent(handler, { Records: [{ body: 'card 4111-1111' }] }).catch(() => undefined);

    // Assert
    expect(JSON.stringify(output.documents)).not.toContain('4111-1111');
  });

  it("logs it with this invocation's Lambda context, not the previous one's", async () => {
    // Prepare
    const handler = probeHandler();
    await invoke(handler, { path: '/items/1' }, 'http-invocation');
    output.clear();

    // Act
    await invokeEvent(handler, SQS_EVENT, 'sqs-invocation').catch(() => undefined);

    // Assert
    expect(linesWith(output, LOG_MESSAGES.unsupportedEvent)).toEqual([
      expect.objectContaining({ function_request_id: 'sqs-invocation' }),
    ]);
  });
});

describe('unsupported events without a Lambda context', () => {
  it('still logs the event once at ERROR when invoked without a context', async () => {
    // Prepare
    const handler = probeHandler();

    // Act
    const result = handler(SQS_EVENT, undefined as never);

    // Assert
    await expect(result).rejects.toBeInstanceOf(UnsupportedEventError);
    expect(linesWith(output, LOG_MESSAGES.unsupportedEvent)).toHaveLength(1);
  });
});

describe('errorLog middleware in a custom chain', () => {
  it('logs the failure through the Logger it is given, once, with no last-resort line', async () => {
    // Prepare
    const logger = new Logger({ serviceName: 'custom-chain' });
    const handler = createHandler({
      controllers: [ProbeController],
      service: 'custom',
      observability: false,
    }).use(errorLog({ logger }));

    // Act
    const answer = await invoke(handler, { path: '/items/1/fail' });

    // Assert
    expect(answer.statusCode).toBe(500);
    expect(errorLines()).toEqual([
      expect.objectContaining({ service: 'custom-chain', route: 'GET /items/:id/fail' }),
    ]);
    expect(consoleCalls).toEqual([]);
  });

  it('logs a non-Error thrown by an event source before the event was translated', async () => {
    // Prepare
    const logger = new Logger({ serviceName: 'custom-chain' });
    const brokenSource: EventSource<unknown> = {
      name: 'broken',
      detect: (event): event is unknown => true,
      toRequest: () => {
        throw 'broken source';
      },
      toResult: (response) => response,
    };
    const handler = createHandler({
      controllers: [ProbeController],
      service: 'custom',
      observability: false,
      sources: [brokenSource],
    }).use(errorLog({ logger }));

    // Act
    const result = invokeEvent(handler, { anything: true }, 'broken-invocation');

    // Assert
    await expect(result).rejects.toBe('broken source');
    expect(errorLines()).toEqual([
      expect.objectContaining({
        message: LOG_MESSAGES.unhandledError,
        function_request_id: 'broken-invocation',
        error: expect.objectContaining({ message: 'Non-error thrown: broken source' }),
      }),
    ]);
  });

  it('leaves a chain without errorLog to report the failure once on stderr', async () => {
    // Prepare
    const handler = createHandler({
      controllers: [ProbeController],
      service: 'custom',
      observability: false,
    });

    // Act
    const answer = await invoke(handler, { path: '/items/1/fail' });

    // Assert
    expect(answer.statusCode).toBe(500);
    expect(consoleCalls).toHaveLength(1);
    expect(consoleCalls[0]?.method).toBe('error');
    expect(consoleCalls[0]?.line).toContain('GET /items/:id/fail failed');
  });
});
