/**
 * Every observability middleware is exported so users can compose their own chain: each works
 * on its own, in any chain, and stays out of the way of events that are not HTTP events.
 */
import { Logger } from '@aws-lambda-powertools/logger';
import { Metrics } from '@aws-lambda-powertools/metrics';
import { Tracer } from '@aws-lambda-powertools/tracer';
import middy from '@middy/core';
import {
  accessLog,
  coldStart,
  correlationId,
  createHandler,
  errorLog,
  LOG_MESSAGES,
  routeMetrics,
  tracing,
} from 'gantry';
import { createLambdaContext } from 'gantry/dev';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { captureConsole } from '../../support/console.js';
import { captureOutput } from '../../support/output.js';
import { accessLines, coldStartDocuments, invoke, linesWith, routeDocuments } from './invoke.js';
import { ProbeController } from './probe-controller.js';

const output = captureOutput();
const consoleCalls = captureConsole();

afterEach(() => {
  vi.unstubAllEnvs();
});

const SQS_EVENT = { Records: [{ messageId: 'm1', eventSource: 'aws:sqs', body: 'hello' }] };

function bareHandler() {
  return createHandler({ controllers: [ProbeController], service: 'custom', observability: false });
}

function everyMiddleware(tracer: Tracer | Promise<Tracer>) {
  const logger = new Logger({ serviceName: 'custom' });
  const metrics = new Metrics({ serviceName: 'custom', namespace: 'Custom' });
  return [
    correlationId({ logger }),
    coldStart({ logger, metrics }),
    tracing({ tracer }),
    accessLog({ logger }),
    routeMetrics({ metrics }),
    errorLog({ logger }),
  ];
}

describe('a chain composed by hand from the exported middlewares', () => {
  it('gives the same correlation id, access line, route metrics and cold start as the built-in chain', async () => {
    // Prepare
    const logger = new Logger({ serviceName: 'custom' });
    const metrics = new Metrics({ serviceName: 'custom', namespace: 'Custom' });
    const handler = bareHandler()
      .use(correlationId({ logger }))
      .use(coldStart({ logger, metrics }))
      .use(accessLog({ logger }))
      .use(routeMetrics({ metrics }))
      .use(errorLog({ logger }));

    // Act
    const answer = await invoke(handler, {
      path: '/items/5',
      headers: { 'x-correlation-id': 'hand-made' },
    });

    // Assert
    expect(answer.headers['x-correlation-id']).toBe('hand-made');
    expect(accessLines(output)).toEqual([
      expect.objectContaining({
        route: 'GET /items/:id',
        status: 200,
        correlation_id: 'hand-made',
        cold_start: true,
      }),
    ]);
    expect(routeDocuments(output)).toEqual([
      expect.objectContaining({ service: 'custom', route: 'GET /items/:id', Requests: 1 }),
    ]);
    expect(coldStartDocuments(output)).toEqual([
      expect.objectContaining({ ColdStart: 1, correlation_id: 'hand-made' }),
    ]);
  });

  it('logs the safe 500 once through errorLog and counts it in Faults5xx', async () => {
    // Prepare
    const logger = new Logger({ serviceName: 'custom' });
    const metrics = new Metrics({ serviceName: 'custom', namespace: 'Custom' });
    const handler = bareHandler()
      .use(correlationId({ logger }))
      .use(routeMetrics({ metrics }))
      .use(errorLog({ logger }));

    // Act
    const answer = await invoke(handler, { path: '/items/1/fail' });

    // Assert
    expect(answer.statusCode).toBe(500);
    expect(linesWith(output, LOG_MESSAGES.unhandledError)).toHaveLength(1);
    expect(routeDocuments(output)).toEqual([expect.objectContaining({ Faults5xx: 1 })]);
    expect(consoleCalls).toEqual([]);
  });
});

describe('middlewares on a Middy handler that sees events that are not HTTP events', () => {
  it('let a non-HTTP event through untouched and write nothing', async () => {
    // Prepare
    const handler = middy(async (event: typeof SQS_EVENT) => ({ processed: event.Records.length }));
    for (const middleware of everyMiddleware(new Tracer({ enabled: false })))
      handler.use(middleware);

    // Act
    const result = await handler(SQS_EVENT, createLambdaContext({ requestId: 'sqs-1' }));

    // Assert
    expect(result).toEqual({ processed: 1 });
    expect(output.documents).toEqual([]);
    expect(consoleCalls).toEqual([]);
  });

  it('let the error of a non-HTTP handler reach Lambda, logged once at ERROR', async () => {
    // Prepare
    const failure = new Error('queue handler failed');
    const handler = middy(async () => {
      throw failure;
    });
    for (const middleware of everyMiddleware(new Tracer({ enabled: false })))
      handler.use(middleware);

    // Act
    const result = handler(SQS_EVENT, createLambdaContext({ requestId: 'sqs-2' }));

    // Assert
    await expect(result).rejects.toBe(failure);
    expect(output.logs()).toEqual([
      expect.objectContaining({
        level: 'ERROR',
        message: LOG_MESSAGES.unhandledError,
        function_request_id: 'sqs-2',
        error: expect.objectContaining({ message: 'queue handler failed' }),
      }),
    ]);
    expect(output.emf()).toEqual([]);
  });
});

describe('tracing middleware', () => {
  it('serves requests untraced, with one warning, when the Tracer fails to load', async () => {
    // Prepare
    const handler = bareHandler().use(
      tracing({ tracer: Promise.reject(new Error('cannot find aws-xray-sdk-core')) }),
    );

    // Act
    const first = await invoke(handler, { path: '/items/1' });
    const second = await invoke(handler, { path: '/items/2' });

    // Assert
    expect([first.statusCode, second.statusCode]).toEqual([200, 200]);
    expect(consoleCalls).toHaveLength(1);
    expect(consoleCalls[0]).toMatchObject({ method: 'warn' });
    expect(consoleCalls[0]?.line).toContain('tracing is off');
    expect(consoleCalls[0]?.line).toContain('cannot find aws-xray-sdk-core');
  });

  it('serves requests, failures included, with a disabled Tracer', async () => {
    // Prepare
    const tracer = new Tracer({ enabled: false });
    const handler = bareHandler().use(tracing({ tracer }));

    // Act
    const answer = await invoke(handler, { path: '/items/1/fail' });

    // Assert
    expect(answer.statusCode).toBe(500);
    expect(JSON.parse(answer.body).error.message).toBe('Internal Server Error');
  });

  it('serves the request untraced when there is no segment to attach to (outside Lambda)', async () => {
    // Prepare
    vi.stubEnv('AWS_EXECUTION_ENV', 'AWS_Lambda_nodejs20.x');
    vi.stubEnv('AWS_XRAY_CONTEXT_MISSING', 'IGNORE_ERROR');
    const tracer = new Tracer({ serviceName: 'custom', captureHTTPsRequests: false });
    const handler = bareHandler().use(tracing({ tracer }));

    // Act
    const answer = await invoke(handler, { path: '/items/1' });

    // Assert
    expect(tracer.isTracingEnabled()).toBe(true);
    expect(answer.statusCode).toBe(200);
  });
});
