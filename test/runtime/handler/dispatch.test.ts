import { Controller, Post, type Req } from 'gantry';
import { TEST_SOURCES, type TestRequest, testClient } from 'gantry/testing';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { handlerFor } from './invoke.js';

const Order = z.object({ sku: z.string() });

function countingClient(source: (typeof TEST_SOURCES)[number] = 'apigw-v2') {
  const calls: unknown[] = [];
  @Controller('/orders')
  class Orders {
    @Post('/:id', { body: Order, params: z.object({ id: z.string().regex(/^\d+$/) }) })
    create(req: Req<'/:id', { body: typeof Order }>) {
      calls.push(req.body);
      return { ok: true };
    }
  }
  return { calls, client: testClient(handlerFor([Orders], { bodyLimit: 64 }), { source }) };
}

const json = { 'content-type': 'application/json' };

describe('dispatch', () => {
  it.each<[string, TestRequest & { method: string; path: string }, number]>([
    ['an unknown path', { method: 'POST', path: '/nowhere' }, 404],
    ['another method', { method: 'GET', path: '/orders/1' }, 405],
    [
      'an oversized body',
      { method: 'POST', path: '/orders/1', json: { sku: 'x'.repeat(64) } },
      413,
    ],
    ['malformed JSON', { method: 'POST', path: '/orders/1', headers: json, body: '{' }, 400],
    ['invalid input', { method: 'POST', path: '/orders/x', json: { sku: 1 } }, 422],
  ])('never calls the route for %s (%i)', async (_, { method, path, ...init }, status) => {
    // Prepare
    const { calls, client } = countingClient();

    // Act
    const response = await client.request(method, path, init);

    // Assert
    expect(response.status).toBe(status);
    expect(calls).toEqual([]);
  });

  it.each(TEST_SOURCES)(
    'calls the route once with the validated body for valid input on %s',
    async (source) => {
      // Prepare
      const { calls, client } = countingClient(source);

      // Act
      const response = await client.post('/orders/1', { json: { sku: 'A-1' } });

      // Assert
      expect(response.status).toBe(200);
      expect(response.json()).toEqual({ ok: true });
      expect(calls).toEqual([{ sku: 'A-1' }]);
    },
  );

  it('checks the body size before parsing it: oversized malformed JSON is a 413', async () => {
    // Prepare
    const { client } = countingClient();

    // Act
    const response = await client.post('/orders/1', { headers: json, body: `{${'x'.repeat(80)}` });

    // Assert
    expect(response.status).toBe(413);
  });

  it('parses before validating: malformed JSON is a 400, not a 422', async () => {
    // Prepare
    const { client } = countingClient();

    // Act
    const response = await client.post('/orders/x', { headers: json, body: '{"sku":' });

    // Assert
    expect(response.status).toBe(400);
  });

  it('answers a malformed request path with 400 before routing', async () => {
    // Prepare: a Function URL passes the path on still percent-encoded, malformed escapes too.
    const { client } = countingClient('function-url');

    // Act
    const response = await client.post('/nowhere/%ZZ');

    // Assert
    expect(response.status).toBe(400);
    expect(response.json()).toMatchObject({
      error: { message: 'Malformed percent-encoding in the request path' },
    });
  });
});
