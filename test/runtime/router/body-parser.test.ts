import { Controller, Post, type Req } from 'gantry';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { parseBody } from '../../../runtime/router/body-parser.js';
import { handlerFor, invoke, jsonOf } from '../handler/invoke.js';

const bytes = (text: string) => Buffer.from(text, 'utf8');

describe('parseBody', () => {
  it.each([
    'application/json',
    'application/json; charset=utf-8',
    'APPLICATION/JSON',
    'application/problem+json',
    'application/vnd.api+json',
    'application/merge-patch+json; charset=utf-8',
  ])('parses JSON for %j', (contentType) => {
    // Act
    const body = parseBody(bytes('{"a":[1,"é"]}'), contentType, false);

    // Assert
    expect(body).toEqual({ a: [1, 'é'] });
  });

  it('does not take a type that merely starts with json for JSON', () => {
    // Act
    const body = parseBody(bytes('{"a":1}\n{"a":2}'), 'application/jsonl', false);

    // Assert
    expect(body).toEqual(bytes('{"a":1}\n{"a":2}'));
  });

  it('parses a form into an object, a repeated key into an array', () => {
    // Act
    const body = parseBody(
      bytes('name=Ada+Lovelace&tag=a&tag=b&note=caf%C3%A9'),
      'application/x-www-form-urlencoded; charset=utf-8',
      false,
    );

    // Assert
    expect({ ...(body as object) }).toEqual({
      name: 'Ada Lovelace',
      tag: ['a', 'b'],
      note: 'café',
    });
  });

  it.each(['text/plain', 'text/csv; charset=utf-8', 'TEXT/HTML'])(
    'reads %j as a string',
    (contentType) => {
      // Act
      const body = parseBody(bytes('héllo, world'), contentType, false);

      // Assert
      expect(body).toBe('héllo, world');
    },
  );

  it.each(['application/octet-stream', 'image/png', 'application/xml'])(
    'keeps %j as a Buffer',
    (contentType) => {
      // Prepare
      const raw = Buffer.from([0, 1, 2, 255]);

      // Act
      const body = parseBody(raw, contentType, false);

      // Assert
      expect(Buffer.isBuffer(body)).toBe(true);
      expect(body).toEqual(raw);
    },
  );

  it('keeps a body without a content type as a Buffer', () => {
    // Act
    const body = parseBody(bytes('{"a":1}'), undefined, false);

    // Assert
    expect(body).toEqual(bytes('{"a":1}'));
  });

  it('parses a body without a content type as JSON when the route expects JSON', () => {
    // Act
    const body = parseBody(bytes('{"a":1}'), undefined, true);

    // Assert
    expect(body).toEqual({ a: 1 });
  });

  it('still honours an explicit content type when the route expects JSON', () => {
    // Act
    const body = parseBody(bytes('plain words'), 'text/plain', true);

    // Assert
    expect(body).toBe('plain words');
  });

  it.each([
    ['no body', undefined],
    ['an empty body', Buffer.alloc(0)],
  ])('gives undefined for %s, whatever the content type', (_, raw) => {
    // Act
    const json = parseBody(raw, 'application/json', true);
    const binary = parseBody(raw, undefined, false);

    // Assert
    expect(json).toBeUndefined();
    expect(binary).toBeUndefined();
  });

  it('rejects malformed JSON with a 400 that names the problem', () => {
    // Act
    const parse = () => parseBody(bytes('{"a":'), 'application/json', false);

    // Assert
    expect(parse).toThrow(
      expect.objectContaining({
        status: 400,
        message: expect.stringMatching(/^Malformed JSON body: .+/),
      }),
    );
  });
});

const Typed = z.object({ n: z.number() });

@Controller('/echo')
class EchoController {
  @Post('/')
  echo(req: Req) {
    const { body } = req;
    return {
      type: Buffer.isBuffer(body) ? 'buffer' : body === undefined ? 'undefined' : typeof body,
      body: Buffer.isBuffer(body) ? body.toString('base64') : body,
      rawLength: req.rawBody.length,
    };
  }

  @Post('/typed', { body: Typed })
  typed(req: Req<'/typed', { body: typeof Typed }>) {
    return { n: req.body.n };
  }
}

describe('request bodies through createHandler', () => {
  const handler = handlerFor([EchoController]);

  it('hands a JSON body to the route as a value', async () => {
    // Act
    const answer = await invoke(handler, {
      method: 'POST',
      path: '/echo',
      headers: { 'content-type': 'application/json' },
      body: '{"name":"Ada"}',
    });

    // Assert
    expect(jsonOf(answer)).toEqual({ type: 'object', body: { name: 'Ada' }, rawLength: 14 });
  });

  it('hands a base64-encoded binary body to the route as the original bytes', async () => {
    // Prepare
    const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0xff]);

    // Act
    const answer = await invoke(handler, {
      method: 'POST',
      path: '/echo',
      headers: { 'content-type': 'image/png' },
      body: png,
    });

    // Assert
    expect(jsonOf(answer)).toEqual({ type: 'buffer', body: png.toString('base64'), rawLength: 6 });
  });

  it('hands a form to the route as an object', async () => {
    // Act
    const answer = await invoke(handler, {
      method: 'POST',
      path: '/echo',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'a=1&a=2&b=x+y',
    });

    // Assert
    expect(jsonOf(answer).body).toEqual({ a: ['1', '2'], b: 'x y' });
  });

  it('gives an empty body as undefined and rawBody as no bytes', async () => {
    // Act
    const answer = await invoke(handler, {
      method: 'POST',
      path: '/echo',
      headers: { 'content-type': 'application/json' },
    });

    // Assert
    expect(jsonOf(answer)).toEqual({ type: 'undefined', rawLength: 0 });
  });

  it('parses a body without a content type as JSON for a route with a body schema', async () => {
    // Act
    const answer = await invoke(handler, { method: 'POST', path: '/echo/typed', body: '{"n":5}' });

    // Assert
    expect(answer.statusCode).toBe(200);
    expect(jsonOf(answer)).toEqual({ n: 5 });
  });

  it('answers malformed JSON with 400 and the parser reason, before the route runs', async () => {
    // Act
    const answer = await invoke(handler, {
      method: 'POST',
      path: '/echo',
      headers: { 'content-type': 'application/json' },
      body: '{"name": Ada}',
    });

    // Assert
    expect(answer.statusCode).toBe(400);
    expect(jsonOf(answer).error.status).toBe(400);
    expect(jsonOf(answer).error.message).toMatch(/^Malformed JSON body: Unexpected token/);
  });

  it('answers a body over the default 1 MiB limit with 413', async () => {
    // Prepare
    const body = Buffer.alloc(1024 * 1024 + 1, 'a');

    // Act
    const answer = await invoke(handler, { method: 'POST', path: '/echo', body });

    // Assert
    expect(answer.statusCode).toBe(413);
    expect(jsonOf(answer)).toEqual({
      error: {
        status: 413,
        message: 'Request body is 1048577 bytes; the limit is 1048576 bytes',
      },
    });
  });

  it('accepts a body of exactly the limit', async () => {
    // Prepare
    const body = Buffer.alloc(1024 * 1024, 'a');

    // Act
    const answer = await invoke(handler, { method: 'POST', path: '/echo', body });

    // Assert
    expect(answer.statusCode).toBe(200);
    expect(jsonOf(answer).rawLength).toBe(1024 * 1024);
  });

  it('applies the limit set with createHandler({ bodyLimit })', async () => {
    // Prepare
    const small = handlerFor([EchoController], { bodyLimit: 10 });

    // Act
    const under = await invoke(small, { method: 'POST', path: '/echo', body: '0123456789' });
    const over = await invoke(small, { method: 'POST', path: '/echo', body: '0123456789A' });

    // Assert
    expect(under.statusCode).toBe(200);
    expect(over.statusCode).toBe(413);
    expect(jsonOf(over).error.message).toBe('Request body is 11 bytes; the limit is 10 bytes');
  });
});
