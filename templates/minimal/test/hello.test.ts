import { testClient } from 'gantry/testing';
import { describe, expect, it } from 'vitest';
import { handler } from '../src/handler.js';

const client = testClient(handler, { source: 'apigw-v2' });

describe('GET /hello/:name', () => {
  it('greets by name', async () => {
    const response = await client.get('/hello/Ada');

    expect(response.status).toBe(200);
    expect(response.json()).toEqual({ message: 'Hello, Ada!' });
    expect(response.headers['x-correlation-id']).toBeTruthy();
    expect(response.logs.some((line) => line.message === 'greeting')).toBe(true);
  });

  it('answers 404 with the error envelope on an unknown path', async () => {
    const response = await client.get('/nowhere');

    expect(response.status).toBe(404);
    expect(response.json()).toMatchObject({ error: { status: 404 } });
  });
});
