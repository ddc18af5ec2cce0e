import { Logger } from '@aws-lambda-powertools/logger';
import { Tracer } from '@aws-lambda-powertools/tracer';
import {
  CORRELATION_HEADER,
  Controller,
  createHandler,
  type EventSource,
  exchangeOf,
  Get,
  HttpError,
  type HttpRequest,
  type HttpResponse,
  type Req,
} from 'gantry';
import { createLambdaContext } from 'gantry/dev';
import { testClient } from 'gantry/testing';
import { describe, expect, it, vi } from 'vitest';
import { apigwV2Event } from '../../support/events.js';
import { captureOutput } from '../../support/output.js';
import { captureConsoleError, handlerFor, invoke, jsonOf } from './invoke.js';

@Controller('/items')
class ItemsController {
  @Get('/:id')
  get(req: Req<'/:id'>) {
    if (req.params.id === 'missing') throw new HttpError(404, 'Item missing not found');
    if (req.params.id === 'boom') throw new Error('secret detail: db password is hunter2');
    return { id: req.params.id, path: req.path, source: req.source };
  }

  @Get('/throws/string')
  throwsString() {
    throw 'a thrown string';
  }
}

describe('createHandler', () => {
  it('refuses options without a service name, saying how to give one', () => {
    // Prepare
    vi.stubEnv('POWERTOOLS_SERVICE_NAME', '');

    // Act
    const build = () => createHandler({ controllers: [ItemsController], service: '' });

    // Assert
    expect(build).toThrow(
      new TypeError(
        'createHandler needs a service name: createHandler({ controllers, service: "items" }), or POWERTOOLS_SERVICE_NAME',
      ),
    );
    vi.unstubAllEnvs();
  });

  it('returns a Middy handler that accepts more middlewares with .use()', async () => {
    // Prepare
    const seen: string[] = [];
    const handler = handlerFor([ItemsController]).use({
      before: (request) => {
        seen.push(exchangeOf(request)?.routeName ?? 'none');
      },
    });

    // Act
    const answer = await invoke(handler, { path: '/items/1' });

    // Assert
    expect(answer.statusCode).toBe(200);
    expect(seen).toEqual(['GET /items/:id']);
  });
});

describe('createHandler({ observability: false })', () => {
  const client = testClient(handlerFor([ItemsController]));

  it('answers a route, a 404 and a 4xx HttpError without writing any line', async () => {
    // Act
    const ok = await client.get('/items/1');
    const unknown = await client.get('/nope');
    const missing = await client.get('/items/missing');

    // Assert
    expect(ok.status).toBe(200);
    expect(unknown.status).toBe(404);
    expect(missing.json()).toEqual({ error: { status: 404, message: 'Item missing not found' } });
    for (const response of [ok, unknown, missing]) expect(response.output).toEqual([]);
  });

  it('answers a thrown Error with a safe 500: no message, stack or class name', async () => {
    // Act
    const response = await client.get('/items/boom');

    // Assert
    expect(response.status).toBe(500);
    expect(response.headers['content-type']).toBe('application/json');
    expect(response.body).toBe('{"error":{"status":500,"message":"Internal Server Error"}}');
    expect(response.body).not.toMatch(/secret|hunter2|Error:|at |\.ts/);
  });

  it('still reports a 500 once on stderr, with the route, since no error log is in the chain', async () => {
    // Act
    const response = await client.get('/items/boom');

    // Assert
    expect(response.logs).toEqual([]);
    expect(response.output[0]).toBe(
      'gantry: GET /items/:id failed (correlation id none): Error: secret detail: db password is hunter2',
    );
    expect(response.output.filter((line) => line.startsWith('gantry:'))).toHaveLength(1);
  });

  it('answers a thrown non-Error with a safe 500', async () => {
    // Act
    const response = await client.get('/items/throws/string');

    // Assert
    expect(response.status).toBe(500);
    expect(response.json()).toEqual({ error: { status: 500, message: 'Internal Server Error' } });
  });
});

describe('createHandler with observability (the default)', () => {
  const client = testClient(createHandler({ controllers: [ItemsController], service: 'items' }));

  it('puts the correlation id on the answer and in error bodies', async () => {
    // Act
    const ok = await client.get('/items/1', { headers: { 'x-correlation-id': 'c-1' } });
    const missing = await client.get('/items/missing', { headers: { 'x-correlation-id': 'c-2' } });

    // Assert
    expect(ok.headers[CORRELATION_HEADER]).toBe('c-1');
    expect(missing.headers[CORRELATION_HEADER]).toBe('c-2');
    expect(missing.json()).toEqual({
      error: { status: 404, message: 'Item missing not found', correlationId: 'c-2' },
    });
  });

  it('answers a thrown Error with a safe 500 carrying only status, text and correlation id', async () => {
    // Act
    const response = await client.get('/items/boom', { requestId: 'req-500' });

    // Assert
    expect(response.status).toBe(500);
    expect(response.json()).toEqual({
      error: { status: 500, message: 'Internal Server Error', correlationId: 'req-500' },
    });
    expect(response.body).not.toMatch(/secret|hunter2|stack/);
  });

  it('logs the failure once at ERROR instead of on stderr', async () => {
    // Act
    const response = await client.get('/items/boom', { requestId: 'req-logged' });

    // Assert
    const errors = response.logs.filter((line) => line.level === 'ERROR');
    expect(errors).toHaveLength(1);
    expect(errors[0]?.correlation_id).toBe('req-logged');
    expect(response.output.filter((line) => !line.startsWith('{'))).toEqual([]);
  });

  it('answers 404 for an unknown path with the correlation id', async () => {
    // Act
    const response = await client.get('/nowhere', { requestId: 'req-404' });

    // Assert
    expect(response.json()).toEqual({
      error: { status: 404, message: 'No route for GET /nowhere', correlationId: 'req-404' },
    });
  });

  it('writes through the logger it is given', async () => {
    // Prepare
    const logger = new Logger({ serviceName: 'custom-service' });
    const custom = testClient(
      createHandler({ controllers: [ItemsController], service: 'items', logger }),
    );

    // Act
    const response = await custom.get('/items/1');

    // Assert
    const access = response.logs.find((line) => line.message === 'request completed');
    expect(access?.service).toBe('custom-service');
  });
});

describe('createHandler({ dev })', () => {
  captureOutput();
  const consoleError = captureConsoleError();

  it('adds a debug block with the message and stack to a 500 in local development mode', async () => {
    // Prepare
    const handler = handlerFor([ItemsController], { dev: true });

    // Act
    const answer = await invoke(handler, { path: '/items/boom' });

    // Assert
    const { error } = jsonOf(answer);
    expect(answer.statusCode).toBe(500);
    expect(error.message).toBe('Internal Server Error');
    expect(error.debug.name).toBe('Error');
    expect(error.debug.message).toBe('secret detail: db password is hunter2');
    expect(error.debug.stack).toMatch(/^Error: secret detail/);
    expect(consoleError.calls).toHaveLength(1);
  });

  it('describes a thrown non-Error in the debug block', async () => {
    // Prepare
    const handler = handlerFor([ItemsController], { dev: true });

    // Act
    const answer = await invoke(handler, { path: '/items/throws/string' });

    // Assert
    expect(jsonOf(answer).error.debug).toEqual({ thrown: 'a thrown string' });
  });

  it('adds no debug block to an exposed 4xx', async () => {
    // Prepare
    const handler = handlerFor([ItemsController], { dev: true });

    // Act
    const answer = await invoke(handler, { path: '/items/missing' });

    // Assert
    expect(jsonOf(answer)).toEqual({ error: { status: 404, message: 'Item missing not found' } });
  });

  it('follows POWERTOOLS_DEV=true when dev is not set', async () => {
    // Prepare
    vi.stubEnv('POWERTOOLS_DEV', 'true');
    const handler = handlerFor([ItemsController]);
    vi.unstubAllEnvs();

    // Act
    const answer = await invoke(handler, { path: '/items/boom' });

    // Assert
    expect(jsonOf(answer).error.debug.message).toBe('secret detail: db password is hunter2');
  });

  it('adds no debug block by default', async () => {
    // Prepare
    vi.stubEnv('POWERTOOLS_DEV', '');
    const handler = handlerFor([ItemsController]);
    vi.unstubAllEnvs();

    // Act
    const answer = await invoke(handler, { path: '/items/boom' });

    // Assert
    expect(jsonOf(answer).error.debug).toBeUndefined();
  });
});

describe('createHandler paths', () => {
  it('strips a base path given as a string', async () => {
    // Prepare
    const handler = handlerFor([ItemsController], { basePath: 'v1/' });

    // Act
    const answer = await invoke(handler, { path: '/v1/items/7' });

    // Assert
    expect(jsonOf(answer)).toMatchObject({ id: '7', path: '/items/7' });
  });

  it('strips any of several base paths', async () => {
    // Prepare
    const handler = handlerFor([ItemsController], { basePath: ['/', '/v1', '/api/v2'] });

    // Act
    const v1 = await invoke(handler, { path: '/v1/items/1' });
    const v2 = await invoke(handler, { path: '/api/v2/items/2' });
    const bare = await invoke(handler, { path: '/items/3' });

    // Assert
    expect(jsonOf(v1).path).toBe('/items/1');
    expect(jsonOf(v2).path).toBe('/items/2');
    expect(jsonOf(bare).path).toBe('/items/3');
  });

  it('strips a named HTTP API stage by default, and keeps it with stripStage: false', async () => {
    // Prepare
    const stripping = handlerFor([ItemsController]);
    const keeping = handlerFor([ItemsController], { stripStage: false });

    // Act
    const stripped = await invoke(stripping, { path: '/items/1', stage: 'Prod' });
    const kept = await invoke(keeping, { path: '/items/1', stage: 'Prod' });

    // Assert
    expect(jsonOf(stripped).path).toBe('/items/1');
    expect(kept.statusCode).toBe(404);
    expect(jsonOf(kept).error.message).toBe('No route for GET /Prod/items/1');
  });
});

describe('createHandler({ sources })', () => {
  interface QueueEvent {
    kind: 'queue-http';
    url: string;
  }
  const queueSource: EventSource<QueueEvent, { code: number; text: string }> = {
    name: 'queue-http',
    detect: (event): event is QueueEvent => (event as { kind?: unknown }).kind === 'queue-http',
    toRequest: (event): HttpRequest => ({
      method: 'GET',
      path: event.url,
      routingPath: event.url,
      query: {},
      headers: {},
      cookies: {},
      body: undefined,
      requestId: 'queue-1',
    }),
    toResult: (response: HttpResponse) => ({
      code: response.status,
      text: String(response.body),
    }),
  };

  it('serves events of a source of your own', async () => {
    // Prepare
    const handler = handlerFor([ItemsController], { sources: [queueSource] });

    // Act
    const result = await handler(
      { kind: 'queue-http', url: '/items/q1' },
      createLambdaContext({ requestId: 'r' }),
    );

    // Assert
    expect(result).toEqual({
      code: 200,
      text: '{"id":"q1","path":"/items/q1","source":"queue-http"}',
    });
  });

  it('tries your sources before the built-in ones', async () => {
    // Prepare
    const claimsEverything: EventSource<{ rawPath: string }, string> = {
      name: 'claims-everything',
      detect: (event): event is { rawPath: string } => typeof event === 'object' && event !== null,
      toRequest: (event) => ({
        method: 'GET',
        path: event.rawPath,
        routingPath: event.rawPath,
        query: {},
        headers: {},
        cookies: {},
        body: undefined,
        requestId: undefined,
      }),
      toResult: (response) => `custom ${response.status}`,
    };
    const handler = handlerFor([ItemsController], { sources: [claimsEverything] });

    // Act
    const result = await handler(
      apigwV2Event({ path: '/items/1' }),
      createLambdaContext({ requestId: 'r' }),
    );

    // Assert
    expect(result).toBe('custom 200');
  });
});

describe('createHandler tracing', () => {
  captureOutput();

  it('answers with tracing switched on outside Lambda (the Tracer loads lazily)', async () => {
    // Prepare
    const handler = createHandler({
      controllers: [ItemsController],
      service: 'items',
      tracing: true,
    });

    // Act
    const first = await invoke(handler, { path: '/items/1' });
    const second = await invoke(handler, { path: '/items/2' });

    // Assert
    expect(jsonOf(first).id).toBe('1');
    expect(jsonOf(second).id).toBe('2');
  });

  it('answers with a Tracer of your own', async () => {
    // Prepare
    const tracer = new Tracer({ serviceName: 'items', enabled: false });
    const handler = createHandler({ controllers: [ItemsController], service: 'items', tracer });

    // Act
    const answer = await invoke(handler, { path: '/items/1' });

    // Assert
    expect(answer.statusCode).toBe(200);
  });

  it('answers in Lambda with tracing switched off by POWERTOOLS_TRACE_ENABLED=false', async () => {
    // Prepare
    vi.stubEnv('AWS_EXECUTION_ENV', 'AWS_Lambda_nodejs20.x');
    vi.stubEnv('POWERTOOLS_TRACE_ENABLED', 'false');
    const handler = createHandler({ controllers: [ItemsController], service: 'items' });
    vi.unstubAllEnvs();

    // Act
    const answer = await invoke(handler, { path: '/items/1' });

    // Assert
    expect(answer.statusCode).toBe(200);
  });
});
