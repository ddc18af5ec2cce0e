/**
 * The items example, end to end through its exported handler, as API Gateway would call it.
 */
import { describe, expect, it } from 'vitest';
import { handler } from '../../examples/items/handler.js';
import { invoke, jsonOf } from '../runtime/handler/invoke.js';
import { captureOutput } from '../support/output.js';

const json = { 'content-type': 'application/json' };

async function create(fields: Record<string, unknown>) {
  return invoke(handler, {
    method: 'POST',
    path: '/items',
    headers: json,
    body: JSON.stringify(fields),
  });
}

describe('examples/items', () => {
  const output = captureOutput();

  it('creates an item: 201, its location, and the stored item', async () => {
    // Act
    const answer = await create({ name: '  Buy milk  ' });

    // Assert
    expect(answer.statusCode).toBe(201);
    const item = jsonOf(answer);
    expect(item).toEqual({
      id: expect.stringMatching(/^[0-9a-f-]{36}$/),
      name: 'Buy milk',
      done: false,
      createdAt: expect.any(String),
    });
    expect(answer.headers.location).toBe(`/items/${item.id}`);
    expect(answer.headers['x-correlation-id']).toEqual(expect.any(String));
    expect(output.logs().find((line) => line.message === 'item created')).toMatchObject({
      item_id: item.id,
    });
  });

  it('gets an item by the id in its location', async () => {
    // Prepare
    const created = await create({ name: 'Walk the dog', done: true });

    // Act
    const answer = await invoke(handler, { path: created.headers.location });

    // Assert
    expect(answer.statusCode).toBe(200);
    expect(jsonOf(answer)).toEqual(jsonOf(created));
  });

  it('lists items, filtered and limited by validated, coerced query parameters', async () => {
    // Prepare
    const open1 = jsonOf(await create({ name: 'open one' }));
    const open2 = jsonOf(await create({ name: 'open two' }));
    await create({ name: 'finished', done: true });

    // Act
    const all = await invoke(handler, { path: '/items' });
    const firstOpen = await invoke(handler, { path: '/items', query: 'limit=1&done=false' });
    const open = await invoke(handler, { path: '/items', query: 'done=false&limit=100' });

    // Assert
    expect(all.statusCode).toBe(200);
    expect(jsonOf(all).items.length).toBeGreaterThanOrEqual(3);
    expect(jsonOf(firstOpen).items).toHaveLength(1);
    expect(jsonOf(firstOpen).items[0].done).toBe(false);
    const openIds = jsonOf(open).items.map((item: { id: string }) => item.id);
    expect(openIds).toEqual(expect.arrayContaining([open1.id, open2.id]));
    expect(jsonOf(open).items.every((item: { done: boolean }) => item.done === false)).toBe(true);
  });

  it('answers 422 for invalid list parameters, with where and what', async () => {
    // Act
    const answer = await invoke(handler, { path: '/items', query: 'limit=0&done=maybe' });

    // Assert
    expect(answer.statusCode).toBe(422);
    const { error } = jsonOf(answer);
    expect(error.message).toBe('Request validation failed');
    expect(error.details.map((issue: { loc: unknown[] }) => issue.loc)).toEqual([
      ['query', 'limit'],
      ['query', 'done'],
    ]);
  });

  it('answers 422 for an invalid new item, without storing it', async () => {
    // Act
    const blank = await create({ name: '   ' });
    const wrongTypes = await create({ name: 42, done: 'yes' });

    // Assert
    expect(blank.statusCode).toBe(422);
    expect(jsonOf(blank).error.details).toEqual([
      { loc: ['body', 'name'], message: expect.any(String) },
    ]);
    expect(wrongTypes.statusCode).toBe(422);
    expect(jsonOf(wrongTypes).error.details.map((issue: { loc: unknown[] }) => issue.loc)).toEqual([
      ['body', 'name'],
      ['body', 'done'],
    ]);
  });

  it('answers 400 for a malformed JSON body', async () => {
    // Act
    const answer = await invoke(handler, {
      method: 'POST',
      path: '/items',
      headers: json,
      body: '{"name": ',
    });

    // Assert
    expect(answer.statusCode).toBe(400);
    expect(jsonOf(answer).error.message).toMatch(/^Malformed JSON body/);
  });

  it('answers 404 for an unknown id, naming it', async () => {
    // Act
    const answer = await invoke(handler, { path: '/items/no-such-id', requestId: 'req-404' });

    // Assert
    expect(answer.statusCode).toBe(404);
    expect(jsonOf(answer)).toEqual({
      error: { status: 404, message: 'Item no-such-id not found', correlationId: 'req-404' },
    });
  });

  it('deletes an item: 204, then 404 on get and on a second delete', async () => {
    // Prepare
    const { id } = jsonOf(await create({ name: 'to delete' }));

    // Act
    const deleted = await invoke(handler, { method: 'DELETE', path: `/items/${id}` });
    const afterGet = await invoke(handler, { path: `/items/${id}` });
    const again = await invoke(handler, { method: 'DELETE', path: `/items/${id}` });

    // Assert
    expect(deleted.statusCode).toBe(204);
    expect(deleted.body).toBe('');
    expect(afterGet.statusCode).toBe(404);
    expect(again.statusCode).toBe(404);
  });

  it('answers 405 with Allow for a method the items path does not serve', async () => {
    // Act
    const answer = await invoke(handler, { method: 'PATCH', path: '/items' });

    // Assert
    expect(answer.statusCode).toBe(405);
    expect(answer.headers.allow).toBe('GET, HEAD, POST');
  });
});
