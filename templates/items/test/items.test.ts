import { testClient } from 'gantry/testing';
import { describe, expect, it } from 'vitest';
import { handler } from '../src/handler.js';

const client = testClient(handler, { source: 'apigw-v2' });

describe('the items API', () => {
  it('creates an item that GET /items/:id then returns', async () => {
    const created = await client.post('/items', { json: { name: 'Buy milk' } });

    expect(created.status).toBe(201);
    const item = created.json<{ id: string; name: string }>();
    expect(item.name).toBe('Buy milk');
    expect(created.headers.location).toBe(`/items/${item.id}`);

    const fetched = await client.get(`/items/${item.id}`);
    expect(fetched.status).toBe(200);
    expect(fetched.json()).toEqual(item);
  });

  it('answers an invalid item with 422 and what is wrong with it', async () => {
    const response = await client.post('/items', { json: { name: '' } });

    expect(response.status).toBe(422);
    expect(response.json()).toMatchObject({ error: { status: 422 } });
  });

  it('answers 404 for an item that does not exist', async () => {
    const response = await client.get('/items/nope');

    expect(response.status).toBe(404);
  });
});
