/**
 * The items example, end to end through its exported handler, as a user tests it: with the
 * `gantry/testing` client, over HTTP API (v2) and, for the round trip, every other source.
 */
import { TEST_SOURCES, testClient } from 'gantry/testing';
import { describe, expect, it } from 'vitest';
import { handler } from '../../examples/items/handler.js';

interface Item {
  id: string;
  name: string;
  done: boolean;
  createdAt: string;
}

interface ErrorBody {
  error: {
    status: number;
    message: string;
    details?: { loc: unknown[] }[];
    correlationId?: string;
  };
}

const client = testClient(handler);

const create = (fields: Record<string, unknown>) => client.post('/items', { json: fields });

describe('examples/items', () => {
  it('creates an item: 201, its location, the stored item, and its log line', async () => {
    // Act
    const response = await create({ name: '  Buy milk  ' });

    // Assert
    expect(response.status).toBe(201);
    const item = response.json<Item>();
    expect(item).toEqual({
      id: expect.stringMatching(/^[0-9a-f-]{36}$/),
      name: 'Buy milk',
      done: false,
      createdAt: expect.any(String),
    });
    expect(response.headers.location).toBe(`/items/${item.id}`);
    expect(response.headers['x-correlation-id']).toEqual(expect.any(String));
    expect(response.logs.find((line) => line.message === 'item created')).toMatchObject({
      item_id: item.id,
      correlation_id: response.headers['x-correlation-id'],
    });
  });

  it('gets an item by the id in its location', async () => {
    // Prepare
    const created = await create({ name: 'Walk the dog', done: true });

    // Act
    const response = await client.get(created.headers.location as string);

    // Assert
    expect(response.status).toBe(200);
    expect(response.json()).toEqual(created.json());
  });

  it('lists items, filtered and limited by validated, coerced query parameters', async () => {
    // Prepare
    const open1 = (await create({ name: 'open one' })).json<Item>();
    const open2 = (await create({ name: 'open two' })).json<Item>();
    await create({ name: 'finished', done: true });

    // Act
    const all = await client.get('/items');
    const firstOpen = await client.get('/items', { query: { limit: '1', done: 'false' } });
    const open = await client.get('/items?done=false&limit=100');

    // Assert
    expect(all.status).toBe(200);
    expect(all.json<{ items: Item[] }>().items.length).toBeGreaterThanOrEqual(3);
    const first = firstOpen.json<{ items: Item[] }>().items;
    expect(first).toHaveLength(1);
    expect(first[0]?.done).toBe(false);
    const openItems = open.json<{ items: Item[] }>().items;
    expect(openItems.map((item) => item.id)).toEqual(expect.arrayContaining([open1.id, open2.id]));
    expect(openItems.every((item) => item.done === false)).toBe(true);
  });

  it('answers 422 for invalid list parameters, with where and what', async () => {
    // Act
    const response = await client.get('/items', { query: 'limit=0&done=maybe' });

    // Assert
    expect(response.status).toBe(422);
    const { error } = response.json<ErrorBody>();
    expect(error.message).toBe('Request validation failed');
    expect(error.details?.map((issue) => issue.loc)).toEqual([
      ['query', 'limit'],
      ['query', 'done'],
    ]);
  });

  it('answers 422 for an invalid new item, without storing it', async () => {
    // Act
    const blank = await create({ name: '   ' });
    const wrongTypes = await create({ name: 42, done: 'yes' });

    // Assert
    expect(blank.status).toBe(422);
    expect(blank.json<ErrorBody>().error.details).toEqual([
      { loc: ['body', 'name'], message: expect.any(String) },
    ]);
    expect(wrongTypes.status).toBe(422);
    expect(wrongTypes.json<ErrorBody>().error.details?.map((issue) => issue.loc)).toEqual([
      ['body', 'name'],
      ['body', 'done'],
    ]);
  });

  it('answers 400 for a malformed JSON body', async () => {
    // Act
    const response = await client.post('/items', {
      headers: { 'content-type': 'application/json' },
      body: '{"name": ',
    });

    // Assert
    expect(response.status).toBe(400);
    expect(response.json<ErrorBody>().error.message).toMatch(/^Malformed JSON body/);
  });

  it('answers 404 for an unknown id, naming it', async () => {
    // Act
    const response = await client.get('/items/no-such-id', { requestId: 'req-404' });

    // Assert
    expect(response.status).toBe(404);
    expect(response.json()).toEqual({
      error: { status: 404, message: 'Item no-such-id not found', correlationId: 'req-404' },
    });
  });

  it('deletes an item: 204, then 404 on get and on a second delete', async () => {
    // Prepare
    const { id } = (await create({ name: 'to delete' })).json<Item>();

    // Act
    const deleted = await client.delete(`/items/${id}`);
    const afterGet = await client.get(`/items/${id}`);
    const again = await client.delete(`/items/${id}`);

    // Assert
    expect(deleted.status).toBe(204);
    expect(deleted.body).toBe('');
    expect(afterGet.status).toBe(404);
    expect(again.status).toBe(404);
  });

  it('answers 405 with Allow for a method the items path does not serve', async () => {
    // Act
    const response = await client.patch('/items');

    // Assert
    expect(response.status).toBe(405);
    expect(response.headers.allow).toBe('GET, HEAD, POST');
  });

  it('counts each request once in its route metrics', async () => {
    // Act
    const response = await client.get('/items/no-such-id');

    // Assert
    const emf = response.metrics.filter((doc) => doc.route === 'GET /items/:id');
    expect(emf).toHaveLength(1);
    expect(emf[0]).toMatchObject({ service: 'items', Requests: 1, Errors4xx: 1, Faults5xx: 0 });
  });

  it.each(TEST_SOURCES)('creates and gets an item the same way over %s', async (source) => {
    // Prepare
    const over = testClient(handler, { source });

    // Act
    const created = await over.post('/items', { json: { name: `over ${source}` } });
    const got = await over.get(created.headers.location as string);

    // Assert
    expect(created.status).toBe(201);
    expect(got.status).toBe(200);
    expect(got.json()).toEqual(created.json());
  });
});
