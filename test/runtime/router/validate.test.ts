import { type } from 'arktype';
import { type AnySchema, Controller, Get, Post, type Req, reply } from 'gantry';
import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { validatePart, validateRequest } from '../../../runtime/router/validate.js';
import { captureConsoleError, handlerFor, invoke, jsonOf } from '../handler/invoke.js';

/** The same rules written with each library: coerce, default, trim, require. */
interface Schemas {
  params: AnySchema;
  query: AnySchema;
  headers: AnySchema;
  body: AnySchema;
}

const libraries: [string, Schemas][] = [
  [
    'zod',
    {
      params: z.object({ id: z.coerce.number().int() }),
      query: z.object({ limit: z.coerce.number().int().default(10) }),
      headers: z.object({ 'x-tenant': z.string().min(1) }),
      body: z.object({
        name: z.string().trim().min(1),
        tags: z.array(z.string()).default([]),
      }),
    },
  ],
  [
    'valibot',
    {
      params: v.object({ id: v.pipe(v.string(), v.regex(/^\d+$/), v.transform(Number)) }),
      query: v.object({
        limit: v.optional(v.pipe(v.string(), v.regex(/^\d+$/), v.transform(Number)), '10'),
      }),
      headers: v.object({ 'x-tenant': v.pipe(v.string(), v.minLength(1)) }),
      body: v.object({
        name: v.pipe(v.string(), v.trim(), v.minLength(1)),
        tags: v.optional(v.array(v.string()), []),
      }),
    },
  ],
  [
    'arktype',
    {
      params: type({ id: 'string.integer.parse' }),
      query: type({ limit: ['string.integer.parse', '=', '10'] }),
      headers: type({ 'x-tenant': 'string > 0' }),
      body: type({
        name: type('string.trim').to('string > 0'),
        tags: type('string[]').default(() => []),
      }),
    },
  ],
];

function controllerFor(schemas: Schemas) {
  @Controller('/lists')
  class ListsController {
    @Post('/:id/items', schemas)
    add(req: Req) {
      return {
        id: req.params.id,
        limit: req.query.limit,
        tenant: req.headers['x-tenant'],
        body: req.body,
      };
    }
  }
  return ListsController;
}

describe.each(libraries)('validation with %s', (_, schemas) => {
  const handler = handlerFor([controllerFor(schemas)]);

  it('hands the route validated, coerced and transformed params, query, headers and body', async () => {
    // Act
    const answer = await invoke(handler, {
      method: 'POST',
      path: '/lists/42/items',
      headers: { 'content-type': 'application/json', 'x-tenant': 'acme' },
      body: JSON.stringify({ name: '  milk  ' }),
    });

    // Assert
    expect(answer.statusCode).toBe(200);
    expect(jsonOf(answer)).toEqual({
      id: 42,
      limit: 10,
      tenant: 'acme',
      body: { name: 'milk', tags: [] },
    });
  });

  it('coerces a query value given as a string', async () => {
    // Act
    const answer = await invoke(handler, {
      method: 'POST',
      path: '/lists/1/items',
      query: 'limit=5',
      headers: { 'content-type': 'application/json', 'x-tenant': 'acme' },
      body: JSON.stringify({ name: 'eggs', tags: ['food'] }),
    });

    // Assert
    expect(jsonOf(answer)).toMatchObject({ limit: 5, body: { name: 'eggs', tags: ['food'] } });
  });

  it('answers 422 listing the issues of every location at once, FastAPI-style', async () => {
    // Act
    const answer = await invoke(handler, {
      method: 'POST',
      path: '/lists/abc/items',
      query: 'limit=many',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ tags: 'not-a-list' }),
    });

    // Assert
    expect(answer.statusCode).toBe(422);
    const { error } = jsonOf(answer);
    expect(error.status).toBe(422);
    expect(error.message).toBe('Request validation failed');
    expect(error.details.map((issue: { loc: unknown[] }) => issue.loc)).toEqual([
      ['path', 'id'],
      ['query', 'limit'],
      ['header', 'x-tenant'],
      ['body', 'name'],
      ['body', 'tags'],
    ]);
    for (const issue of error.details) {
      expect(Object.keys(issue).sort()).toEqual(['loc', 'message']);
      expect(issue.message).toEqual(expect.stringMatching(/\S/));
    }
  });

  it('answers 422 at the body itself when the body is missing', async () => {
    // Act
    const answer = await invoke(handler, {
      method: 'POST',
      path: '/lists/1/items',
      headers: { 'x-tenant': 'acme' },
    });

    // Assert
    expect(answer.statusCode).toBe(422);
    expect(jsonOf(answer).error.details).toEqual([{ loc: ['body'], message: expect.any(String) }]);
  });
});

describe('validation details', () => {
  it('puts array indexes in loc as numbers and keys as strings', async () => {
    // Prepare
    const Order = z.object({ lines: z.array(z.object({ sku: z.string() })) });
    @Controller('/orders')
    class Orders {
      @Post('/', { body: Order })
      create(req: Req<'/', { body: typeof Order }>) {
        return req.body;
      }
    }
    const handler = handlerFor([Orders]);

    // Act
    const answer = await invoke(handler, {
      method: 'POST',
      path: '/orders',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ lines: [{ sku: 'a' }, { sku: 7 }] }),
    });

    // Assert
    expect(jsonOf(answer).error.details).toEqual([
      { loc: ['body', 'lines', 1, 'sku'], message: expect.any(String) },
    ]);
  });

  it('reads path segments given as { key } objects (valibot)', () => {
    // Prepare
    const Order = v.object({ lines: v.array(v.object({ sku: v.string() })) });

    // Act
    const checked = validatePart(Order, { lines: [{ sku: 1 }] }, 'body');

    // Assert
    expect(checked).toEqual({
      issues: [{ loc: ['body', 'lines', 0, 'sku'], message: expect.any(String) }],
    });
  });

  it('turns symbol keys into strings', () => {
    // Prepare
    const key = Symbol('weird');
    const schema: AnySchema = {
      '~standard': {
        version: 1,
        vendor: 'test',
        validate: () => ({ issues: [{ message: 'bad', path: [key] }] }),
      },
    };

    // Act
    const checked = validatePart(schema, {}, 'query');

    // Assert
    expect(checked).toEqual({ issues: [{ loc: ['query', 'Symbol(weird)'], message: 'bad' }] });
  });
});

describe('asynchronous schemas', () => {
  const taken = new Set(['ada']);
  const zodBody = z.object({
    username: z.string().refine(async (name) => !taken.has(name), 'Username is taken'),
  });
  const valibotQuery = v.objectAsync({
    invite: v.pipeAsync(
      v.string(),
      v.checkAsync(async (code) => code === 'welcome', 'Unknown invite'),
    ),
  });

  @Controller('/signup')
  class Signup {
    @Post('/', { body: zodBody, query: valibotQuery, headers: z.object({ host: z.string() }) })
    create(req: Req<'/', { body: typeof zodBody; query: typeof valibotQuery }>) {
      return { username: req.body.username, invite: req.query.invite };
    }
  }
  const handler = handlerFor([Signup]);

  it('validate before the route runs', async () => {
    // Act
    const answer = await invoke(handler, {
      method: 'POST',
      path: '/signup',
      query: 'invite=welcome',
      headers: { 'content-type': 'application/json', host: 'example.com' },
      body: JSON.stringify({ username: 'grace' }),
    });

    // Assert
    expect(answer.statusCode).toBe(200);
    expect(jsonOf(answer)).toEqual({ username: 'grace', invite: 'welcome' });
  });

  it('collect their issues with those of synchronous schemas', async () => {
    // Act
    const answer = await invoke(handler, {
      method: 'POST',
      path: '/signup',
      query: 'invite=nope',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'ada' }),
    });

    // Assert
    expect(answer.statusCode).toBe(422);
    expect(jsonOf(answer).error.details).toEqual([
      { loc: ['query', 'invite'], message: 'Unknown invite' },
      { loc: ['header', 'host'], message: expect.any(String) },
      { loc: ['body', 'username'], message: 'Username is taken' },
    ]);
  });
});

describe('response schema', () => {
  const Public = z.object({ id: z.string(), name: z.string() });

  @Controller('/users')
  class Users {
    @Get('/ok', { response: Public })
    ok() {
      return { id: 'u1', name: 'Ada', passwordHash: 'secret-hash' };
    }

    // @ts-expect-error the route returns what its response schema rejects, on purpose
    @Get('/bad', { response: Public })
    bad() {
      return { id: 1, name: 'Ada', passwordHash: 'secret-hash' };
    }

    @Get('/async', { response: Public })
    async later() {
      return { id: 'u2', name: 'Grace' };
    }

    @Get('/framed', { response: Public })
    framed() {
      return reply(202, { anything: 'goes' });
    }

    @Get('/empty', { response: Public })
    empty() {
      return undefined;
    }
  }
  const handler = handlerFor([Users]);
  const consoleError = captureConsoleError();

  it('sends the schema output, dropping fields it does not declare', async () => {
    // Act
    const answer = await invoke(handler, { path: '/users/ok' });

    // Assert
    expect(answer.statusCode).toBe(200);
    expect(jsonOf(answer)).toEqual({ id: 'u1', name: 'Ada' });
  });

  it('validates what an async route resolves to', async () => {
    // Act
    const answer = await invoke(handler, { path: '/users/async' });

    // Assert
    expect(jsonOf(answer)).toEqual({ id: 'u2', name: 'Grace' });
  });

  it('answers a violation with a safe 500 that leaks neither the issues nor the value', async () => {
    // Act
    const answer = await invoke(handler, { path: '/users/bad' });

    // Assert
    expect(answer.statusCode).toBe(500);
    expect(jsonOf(answer)).toEqual({ error: { status: 500, message: 'Internal Server Error' } });
    expect(answer.body).not.toMatch(/id|secret|expected/i);
    expect(String(consoleError.calls[0]?.[1])).toMatch(
      /^Error: Users\.bad returned a value its response schema rejects: \[\{"loc":\["body","id"\]/,
    );
  });

  it('does not validate a reply(), which carries its own framing', async () => {
    // Act
    const answer = await invoke(handler, { path: '/users/framed' });

    // Assert
    expect(answer.statusCode).toBe(202);
    expect(jsonOf(answer)).toEqual({ anything: 'goes' });
  });

  it('does not validate an empty answer', async () => {
    // Act
    const answer = await invoke(handler, { path: '/users/empty' });

    // Assert
    expect(answer.statusCode).toBe(204);
  });
});

describe('validateRequest with synchronous schemas', () => {
  it('returns no promise when every schema is synchronous, and replaces the parts at once', () => {
    // Prepare
    const req: Record<'params' | 'query' | 'headers' | 'body', unknown> = {
      params: { id: '7' },
      query: {},
      headers: {},
      body: undefined,
    };

    // Act
    const pending = validateRequest(req, { params: z.object({ id: z.coerce.number() }) });

    // Assert
    expect(pending).toBeUndefined();
    expect(req.params).toEqual({ id: 7 });
  });
});
