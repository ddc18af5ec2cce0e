/**
 * The one contract every event source passes (design.md, sections 3 and 8): requests built for
 * each source go through a real handler whose catch-all routes echo what they saw.
 */
import { describe, expect, it } from 'vitest';
import { eventBuilders, type RequestSpec } from '../../support/events.js';
import { plainHeadersOf } from './answer-format.js';
import { bodyOf, echoHandler, echoOf, invoke } from './echo-handler.js';
import { builders } from './source-traits.js';

const echo = echoHandler();

describe.each(builders)(
  '$name',
  ({ name, source, format, repeatedQuery, repeatedHeader, encodedPath }) => {
    const build = (spec: RequestSpec) => eventBuilders[name](spec);
    const send = async (spec: RequestSpec) => echoOf(await invoke(echo, build(spec)));

    describe('method', () => {
      it.each(['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'])(
        'routes and reports %s',
        async (method) => {
          // Prepare
          const spec = { method, path: '/items/42' };

          // Act
          const seen = await send(spec);

          // Assert
          expect(seen.method).toBe(method);
          expect(seen.path).toBe('/items/42');
          expect(seen.params).toEqual({ '*': 'items/42' });
          expect(seen.source).toBe(source);
        },
      );

      it('upper-cases a lower-case method', async () => {
        // Act
        const seen = await send({ method: 'post', path: '/items' });

        // Assert
        expect(seen.method).toBe('POST');
      });
    });

    describe('path', () => {
      it.each([
        ['the root', '/', '/'],
        ['an encoded space', '/my%20files/a%20b.txt', '/my files/a b.txt'],
        ['a literal %25, decoded once to %', '/files/100%25', '/files/100%'],
        ['%2541, decoded once to %41 (never twice to A)', '/files/%2541', '/files/%41'],
        ['an encoded ? and #', '/q%3Fx%23y', '/q?x#y'],
        ['unicode', '/caf%C3%A9/%E2%9C%93', '/café/✓'],
        ['a ; that is not a delimiter', '/a;b', '/a;b'],
      ])('decodes %s', async (_case, path, decoded) => {
        // Act
        const seen = await send({ path });

        // Assert
        expect(seen.path).toBe(decoded);
        expect(seen.params).toEqual({ '*': decoded.slice(1) });
      });

      it('keeps %2F inside one segment (the decoded path shows /)', async () => {
        // Act
        const seen = await send({ path: '/one/a%2Fb' });

        // Assert
        expect(seen.path).toBe('/one/a/b');
        expect(seen.params).toEqual({ segment: 'a/b' });
      });

      it('keeps a literal %25 inside one segment decoded once', async () => {
        // Act
        const seen = await send({ path: '/one/50%25%2F%3F' });

        // Assert
        expect(seen.path).toBe('/one/50%/?');
        expect(seen.params).toEqual({ segment: '50%/?' });
      });

      it('never shows a named stage in the path', async () => {
        // Act
        const seen = await send({ path: '/items', stage: 'Prod' });

        // Assert
        expect(seen.path).toBe('/items');
      });

      it.each([
        ['/v1/items', '/items'],
        ['/v1', '/'],
        ['/v1/', '/'],
        ['/v10/items', '/v10/items'],
        ['/items/v1', '/items/v1'],
      ])('strips the base path /v1 from %s: %s', async (path, stripped) => {
        // Prepare
        const handler = echoHandler({ basePath: '/v1' });

        // Act
        const seen = echoOf(await invoke(handler, build({ path })));

        // Assert
        expect(seen.path).toBe(stripped);
      });

      it('strips a base path and a named stage together', async () => {
        // Prepare
        const handler = echoHandler({ basePath: 'api/orders/' });

        // Act
        const seen = echoOf(await invoke(handler, build({ path: '/api/orders/7', stage: 'Prod' })));

        // Assert
        expect(seen.path).toBe('/7');
      });

      if (encodedPath) {
        it.each([
          ['an invalid escape', '/items/%zz'],
          ['a truncated UTF-8 sequence', '/a%E0%A4%A'],
          ['a lone %', '/100%'],
        ])(
          'answers malformed percent-encoding (%s) with a 400 JSON error, never a 500',
          async (_case, path) => {
            // Act
            const result = await invoke(echo, build({ path }));

            // Assert
            expect(result.statusCode).toBe(400);
            expect(JSON.parse(result.body)).toEqual({
              error: { status: 400, message: 'Malformed percent-encoding in the request path' },
            });
          },
        );
      } else {
        it('serves a literal % in the already-decoded rawPath as text, never a 400 or a 500', async () => {
          // Act
          const seen = echoOf(await invoke(echo, { ...build({ path: '/p' }), rawPath: '/100%zz' }));

          // Assert
          expect(seen.path).toBe('/100%zz');
        });
      }
    });

    describe('query', () => {
      it('keeps every value of a repeated key, in order', async () => {
        // Act
        const seen = await send({ path: '/q', query: 'a=3&a=1&a=2&b=x' });

        // Assert
        expect(seen.query).toEqual(
          repeatedQuery ? { a: ['3', '1', '2'], b: 'x' } : { a: '2', b: 'x' },
        );
      });

      it('decodes every key and value exactly once, + as a space', async () => {
        // Prepare
        const query = 'b=x+y&c=%2B%25&d=%2525&e=&flag&caf%C3%A9=%E2%9C%93&sp%20ace=a%26b%3Dc';

        // Act
        const seen = await send({ path: '/q', query });

        // Assert
        expect(seen.query).toEqual({
          b: 'x y',
          c: '+%',
          d: '%25',
          e: '',
          flag: '',
          café: '✓',
          'sp ace': 'a&b=c',
        });
      });

      it('is empty without a query string', async () => {
        // Act
        const seen = await send({ path: '/q' });

        // Assert
        expect(seen.query).toEqual({});
      });
    });

    describe('headers', () => {
      it('lower-cases names and joins repeated values', async () => {
        // Prepare
        const headers = { 'X-Custom-Header': 'Value Kept', Accept: ['a', 'b'] };

        // Act
        const seen = await send({ path: '/h', headers });

        // Assert
        expect(seen.headers).toEqual({ 'x-custom-header': 'Value Kept', accept: repeatedHeader });
      });
    });

    describe('cookies', () => {
      it('reads each cookie once, percent-decoded, and shows them in the cookie header', async () => {
        // Prepare
        const cookies = ['session=abc123', 'name=J%C3%B6rg', 'theme="dark"'];

        // Act
        const seen = await send({ path: '/c', cookies });

        // Assert
        expect(seen.cookies).toEqual({ session: 'abc123', name: 'Jörg', theme: 'dark' });
        expect(seen.headers.cookie).toBe('session=abc123; name=J%C3%B6rg; theme="dark"');
      });

      it('has no cookies when none are sent', async () => {
        // Act
        const seen = await send({ path: '/c' });

        // Assert
        expect(seen.cookies).toEqual({});
        expect(seen.headers).not.toHaveProperty('cookie');
      });
    });

    describe('body', () => {
      it('reads a text body as its UTF-8 bytes', async () => {
        // Prepare
        const body = '{"name":"café ✓"}';

        // Act
        const seen = await send({
          method: 'POST',
          path: '/b',
          body,
          headers: { 'content-type': 'application/json' },
        });

        // Assert
        expect(bodyOf(seen).equals(Buffer.from(body, 'utf8'))).toBe(true);
      });

      it('decodes a base64 body straight to its bytes, non-UTF-8 bytes included', async () => {
        // Prepare
        const body = Buffer.from([0xff, 0x00, 0xfe, 0x80, 0x0a, 0x7f, 0xc3]);

        // Act
        const seen = await send({
          method: 'PUT',
          path: '/b',
          body,
          headers: { 'content-type': 'application/octet-stream' },
        });

        // Assert
        expect([...bodyOf(seen)]).toEqual([0xff, 0x00, 0xfe, 0x80, 0x0a, 0x7f, 0xc3]);
      });

      it('decodes a base64-encoded text body to the text bytes', async () => {
        // Prepare
        const spec = { method: 'POST', path: '/b', body: 'plain text', base64: true };

        // Act
        const seen = await send(spec);

        // Assert
        expect(bodyOf(seen).toString('utf8')).toBe('plain text');
      });

      it('has no body bytes when none are sent', async () => {
        // Act
        const seen = await send({ method: 'POST', path: '/b' });

        // Assert
        expect(bodyOf(seen)).toHaveLength(0);
      });
    });

    it('answers an unknown method on a known path with 405 and an allow header', async () => {
      // Act
      const result = await invoke(echo, build({ method: 'TRACE', path: '/items' }));

      // Assert
      expect(result.statusCode).toBe(405);
      expect(JSON.parse(result.body).error.status).toBe(405);
      expect(plainHeadersOf(result, format)).toMatchObject({
        allow: 'DELETE, GET, HEAD, OPTIONS, PATCH, POST, PUT',
      });
    });

    it('answers a path no route serves with a 404 JSON error naming the decoded path', async () => {
      // Prepare
      const handler = echoHandler({ controllers: [] });

      // Act
      const result = await invoke(handler, build({ path: '/no%20such' }));

      // Assert
      expect(result.statusCode).toBe(404);
      expect(JSON.parse(result.body)).toEqual({
        error: { status: 404, message: 'No route for GET /no such' },
      });
    });
  },
);

describe('apigw-v2 rawPath (already decoded by API Gateway)', () => {
  const handlerKeepingStage = echoHandler({ stripStage: false });

  it('is stripped from an HTTP API v2 rawPath (/Prod/items with stage Prod)', async () => {
    // Prepare
    const event = eventBuilders['apigw-v2']({ path: '/items', stage: 'Prod' });

    // Act
    const seen = echoOf(await invoke(echo, event));

    // Assert
    expect(event.rawPath).toBe('/Prod/items');
    expect(seen.path).toBe('/items');
  });

  it('is kept when stripStage is false', async () => {
    // Prepare
    const event = eventBuilders['apigw-v2']({ path: '/items', stage: 'Prod' });

    // Act
    const seen = echoOf(await invoke(handlerKeepingStage, event));

    // Assert
    expect(seen.path).toBe('/Prod/items');
  });

  it('keeps a literal % of a decoded rawPath as text (the client sent %25zz)', async () => {
    // Prepare
    const event = { ...eventBuilders['apigw-v2']({ path: '/items/x' }), rawPath: '/items/%zz' };

    // Act
    const seen = echoOf(await invoke(echo, event));

    // Assert
    expect(seen.path).toBe('/items/%zz');
    expect(seen.params).toEqual({ '*': 'items/%zz' });
  });

  it('strips only the stage, then the base path (/Prod/v1/items)', async () => {
    // Prepare
    const handler = echoHandler({ basePath: '/v1' });
    const event = eventBuilders['apigw-v2']({ path: '/v1/items', stage: 'Prod' });

    // Act
    const seen = echoOf(await invoke(handler, event));

    // Assert
    expect(seen.path).toBe('/items');
  });
});

describe('concurrent invocations of one handler', () => {
  it('never mix up the requests of different sources in flight together', async () => {
    // Prepare
    const specs = builders.flatMap(({ name }) =>
      Array.from({ length: 6 }, (_, i) => ({
        name,
        spec: {
          method: 'POST',
          path: `/jobs/${name.replace(/\W+/g, '-')}/${i}`,
          query: `n=${i}`,
          cookies: [`id=${name.length}-${i}`],
          body: Buffer.from([i, 0xff, name.length]),
        },
      })),
    );

    // Act
    const results = await Promise.all(
      specs.map(({ name, spec }) => invoke(echo, eventBuilders[name](spec))),
    );

    // Assert
    results.forEach((result, index) => {
      const { name, spec } = specs[index] as (typeof specs)[number];
      const seen = echoOf(result);
      expect(seen.path).toBe(spec.path);
      expect(seen.query).toEqual({ n: spec.query.slice(2) });
      expect(seen.cookies).toEqual({ id: `${name.length}-${spec.path.at(-1)}` });
      expect(bodyOf(seen).equals(spec.body)).toBe(true);
    });
  });
});
