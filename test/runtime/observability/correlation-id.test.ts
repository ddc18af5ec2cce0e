import { Logger } from '@aws-lambda-powertools/logger';
import { correlationId, createHandler, pickCorrelationId } from 'gantry';
import { describe, expect, it } from 'vitest';
import { albEvent, apigwV1Event, apigwV2Event } from '../../support/events.js';
import { captureOutput } from '../../support/output.js';
import { allOutput, invoke, invokeEvent, routeDocuments } from './invoke.js';
import { ProbeController, probeHandler } from './probe-controller.js';

const output = captureOutput();

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe('pickCorrelationId', () => {
  it.each([
    [
      'x-correlation-id first',
      { 'x-correlation-id': 'corr', 'x-request-id': 'req' },
      'source-id',
      'corr',
    ],
    [
      'x-request-id when there is no x-correlation-id',
      { 'x-request-id': 'req' },
      'source-id',
      'req',
    ],
    ["the source's request id when neither header is sent", {}, 'source-id', 'source-id'],
    [
      'an id of exactly 128 characters',
      { 'x-correlation-id': 'a'.repeat(128) },
      undefined,
      'a'.repeat(128),
    ],
    ['every allowed character', { 'x-correlation-id': 'Az09._:@/=+-' }, undefined, 'Az09._:@/=+-'],
  ])('takes %s', (_, headers, requestId, expected) => {
    // Act
    const id = pickCorrelationId({ headers, requestId });

    // Assert
    expect(id).toBe(expected);
  });

  it.each([
    ['no header and no request id', {}, undefined],
    ['an id over 128 characters', { 'x-correlation-id': 'a'.repeat(129) }, 'source-id'],
    ['a newline (log injection)', { 'x-correlation-id': 'abc\n{"level":"ERROR"}' }, 'source-id'],
    ['a double quote', { 'x-correlation-id': 'abc"def' }, 'source-id'],
    ['a space', { 'x-correlation-id': 'abc def' }, 'source-id'],
    ['a repeated header joined with a comma', { 'x-correlation-id': 'a, b' }, 'source-id'],
    ['an empty value', { 'x-correlation-id': '' }, 'source-id'],
    ['an invalid x-request-id', { 'x-request-id': '<script>' }, 'source-id'],
    ['an invalid source request id', {}, 'bad id'],
  ])('generates a new UUID for %s', (_, headers, requestId) => {
    // Act
    const id = pickCorrelationId({ headers, requestId });

    // Assert
    expect(id).toMatch(UUID);
  });

  it('generates a different UUID each time', () => {
    // Act
    const ids = new Set(
      Array.from({ length: 10 }, () => pickCorrelationId({ headers: {}, requestId: undefined })),
    );

    // Assert
    expect(ids.size).toBe(10);
  });
});

describe('correlation id on a request', () => {
  it('echoes the id as the x-correlation-id response header and puts it on every log line and the metrics', async () => {
    // Prepare
    const handler = probeHandler();

    // Act
    const answer = await invoke(handler, {
      path: '/items/1',
      headers: { 'x-correlation-id': 'order-1234' },
    });

    // Assert
    expect(answer.headers['x-correlation-id']).toBe('order-1234');
    const lines = output.logs();
    expect(lines.map((line) => line.message)).toEqual([
      'cold start',
      'item read',
      'request completed',
    ]);
    for (const line of lines) expect(line.correlation_id).toBe('order-1234');
    expect(routeDocuments(output)[0]?.correlation_id).toBe('order-1234');
  });

  it('uses x-request-id when no x-correlation-id is sent', async () => {
    // Prepare
    const handler = probeHandler();

    // Act
    const answer = await invoke(handler, {
      path: '/items/1',
      headers: { 'x-request-id': 'req-77' },
    });

    // Assert
    expect(answer.headers['x-correlation-id']).toBe('req-77');
  });

  it.each([
    ['REST API (v1)', apigwV1Event({ path: '/items/1', requestId: 'v1-id-123' }), 'v1-id-123'],
    ['HTTP API (v2)', apigwV2Event({ path: '/items/1', requestId: 'v2-id-456' }), 'v2-id-456'],
  ])('falls back to the %s request id', async (_, event, expected) => {
    // Prepare
    const handler = probeHandler();

    // Act
    const answer = await invokeEvent(handler, event);

    // Assert
    expect(answer.headers['x-correlation-id']).toBe(expected);
    for (const line of output.logs()) expect(line.correlation_id).toBe(expected);
  });

  it('generates a new UUID per request when the source has no request id (ALB)', async () => {
    // Prepare
    const handler = probeHandler();

    // Act
    const first = await invokeEvent(handler, albEvent({ path: '/items/1' }));
    const second = await invokeEvent(handler, albEvent({ path: '/items/1' }));

    // Assert
    const ids = [first.headers['x-correlation-id'], second.headers['x-correlation-id']];
    for (const id of ids) expect(id).toMatch(UUID);
    expect(ids[0]).not.toBe(ids[1]);
  });

  it.each([
    ['over 128 characters', 'x'.repeat(129)],
    ['a double quote', 'abc","level":"ERROR'],
  ])('replaces an id with %s by a new UUID everywhere', async (_, sent) => {
    // Prepare
    const handler = probeHandler();

    // Act
    const answer = await invoke(handler, {
      path: '/items/1',
      headers: { 'x-correlation-id': sent },
    });

    // Assert
    const id = answer.headers['x-correlation-id'];
    expect(id).toMatch(UUID);
    for (const line of output.logs()) expect(line.correlation_id).toBe(id);
    expect(output.logs().some((line) => line.message === 'forged')).toBe(false);
    expect(JSON.stringify(output.documents)).not.toContain(sent);
  });

  it('answers an id with a newline with a 400 naming the header, the forged id reaching no header, log line or body', async () => {
    // Prepare
    const handler = probeHandler();
    const forged = 'abc\n{"level":"ERROR","message":"forged"}';

    // Act
    const answer = await invoke(handler, {
      path: '/items/1',
      headers: { 'x-correlation-id': forged },
      requestId: 'source-id',
    });

    // Assert
    expect(answer.statusCode).toBe(400);
    const { error } = JSON.parse(answer.body);
    expect(error.message).toContain('"x-correlation-id"');
    expect(error.correlationId).toBe('source-id');
    expect(answer.headers['x-correlation-id']).toBe('source-id');
    const written = [JSON.stringify(answer), ...allOutput(output)];
    for (const text of written) expect(text).not.toContain('forged');
    const lines = output.logs();
    expect(lines.length).toBeGreaterThan(0);
    for (const line of lines) expect(line.correlation_id).toBe('source-id');
  });

  it('puts the id in the body of an error answer', async () => {
    // Prepare
    const handler = probeHandler();

    // Act
    const notFound = await invoke(handler, {
      path: '/items/1/missing',
      headers: { 'x-correlation-id': 'c-404' },
    });
    const failed = await invoke(handler, {
      path: '/items/1/fail',
      headers: { 'x-correlation-id': 'c-500' },
    });

    // Assert
    expect(notFound.headers['x-correlation-id']).toBe('c-404');
    expect(JSON.parse(notFound.body).error.correlationId).toBe('c-404');
    expect(failed.headers['x-correlation-id']).toBe('c-500');
    expect(JSON.parse(failed.body).error.correlationId).toBe('c-500');
  });

  it('gives req.correlationId to the route', async () => {
    // Prepare
    const handler = probeHandler();

    // Act
    const answer = await invoke(handler, {
      path: '/items/1/slow',
      headers: { 'x-correlation-id': 'seen-by-route' },
    });

    // Assert
    expect(JSON.parse(answer.body).correlationId).toBe('seen-by-route');
  });

  it("does not carry one request's id or Lambda context into the next request's lines", async () => {
    // Prepare
    const handler = probeHandler();

    // Act
    await invoke(handler, { path: '/items/1', headers: { 'x-correlation-id': 'first' } }, 'aws-1');
    await invoke(handler, { path: '/items/2', headers: { 'x-correlation-id': 'second' } }, 'aws-2');

    // Assert
    const second = output.logs().filter((line) => line.correlation_id === 'second');
    expect(second.map((line) => line.message)).toEqual(['item read', 'request completed']);
    for (const line of second) expect(line.function_request_id).toBe('aws-2');
  });

  it('removes the correlation id from the logger when the request ends', async () => {
    // Prepare
    const logger = new Logger({ serviceName: 'probe' });
    const handler = probeHandler({ logger });
    await invoke(handler, { path: '/items/1', headers: { 'x-correlation-id': 'ended' } });
    output.clear();

    // Act
    logger.info('between requests');

    // Assert
    expect(output.logs()).toEqual([expect.objectContaining({ message: 'between requests' })]);
    expect(output.logs()[0]).not.toHaveProperty('correlation_id');
  });
});

describe('correlationId middleware in a custom chain', () => {
  it('sets the id on the answer even without a logger', async () => {
    // Prepare
    const handler = createHandler({
      controllers: [ProbeController],
      service: 'custom',
      observability: false,
    }).use(correlationId());

    // Act
    const answer = await invoke(handler, {
      path: '/items/1/missing',
      headers: { 'x-correlation-id': 'no-logger' },
    });

    // Assert
    expect(answer.headers['x-correlation-id']).toBe('no-logger');
    expect(JSON.parse(answer.body).error.correlationId).toBe('no-logger');
  });

  it('adds the id and the Lambda context to the lines of the Logger it is given', async () => {
    // Prepare
    const logger = new Logger({ serviceName: 'custom-chain' });
    const handler = createHandler({
      controllers: [ProbeController],
      service: 'custom',
      observability: false,
      logger,
    }).use(correlationId({ logger }));

    // Act
    await invoke(
      handler,
      { path: '/items/1', headers: { 'x-correlation-id': 'chain-id' } },
      'aws-9',
    );

    // Assert
    expect(output.logs()).toEqual([
      expect.objectContaining({
        message: 'item read',
        correlation_id: 'chain-id',
        function_request_id: 'aws-9',
        function_name: 'probe-function',
      }),
    ]);
  });

  it('answers without a correlation id when the middleware is not in the chain', async () => {
    // Prepare
    const handler = createHandler({
      controllers: [ProbeController],
      service: 'custom',
      observability: false,
    });

    // Act
    const answer = await invoke(handler, { path: '/items/1/missing' });

    // Assert
    expect(answer.headers).not.toHaveProperty('x-correlation-id');
    expect(JSON.parse(answer.body).error).not.toHaveProperty('correlationId');
  });
});
