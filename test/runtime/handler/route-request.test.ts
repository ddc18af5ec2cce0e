import { Logger } from '@aws-lambda-powertools/logger';
import { Metrics } from '@aws-lambda-powertools/metrics';
import { Controller, createHandler, Post, type Req } from 'gantry';
import { createLambdaContext } from 'gantry/dev';
import { describe, expect, it } from 'vitest';
import { albEvent, apigwV1Event, functionUrlEvent } from '../../support/events.js';
import { captureOutput } from '../../support/output.js';
import { handlerFor, invoke, jsonOf } from './invoke.js';

let lastReq: Req | undefined;

@Controller('/inspect')
class InspectController {
  @Post('/:id')
  inspect(req: Req<'/:id'>) {
    lastReq = req;
    return {
      method: req.method,
      path: req.path,
      params: { ...req.params },
      query: { ...req.query },
      headers: req.headers,
      cookies: req.cookies,
      body: req.body,
      rawBody: req.rawBody.toString('utf8'),
      source: req.source,
      correlationId: req.correlationId,
      requestId: req.context.awsRequestId,
    };
  }
}

describe('Req as a route receives it', () => {
  it('carries the decoded request: method, path, params, query, headers, cookies, body', async () => {
    // Prepare
    const handler = handlerFor([InspectController]);

    // Act
    const answer = await invoke(handler, {
      method: 'POST',
      path: '/inspect/a%20b',
      query: 'tag=x&tag=y&q=caf%C3%A9',
      headers: { 'Content-Type': 'application/json', 'X-Multi': 'one,two' },
      cookies: ['session=abc', 'theme=dark'],
      body: '{"n":1}',
      requestId: 'source-request-id',
    });

    // Assert
    const seen = jsonOf(answer);
    expect(seen).toMatchObject({
      method: 'POST',
      path: '/inspect/a b',
      params: { id: 'a b' },
      query: { tag: ['x', 'y'], q: 'café' },
      cookies: { session: 'abc', theme: 'dark' },
      body: { n: 1 },
      rawBody: '{"n":1}',
      source: 'apigw-v2',
      requestId: 'source-request-id',
    });
    expect(seen.headers['content-type']).toBe('application/json');
    expect(seen.headers['x-multi']).toBe('one,two');
  });

  it('carries the raw event and the Lambda context', async () => {
    // Prepare
    const handler = handlerFor([InspectController]);
    const event = functionUrlEvent({ method: 'POST', path: '/inspect/1' });
    const context = createLambdaContext({ requestId: 'ctx-1' });

    // Act
    await handler(event, context);

    // Assert
    expect(lastReq?.event).toBe(event);
    expect(lastReq?.context).toBe(context);
    expect(lastReq?.source).toBe('function-url');
  });

  it.each([
    ['apigw-v1', apigwV1Event({ method: 'POST', path: '/inspect/1' })],
    ['alb', albEvent({ method: 'POST', path: '/inspect/1' })],
  ])('names its source: %s', async (source, event) => {
    // Prepare
    const handler = handlerFor([InspectController]);

    // Act
    await handler(event, createLambdaContext({ requestId: 'r' }));

    // Assert
    expect(lastReq?.source).toBe(source);
  });

  it('uses the source request id as correlation id when the observability chain is off', async () => {
    // Prepare
    const handler = handlerFor([InspectController]);

    // Act
    const answer = await invoke(handler, {
      method: 'POST',
      path: '/inspect/1',
      requestId: 'source-request-id',
    });

    // Assert
    expect(jsonOf(answer).correlationId).toBe('source-request-id');
  });

  it('has an empty correlation id when neither the chain nor the source gives one', async () => {
    // Prepare
    const handler = handlerFor([InspectController]);
    const event = albEvent({ method: 'POST', path: '/inspect/1' });

    // Act
    await handler(event, createLambdaContext({ requestId: 'r' }));

    // Assert
    expect(lastReq?.correlationId).toBe('');
  });

  it('gives an empty rawBody when there is no body', async () => {
    // Prepare
    const handler = handlerFor([InspectController]);

    // Act
    await invoke(handler, { method: 'POST', path: '/inspect/1' });

    // Assert
    expect(lastReq?.rawBody).toEqual(Buffer.alloc(0));
    expect(lastReq?.body).toBeUndefined();
  });
});

describe('Req with the observability chain', () => {
  const output = captureOutput();

  it('carries the correlation id of the chain, and a logger whose lines carry it', async () => {
    // Prepare
    @Controller('/log')
    class Logging {
      @Post('/')
      write(req: Req) {
        req.log.info('inside the route', { marker: 1 });
        return { correlationId: req.correlationId };
      }
    }
    const handler = createHandler({ controllers: [Logging], service: 'items' });

    // Act
    const answer = await invoke(handler, {
      method: 'POST',
      path: '/log',
      headers: { 'x-correlation-id': 'corr-77' },
    });

    // Assert
    expect(jsonOf(answer)).toEqual({ correlationId: 'corr-77' });
    const line = output.logs().find((log) => log.message === 'inside the route');
    expect(line).toMatchObject({ marker: 1, correlation_id: 'corr-77', service: 'items' });
  });

  it('hands over the app logger and metrics', async () => {
    // Prepare
    const logger = new Logger({ serviceName: 'items' });
    const metrics = new Metrics({ serviceName: 'items', namespace: 'Test' });
    const handler = handlerFor([InspectController], { logger, metrics });

    // Act
    await invoke(handler, { method: 'POST', path: '/inspect/1' });

    // Assert
    expect(lastReq?.log).toBe(logger);
    expect(lastReq?.metrics).toBe(metrics);
  });
});
