/**
 * `testClient` against the items example on every source: the answer read back from each
 * source's own result format, with the logs and EMF documents of that invocation only.
 */
import { randomUUID } from 'node:crypto';
import { Controller, createHandler, Get, reply } from 'gantry';
import { TEST_SOURCES, type TestResponse, testClient } from 'gantry/testing';
import { describe, expect, it } from 'vitest';
import { handler } from '../../../examples/items/handler.js';

/** Routes the items example has none of: cookies, binary bodies, a failure. */
@Controller('/extras')
class ExtrasController {
  @Get('/cookies')
  cookies() {
    return reply(200, { ok: true })
      .cookie('session', 'a b', { httpOnly: true })
      .cookie('theme', 'dark', { expires: new Date(Date.UTC(2030, 0, 1)) });
  }

  @Get('/binary')
  binary() {
    return reply(200, Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0xff]), {
      'content-type': 'image/png',
    });
  }

  @Get('/boom')
  boom() {
    throw new Error('secret: the database password');
  }
}

const extras = createHandler({ controllers: [ExtrasController], service: 'extras' });

/** A correlation id no other test uses, to tell this invocation's lines from others'. */
const correlation = () => `c-${randomUUID()}`;

function expectOnly(response: TestResponse, id: string) {
  expect(response.logs.length).toBeGreaterThan(0);
  for (const line of response.logs) expect(line.correlation_id).toBe(id);
}

describe.each(TEST_SOURCES)('testClient on %s: the items example', (source) => {
  const client = testClient(handler, { source });

  it('creates an item: 201, location, JSON, the correlation id, its logs and EMF', async () => {
    // Prepare
    const id = correlation();

    // Act
    const response = await client.post('/items', {
      json: { name: '  Buy milk  ' },
      headers: { 'x-correlation-id': id },
    });

    // Assert
    expect(response.status).toBe(201);
    expect(response.statusText).toBe('Created');
    const item = response.json<{ id: string; name: string }>();
    expect(item).toMatchObject({ name: 'Buy milk', done: false });
    expect(response.headers).toMatchObject({
      'content-type': 'application/json',
      location: `/items/${item.id}`,
      'x-correlation-id': id,
    });
    expectOnly(response, id);
    expect(response.logs.find((line) => line.message === 'item created')).toMatchObject({
      item_id: item.id,
    });
    expect(response.logs.find((line) => line.message === 'request completed')).toMatchObject({
      status: 201,
    });
    const emf = response.metrics.filter((doc) => doc.route === 'POST /items');
    expect(emf).toHaveLength(1);
    expect(emf[0]).toMatchObject({ service: 'items', Requests: 1 });
    expect(response.output.length).toBeGreaterThanOrEqual(response.logs.length + 1);
  });

  it('gets the item at its location, and answers HEAD without a body', async () => {
    // Prepare
    const created = await client.post('/items', { json: { name: 'Walk the dog', done: true } });
    const location = created.headers.location as string;

    // Act
    const got = await client.get(location);
    const head = await client.head(location);

    // Assert
    expect(got.status).toBe(200);
    expect(got.json()).toEqual(created.json());
    expect(head.status).toBe(200);
    expect(head.body).toBe('');
  });

  it('lists items filtered by a validated query', async () => {
    // Prepare
    await client.post('/items', { json: { name: 'open' } });

    // Act
    const response = await client.get('/items?done=false', { query: { limit: '1' } });

    // Assert
    expect(response.status).toBe(200);
    expect(response.json()).toEqual({ items: [expect.objectContaining({ done: false })] });
  });

  it('answers 404 with the error envelope carrying the request id', async () => {
    // Prepare
    const requestId = `req-${randomUUID()}`;

    // Act
    const response = await client.get('/items/no-such-id', { requestId });

    // Assert
    expect(response.status).toBe(404);
    expect(response.statusText).toBe('Not Found');
    expect(response.json()).toEqual({
      error: { status: 404, message: 'Item no-such-id not found', correlationId: requestId },
    });
  });

  it('answers 405 with Allow', async () => {
    // Act
    const response = await client.patch('/items');

    // Assert
    expect(response.status).toBe(405);
    expect(response.headers.allow).toBe('GET, HEAD, POST');
  });

  it('answers 422 naming each invalid field', async () => {
    // Act
    const response = await client.post('/items', { json: { name: 42 } });

    // Assert
    expect(response.status).toBe(422);
    expect(response.json()).toMatchObject({
      error: { status: 422, details: [{ loc: ['body', 'name'] }] },
    });
  });
});

describe.each(TEST_SOURCES)('testClient on %s: cookies, bytes and failures', (source) => {
  const client = testClient(extras, { source });

  it('reads every Set-Cookie, never comma-joined, and their decoded values', async () => {
    // Act
    const response = await client.get('/extras/cookies');

    // Assert
    expect(response.status).toBe(200);
    expect(response.setCookies).toEqual([
      'session=a%20b; Path=/; HttpOnly',
      'theme=dark; Path=/; Expires=Tue, 01 Jan 2030 00:00:00 GMT',
    ]);
    expect(response.cookies).toEqual({ session: 'a b', theme: 'dark' });
    expect(response.headers).not.toHaveProperty('set-cookie');
  });

  it('decodes a binary body from base64', async () => {
    // Act
    const response = await client.get('/extras/binary');

    // Assert
    expect(response.isBase64Encoded).toBe(true);
    expect(response.headers['content-type']).toBe('image/png');
    expect(response.bytes).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0xff]));
  });

  it('answers a thrown error with the safe 500, logged once at ERROR in that invocation', async () => {
    // Prepare
    const id = correlation();

    // Act
    const response = await client.get('/extras/boom', { headers: { 'x-correlation-id': id } });

    // Assert
    expect(response.status).toBe(500);
    expect(response.json()).toEqual({
      error: { status: 500, message: 'Internal Server Error', correlationId: id },
    });
    expect(response.body).not.toContain('secret');
    expectOnly(response, id);
    expect(response.logs.filter((line) => line.level === 'ERROR')).toHaveLength(1);
    expect(response.metrics.find((doc) => doc.route === 'GET /extras/boom')).toMatchObject({
      Faults5xx: 1,
    });
  });
});

describe('testClient: the lines of each invocation', () => {
  const client = testClient(handler);

  it('gives each response only the lines of its own invocation, one after another', async () => {
    // Prepare
    const [first, second] = [correlation(), correlation()];

    // Act
    const one = await client.get('/items', { headers: { 'x-correlation-id': first } });
    const two = await client.get('/items', { headers: { 'x-correlation-id': second } });

    // Assert
    expectOnly(one, first);
    expectOnly(two, second);
    expect(two.metrics).toHaveLength(1);
  });

  it('gives concurrent invocations on one client each their own lines', async () => {
    // Prepare
    const ids = Array.from({ length: 6 }, correlation);

    // Act
    const responses = await Promise.all(
      ids.map((id) => client.get('/items', { headers: { 'x-correlation-id': id } })),
    );

    // Assert
    responses.forEach((response, index) => {
      expectOnly(response, ids[index] as string);
      expect(response.logs.filter((line) => line.message === 'request completed')).toHaveLength(1);
      expect(response.metrics.filter((doc) => doc.route === 'GET /items')).toHaveLength(1);
    });
  });
});
