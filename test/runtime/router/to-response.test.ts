import { Readable } from 'node:stream';
import { Controller, Delete, Get, Post, reply } from 'gantry';
import { describe, expect, it } from 'vitest';
import { isFramed, toResponse } from '../../../runtime/router/to-response.js';
import { bytesOf, captureConsoleError, handlerFor, invoke, jsonOf } from '../handler/invoke.js';

const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0xff]);

@Controller('/r')
class ResultsController {
  @Get('/object')
  object() {
    return { id: 1, tags: ['a'] };
  }

  @Get('/array')
  array() {
    return [1, 2];
  }

  @Get('/null')
  nothing() {
    return null;
  }

  @Get('/string')
  string() {
    return 'hello';
  }

  @Get('/async')
  async later() {
    return { later: true };
  }

  @Delete('/void')
  remove() {}

  @Post('/accepted', { status: 202 })
  accept() {
    return { queued: true };
  }

  @Post('/accepted-empty', { status: 202 })
  acceptEmpty() {}

  @Get('/buffer')
  buffer() {
    return PNG;
  }

  @Get('/uint8')
  uint8() {
    // A view into a larger buffer: only the viewed bytes must be sent.
    const backing = new Uint8Array(PNG.length + 4).fill(0x78);
    backing.set(PNG, 2);
    return backing.subarray(2, 2 + PNG.length);
  }

  @Get('/array-buffer')
  arrayBuffer() {
    return new Uint8Array(PNG).buffer;
  }

  @Get('/reply/json')
  replyJson() {
    return reply(201, { id: 'n1' }, { location: '/r/n1' });
  }

  @Get('/reply/empty')
  replyEmpty() {
    return reply(202);
  }

  @Get('/reply/text')
  replyText() {
    return reply(200, 'plain words', { 'content-type': 'text/plain; charset=utf-8' });
  }

  @Get('/reply/string-json')
  replyStringJson() {
    return reply(200, 'a string');
  }

  @Get('/reply/bytes')
  replyBytes() {
    return reply(200, PNG, { 'content-type': 'image/png' });
  }

  @Get('/reply/bytes-untyped')
  replyBytesUntyped() {
    return reply(200, PNG);
  }

  @Get('/reply/custom-json-type')
  replyProblem() {
    return reply(409, { title: 'Conflict' }, { 'content-type': 'application/problem+json' });
  }

  @Get('/web/json')
  webJson() {
    return Response.json({ web: true }, { status: 201, headers: { 'x-web': 'yes' } });
  }

  @Get('/web/cookies')
  webCookies() {
    const headers = new Headers({ 'content-type': 'text/plain' });
    headers.append('set-cookie', 'a=1; Path=/; Expires=Wed, 02 Jan 2030 03:04:05 GMT');
    headers.append('set-cookie', 'b=2; Path=/');
    return new Response('cookies set', { status: 200, headers });
  }

  @Get('/web/binary')
  webBinary() {
    return new Response(PNG, { headers: { 'content-type': 'image/png' } });
  }

  @Get('/web/empty')
  webEmpty() {
    return new Response(null, { status: 304, headers: { etag: '"v1"' } });
  }

  @Get('/stream/node')
  nodeStream() {
    return Readable.from([PNG.subarray(0, 4), PNG.subarray(4)]);
  }

  @Get('/stream/web')
  webStream() {
    return new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(PNG.subarray(0, 3));
        controller.enqueue(new Uint8Array(PNG.subarray(3)));
        controller.close();
      },
    });
  }

  @Get('/stream/generator')
  async *generator() {
    yield 'id,name\n';
    yield '1,Ada\n';
  }

  @Get('/stream/reply')
  replyStream() {
    return reply(200, Readable.from(['a,b\n', '1,2\n']), { 'content-type': 'text/csv' });
  }

  @Get('/stream/objects')
  objectStream() {
    return Readable.from([{ not: 'bytes' }]);
  }

  @Get('/stream/numbers')
  numberStream() {
    return Readable.from([1, 2]);
  }

  @Get('/stream/nothing')
  async *nothingStream() {
    yield undefined;
  }

  @Get('/web/redirect')
  webRedirect() {
    return Response.redirect('https://example.com/next', 307);
  }
}

describe('route results through createHandler', () => {
  const handler = handlerFor([ResultsController]);

  it.each([
    ['/r/object', { id: 1, tags: ['a'] }],
    ['/r/array', [1, 2]],
    ['/r/null', null],
    ['/r/string', 'hello'],
    ['/r/async', { later: true }],
  ])('answers the plain value of %s as 200 JSON', async (path, expected) => {
    // Act
    const answer = await invoke(handler, { path });

    // Assert
    expect(answer.statusCode).toBe(200);
    expect(answer.headers['content-type']).toBe('application/json');
    expect(answer.isBase64Encoded).toBe(false);
    expect(jsonOf(answer)).toEqual(expected);
  });

  it('answers undefined with 204 and no body', async () => {
    // Act
    const answer = await invoke(handler, { method: 'DELETE', path: '/r/void' });

    // Assert
    expect(answer.statusCode).toBe(204);
    expect(answer.body).toBe('');
    expect(answer.headers['content-type']).toBeUndefined();
  });

  it('answers with the route status option, for a value and for undefined', async () => {
    // Act
    const value = await invoke(handler, { method: 'POST', path: '/r/accepted' });
    const empty = await invoke(handler, { method: 'POST', path: '/r/accepted-empty' });

    // Assert
    expect(value.statusCode).toBe(202);
    expect(jsonOf(value)).toEqual({ queued: true });
    expect(empty.statusCode).toBe(202);
    expect(empty.body).toBe('');
  });

  it.each(['/r/buffer', '/r/uint8', '/r/array-buffer'])(
    'answers the bytes of %s as application/octet-stream, base64-encoded',
    async (path) => {
      // Act
      const answer = await invoke(handler, { path });

      // Assert
      expect(answer.statusCode).toBe(200);
      expect(answer.headers['content-type']).toBe('application/octet-stream');
      expect(answer.isBase64Encoded).toBe(true);
      expect(bytesOf(answer)).toEqual(PNG);
    },
  );

  it('answers a reply() with its status, headers and JSON body', async () => {
    // Act
    const answer = await invoke(handler, { path: '/r/reply/json' });

    // Assert
    expect(answer.statusCode).toBe(201);
    expect(answer.headers).toMatchObject({
      location: '/r/n1',
      'content-type': 'application/json',
    });
    expect(jsonOf(answer)).toEqual({ id: 'n1' });
  });

  it('answers a reply() without a body with no body and no content type', async () => {
    // Act
    const answer = await invoke(handler, { path: '/r/reply/empty' });

    // Assert
    expect(answer.statusCode).toBe(202);
    expect(answer.body).toBe('');
    expect(answer.headers['content-type']).toBeUndefined();
  });

  it('sends a reply() string with a content type as it is', async () => {
    // Act
    const answer = await invoke(handler, { path: '/r/reply/text' });

    // Assert
    expect(answer.headers['content-type']).toBe('text/plain; charset=utf-8');
    expect(answer.isBase64Encoded).toBe(false);
    expect(bytesOf(answer).toString('utf8')).toBe('plain words');
  });

  it('sends a reply() string without a content type as JSON', async () => {
    // Act
    const answer = await invoke(handler, { path: '/r/reply/string-json' });

    // Assert
    expect(answer.headers['content-type']).toBe('application/json');
    expect(answer.body).toBe('"a string"');
  });

  it('sends reply() bytes with their content type, or octet-stream', async () => {
    // Act
    const typed = await invoke(handler, { path: '/r/reply/bytes' });
    const untyped = await invoke(handler, { path: '/r/reply/bytes-untyped' });

    // Assert
    expect(typed.headers['content-type']).toBe('image/png');
    expect(bytesOf(typed)).toEqual(PNG);
    expect(untyped.headers['content-type']).toBe('application/octet-stream');
    expect(bytesOf(untyped)).toEqual(PNG);
  });

  it('keeps a JSON content type of the reply() own', async () => {
    // Act
    const answer = await invoke(handler, { path: '/r/reply/custom-json-type' });

    // Assert
    expect(answer.statusCode).toBe(409);
    expect(answer.headers['content-type']).toBe('application/problem+json');
    expect(jsonOf(answer)).toEqual({ title: 'Conflict' });
  });

  it('answers a Web Response with its status, headers and body', async () => {
    // Act
    const answer = await invoke(handler, { path: '/r/web/json' });

    // Assert
    expect(answer.statusCode).toBe(201);
    expect(answer.headers['x-web']).toBe('yes');
    expect(answer.headers['content-type']).toBe('application/json');
    expect(jsonOf(answer)).toEqual({ web: true });
  });

  it('sends every Set-Cookie of a Web Response separately', async () => {
    // Act
    const answer = await invoke(handler, { path: '/r/web/cookies' });

    // Assert
    expect(answer.cookies).toEqual([
      'a=1; Path=/; Expires=Wed, 02 Jan 2030 03:04:05 GMT',
      'b=2; Path=/',
    ]);
    expect(answer.headers['set-cookie']).toBeUndefined();
    expect(answer.body).toBe('cookies set');
  });

  it('sends the binary body of a Web Response intact', async () => {
    // Act
    const answer = await invoke(handler, { path: '/r/web/binary' });

    // Assert
    expect(answer.headers['content-type']).toBe('image/png');
    expect(answer.isBase64Encoded).toBe(true);
    expect(bytesOf(answer)).toEqual(PNG);
  });

  it('answers a Web Response without a body with no body', async () => {
    // Act
    const notModified = await invoke(handler, { path: '/r/web/empty' });
    const redirect = await invoke(handler, { path: '/r/web/redirect' });

    // Assert
    expect(notModified.statusCode).toBe(304);
    expect(notModified.headers.etag).toBe('"v1"');
    expect(notModified.body).toBe('');
    expect(redirect.statusCode).toBe(307);
    expect(redirect.headers.location).toBe('https://example.com/next');
  });
});

describe('streams through createHandler (read to the end, then sent)', () => {
  const handler = handlerFor([ResultsController]);
  const consoleError = captureConsoleError();

  it.each(['/r/stream/node', '/r/stream/web'])(
    'answers the bytes of a %s stream as application/octet-stream',
    async (path) => {
      // Act
      const answer = await invoke(handler, { path });

      // Assert
      expect(answer.statusCode).toBe(200);
      expect(answer.headers['content-type']).toBe('application/octet-stream');
      expect(bytesOf(answer)).toEqual(PNG);
    },
  );

  it('answers the strings an async generator yields', async () => {
    // Act
    const answer = await invoke(handler, { path: '/r/stream/generator' });

    // Assert
    expect(bytesOf(answer).toString('utf8')).toBe('id,name\n1,Ada\n');
  });

  it('sends a reply() stream body with the reply content type', async () => {
    // Act
    const answer = await invoke(handler, { path: '/r/stream/reply' });

    // Assert
    expect(answer.headers['content-type']).toBe('text/csv');
    expect(answer.body).toBe('a,b\n1,2\n');
  });

  it('answers a stream of things other than bytes or strings with a safe 500', async () => {
    // Act
    const answer = await invoke(handler, { path: '/r/stream/objects' });

    // Assert
    expect(answer.statusCode).toBe(500);
    expect(jsonOf(answer).error.message).toBe('Internal Server Error');
    expect(String(consoleError.calls[0]?.[1])).toBe(
      'TypeError: A route returned a stream that gave an object: a stream must give strings or bytes',
    );
  });

  it.each([
    ['/r/stream/numbers', 'a number'],
    ['/r/stream/nothing', 'undefined'],
  ])('names what the wrong stream of %s gave', async (path, kind) => {
    // Act
    const answer = await invoke(handler, { path });

    // Assert
    expect(answer.statusCode).toBe(500);
    expect(String(consoleError.calls[0]?.[1])).toBe(
      `TypeError: A route returned a stream that gave ${kind}: a stream must give strings or bytes`,
    );
  });
});

describe('toResponse', () => {
  it('answers a plain value with 200 JSON unless the route says otherwise', async () => {
    // Act
    const plain = await toResponse({ id: 1 }, undefined);
    const created = await toResponse({ id: 1 }, 201);

    // Assert
    expect(plain).toEqual({
      status: 200,
      headers: { 'content-type': 'application/json' },
      cookies: [],
      body: '{"id":1}',
    });
    expect(created.status).toBe(201);
  });

  it('lets a reply() status win over the route status', async () => {
    // Act
    const response = await toResponse(reply(200, 'x', { 'content-type': 'text/plain' }), 201);

    // Assert
    expect(response.status).toBe(200);
  });

  it('does not share header objects between a reply() and its responses', async () => {
    // Prepare
    const shared = reply(200, { a: 1 });

    // Act
    const first = await toResponse(shared, undefined);
    first.headers['x-added'] = 'later';
    const second = await toResponse(shared, undefined);

    // Assert
    expect(second.headers).toEqual({ 'content-type': 'application/json' });
    expect(shared.headers).toEqual({});
  });
});

describe('isFramed', () => {
  it.each([
    ['a reply()', true, reply(201, {})],
    ['a Web Response', true, new Response('x')],
    ['a Buffer', true, Buffer.from('x')],
    ['an ArrayBuffer', true, new ArrayBuffer(2)],
    ['a stream', true, Readable.from([])],
    ['a plain object', false, { id: 1 }],
    ['an object with a status', false, { status: 200, headers: {} }],
    ['a string', false, 'x'],
    ['null', false, null],
  ])('tells whether %s is framed: %s', (_, expected, value) => {
    // Act
    const framed = isFramed(value);

    // Assert
    expect(framed).toBe(expected);
  });
});

describe('isFramed on objects that only look like a Response', () => {
  it.each([
    ['a status alone', { status: 200 }],
    [
      'a status and arrayBuffer, no headers',
      { status: 200, arrayBuffer: (): undefined => undefined },
    ],
    [
      'headers without getSetCookie',
      { status: 200, arrayBuffer: (): undefined => undefined, headers: new Map() },
    ],
    ['no status', { arrayBuffer: (): undefined => undefined, headers: new Headers() }],
  ])('is false for %s', (_case, value) => {
    // Act
    const framed = isFramed(value);

    // Assert
    expect(framed).toBe(false);
  });

  it('is true for a real Web Response', () => {
    // Act
    const framed = isFramed(new Response('x'));

    // Assert
    expect(framed).toBe(true);
  });

  it('answers a Web Response with an empty body without a body', async () => {
    // Act
    const response = await toResponse(new Response(null, { status: 202 }), undefined);

    // Assert
    expect(response.status).toBe(202);
    expect(response.body).toBeUndefined();
  });
});
