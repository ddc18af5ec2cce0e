import { Controller, Post, type Req } from 'gantry';
import { createLambdaContext } from 'gantry/dev';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { functionUrlEvent } from '../../support/events.js';
import { type HttpApiAnswer, handlerFor, invoke, jsonOf } from './invoke.js';

const Order = z.object({ sku: z.string() });

function countingHandler() {
  const calls: unknown[] = [];
  @Controller('/orders')
  class Orders {
    @Post('/:id', { body: Order, params: z.object({ id: z.string().regex(/^\d+$/) }) })
    create(req: Req<'/:id', { body: typeof Order }>) {
      calls.push(req.body);
      return { ok: true };
    }
  }
  return { calls, handler: handlerFor([Orders], { bodyLimit: 64 }) };
}

const json = { 'content-type': 'application/json' };

describe('dispatch', () => {
  it.each([
    ['an unknown path', { method: 'POST', path: '/nowhere' }, 404],
    ['another method', { method: 'GET', path: '/orders/1' }, 405],
    [
      'an oversized body',
      { method: 'POST', path: '/orders/1', headers: json, body: `{"sku":"${'x'.repeat(64)}"}` },
      413,
    ],
    ['malformed JSON', { method: 'POST', path: '/orders/1', headers: json, body: '{' }, 400],
    ['invalid input', { method: 'POST', path: '/orders/x', headers: json, body: '{"sku":1}' }, 422],
  ])('never calls the route for %s (%i)', async (_, spec, status) => {
    // Prepare
    const { calls, handler } = countingHandler();

    // Act
    const answer = await invoke(handler, spec);

    // Assert
    expect(answer.statusCode).toBe(status);
    expect(calls).toEqual([]);
  });

  it('calls the route once with the validated body for valid input', async () => {
    // Prepare
    const { calls, handler } = countingHandler();

    // Act
    const answer = await invoke(handler, {
      method: 'POST',
      path: '/orders/1',
      headers: json,
      body: '{"sku":"A-1"}',
    });

    // Assert
    expect(answer.statusCode).toBe(200);
    expect(calls).toEqual([{ sku: 'A-1' }]);
  });

  it('checks the body size before parsing it: oversized malformed JSON is a 413', async () => {
    // Prepare
    const { handler } = countingHandler();

    // Act
    const answer = await invoke(handler, {
      method: 'POST',
      path: '/orders/1',
      headers: json,
      body: `{${'x'.repeat(80)}`,
    });

    // Assert
    expect(answer.statusCode).toBe(413);
  });

  it('parses before validating: malformed JSON is a 400, not a 422', async () => {
    // Prepare
    const { handler } = countingHandler();

    // Act
    const answer = await invoke(handler, {
      method: 'POST',
      path: '/orders/x',
      headers: json,
      body: '{"sku":',
    });

    // Assert
    expect(answer.statusCode).toBe(400);
  });

  it('answers a malformed request path with 400 before routing', async () => {
    // Prepare
    const { handler } = countingHandler();

    // Act
    const answer = (await handler(
      functionUrlEvent({ method: 'POST', path: '/nowhere/%ZZ' }),
      createLambdaContext({ requestId: 'r' }),
    )) as HttpApiAnswer;

    // Assert
    expect(answer.statusCode).toBe(400);
    expect(jsonOf(answer).error.message).toBe('Malformed percent-encoding in the request path');
  });
});
