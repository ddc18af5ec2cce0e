import middy from '@middy/core';
import {
  Controller,
  createApp,
  createHandler,
  dispatch,
  type EventSource,
  exchangeOf,
  type GantryHandler,
  Get,
  HttpExchange,
  type HttpResponse,
  httpEvent,
  type Req,
  UnsupportedEventError,
} from 'gantry';
import { createLambdaContext } from 'gantry/dev';
import { describe, expect, it } from 'vitest';
import { apigwV1Event, apigwV2Event, functionUrlEvent } from '../../support/events.js';
import { captureOutput } from '../../support/output.js';
import { captureConsoleError, type HttpApiAnswer, handlerFor, jsonOf } from './invoke.js';

@Controller('/items')
class ItemsController {
  @Get('/:id')
  get(req: Req<'/:id'>) {
    if (req.params.id === 'boom') throw new Error('kaboom');
    return { id: req.params.id };
  }
}

const context = () => createLambdaContext({ requestId: 'r' });

describe('httpEvent with dispatch, as a chain of your own', () => {
  const consoleError = captureConsoleError();
  const app = createApp({ controllers: [ItemsController], service: 'items' });
  const handler = middy((exchange: HttpExchange) => dispatch(exchange, app)).use(
    httpEvent(app),
  ) as unknown as GantryHandler;

  it('serves a route on any event source, in that source format', async () => {
    // Act
    const v2 = (await handler(apigwV2Event({ path: '/items/1' }), context())) as HttpApiAnswer;
    const v1 = (await handler(apigwV1Event({ path: '/items/2' }), context())) as {
      statusCode: number;
      body: string;
      multiValueHeaders?: unknown;
    };

    // Assert
    expect(jsonOf(v2)).toEqual({ id: '1' });
    expect(v1.statusCode).toBe(200);
    expect(JSON.parse(v1.body)).toEqual({ id: '2' });
  });

  it('turns a thrown error into the safe 500 and logs it as a last resort', async () => {
    // Act
    const answer = (await handler(
      apigwV2Event({ path: '/items/boom' }),
      context(),
    )) as HttpApiAnswer;

    // Assert
    expect(answer.statusCode).toBe(500);
    expect(jsonOf(answer)).toEqual({ error: { status: 500, message: 'Internal Server Error' } });
    expect(consoleError.calls).toHaveLength(1);
  });

  it('does not log a 4xx', async () => {
    // Act
    const answer = (await handler(apigwV2Event({ path: '/nope' }), context())) as HttpApiAnswer;

    // Assert
    expect(answer.statusCode).toBe(404);
    expect(consoleError.calls).toEqual([]);
  });

  it('hands later middlewares the exchange in place of the raw event', async () => {
    // Prepare
    const seen: { route?: string; event?: unknown; isExchange?: boolean }[] = [];
    const event = apigwV2Event({ path: '/items/3' });
    const chain = middy((exchange: HttpExchange) => dispatch(exchange, app))
      .use(httpEvent(app))
      .use({
        before: (request) => {
          const exchange = exchangeOf(request);
          seen.push({
            route: exchange?.routeName,
            event: exchange?.event,
            isExchange: request.event instanceof HttpExchange,
          });
        },
      });

    // Act
    await chain(event, context());

    // Assert
    expect(seen).toEqual([{ route: 'GET /items/:id', event, isExchange: true }]);
  });
});

describe('httpEvent errors', () => {
  const consoleError = captureConsoleError();

  it('lets an event that is not an HTTP event fail the invocation with an actionable error', async () => {
    // Prepare
    const handler = handlerFor([ItemsController]);

    // Act
    const invocation = handler({ Records: [{ body: 'x' }] }, context());

    // Assert
    await expect(invocation).rejects.toThrow(UnsupportedEventError);
    await expect(handler({ Records: [] }, context())).rejects.toThrow(
      /\(keys seen: Records\)\. Pass a custom source in createHandler\(\{ sources \}\)/,
    );
    expect(consoleError.calls).toEqual([]);
  });

  it('answers 400 for a request the client got wrong, before routing', async () => {
    // Prepare
    const handler = handlerFor([ItemsController]);

    // Act
    const answer = (await handler(
      functionUrlEvent({ path: '/items/%E0%A4%A' }),
      context(),
    )) as HttpApiAnswer;

    // Assert
    expect(answer.statusCode).toBe(400);
    expect(jsonOf(answer)).toEqual({
      error: { status: 400, message: 'Malformed percent-encoding in the request path' },
    });
  });

  it('writes an answer another onError middleware chose, in the source format', async () => {
    // Prepare
    const teapot: HttpResponse = {
      status: 418,
      headers: { 'content-type': 'text/plain' },
      cookies: ['brewed=1'],
      body: 'short and stout',
    };
    const handler = handlerFor([ItemsController]).use({
      onError: (request) => {
        request.response = teapot;
      },
    });

    // Act
    const answer = (await handler(
      apigwV2Event({ path: '/items/boom' }),
      context(),
    )) as HttpApiAnswer;

    // Assert
    expect(answer).toEqual({
      statusCode: 418,
      headers: { 'content-type': 'text/plain' },
      cookies: ['brewed=1'],
      body: 'short and stout',
      isBase64Encoded: false,
    });
    expect(consoleError.calls).toEqual([]);
  });
});

describe('httpEvent when the answer cannot be written', () => {
  const output = captureOutput();
  const consoleError = captureConsoleError();

  it('answers the safe 500 once, and every observer records the request once', async () => {
    // Prepare: a source that cannot write a 200 (as a bug in a custom source would).
    const picky: EventSource<{ picky: true }, { status: number; body: unknown }> = {
      name: 'picky',
      detect: (event): event is { picky: true } => (event as { picky?: boolean }).picky === true,
      toRequest: () => ({
        method: 'GET',
        path: '/items/1',
        routingPath: '/items/1',
        query: {},
        headers: {},
        cookies: {},
        body: undefined,
        requestId: 'picky-1',
      }),
      toResult: (response) => {
        if (response.status === 200) throw new Error('cannot write a 200');
        return { status: response.status, body: response.body };
      },
    };
    const handler = createHandler({
      controllers: [ItemsController],
      service: 'items',
      sources: [picky],
    });

    // Act
    const answer = (await handler({ picky: true }, context())) as { status: number; body: string };

    // Assert
    expect(answer.status).toBe(500);
    expect(JSON.parse(answer.body)).toEqual({
      error: { status: 500, message: 'Internal Server Error', correlationId: 'picky-1' },
    });
    expect(output.emf().filter((doc) => 'Requests' in doc)).toHaveLength(1);
    expect(output.logs().filter((line) => line.message === 'request completed')).toHaveLength(1);
    expect(consoleError.calls).toHaveLength(1);
  });
});
