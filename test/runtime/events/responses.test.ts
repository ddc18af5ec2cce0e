/**
 * Every source answers in its own format: which keys, where headers and cookies go, text or
 * base64 bodies, and no body where HTTP has none.
 */
import { gzipSync } from 'node:zlib';
import { Controller, Get, type Req, reply } from 'gantry';
import { describe, expect, it } from 'vitest';
import { eventBuilders, type RequestSpec } from '../../support/events.js';
import { answerKeys, plainHeadersOf, setCookiesOf } from './answer-format.js';
import { echoHandler, invoke, type LambdaResult } from './echo-handler.js';
import { builders } from './source-traits.js';

const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0xff, 0x10]);
const GZIPPED = gzipSync('hello, gzip');
const EXPIRES = new Date(Date.UTC(2030, 0, 1, 12, 30));
const COOKIE_A = 'a=1; Path=/; Expires=Tue, 01 Jan 2030 12:30:00 GMT';
const COOKIE_B = 'b=2; Path=/; Expires=Tue, 01 Jan 2030 12:30:00 GMT; HttpOnly';

/** Text bodies, by content type: each must travel as the text itself. */
const TEXT_BODIES: [string, string][] = [
  ['application/json', '{"name":"café"}'],
  ['application/json; charset=utf-8', '{"a":[1,2]}'],
  ['application/problem+json', '{"title":"Bad"}'],
  ['application/vnd.api+json', '{"data":null}'],
  ['text/plain; charset=utf-8', 'héllo ✓'],
  ['text/html', '<p>hi</p>'],
  ['text/csv', 'a,b\n1,2\n'],
  ['application/xml', '<a>1</a>'],
  ['image/svg+xml', '<svg/>'],
  ['application/javascript', 'let a = 1;'],
  ['text/javascript', 'export {};'],
  ['application/x-www-form-urlencoded', 'a=1&b=two+words'],
];

/** Strings sent with a type that is not text: base64 of their UTF-8 bytes. */
const NON_TEXT_STRINGS: [string, string][] = [
  ['application/octet-stream', 'raw bytes ✓'],
  ['application/pdf', '%PDF-1.4'],
  ['image/png', 'not really a png'],
];

@Controller()
class AnswersController {
  @Get('/json')
  json() {
    return { ok: true, name: 'café' };
  }

  @Get('/text/:index')
  text(req: Req<'/text/:index'>) {
    const [type, body] = TEXT_BODIES[Number(req.params.index)] as [string, string];
    return reply(200, body, { 'content-type': type });
  }

  @Get('/string/:index')
  string(req: Req<'/string/:index'>) {
    const [type, body] = NON_TEXT_STRINGS[Number(req.params.index)] as [string, string];
    return reply(200, body, { 'content-type': type });
  }

  @Get('/png')
  png() {
    return reply(200, PNG, { 'content-type': 'image/png' });
  }

  @Get('/bytes')
  bytes() {
    return new Uint8Array([0x00, 0xff, 0x7f]);
  }

  @Get('/utf8-bytes')
  utf8Bytes() {
    return reply(200, Buffer.from('bytes ✓', 'utf8'), { 'content-type': 'text/plain' });
  }

  @Get('/non-utf8-text')
  nonUtf8Text() {
    return reply(200, Buffer.from([0xff, 0xfe, 0x41]), { 'content-type': 'text/plain' });
  }

  @Get('/gzip')
  gzip() {
    return reply(200, GZIPPED, { 'content-type': 'text/plain', 'content-encoding': 'gzip' });
  }

  @Get('/encoded-string')
  encodedString() {
    return reply(200, '{"a":1}', { 'content-type': 'application/json', 'content-encoding': 'br' });
  }

  @Get('/nothing')
  nothing() {
    return undefined;
  }

  @Get('/not-modified')
  notModified() {
    return reply(304, { stale: true }, { etag: '"v1"' });
  }

  @Get('/created')
  created() {
    return reply(201, { id: 'new' }, { location: '/items/new' });
  }

  @Get('/cookies')
  cookies() {
    return reply(200, { ok: true })
      .cookie('a', '1', { expires: EXPIRES })
      .cookie('b', '2', { expires: EXPIRES, httpOnly: true });
  }

  @Get('/one-cookie')
  oneCookie() {
    return reply(200, { ok: true }).cookie('only', 'one');
  }

  @Get('/web-cookies')
  webCookies() {
    const headers = new Headers({ 'content-type': 'text/plain' });
    headers.append('set-cookie', COOKIE_A);
    headers.append('set-cookie', COOKIE_B);
    return new Response('web', { status: 200, headers });
  }

  @Get('/header-types')
  headerTypes() {
    return reply(
      200,
      { ok: true },
      {
        'X-Count': 3 as unknown as string,
        'X-Flag': true as unknown as string,
        'X-Text': 'Kept As Is',
      },
    );
  }
}

const handler = echoHandler({ controllers: [AnswersController] });

/** Every header value of an answer, in whichever map its format uses. */
function allHeaderValues(result: LambdaResult): unknown[] {
  return [
    ...Object.values(result.headers ?? {}),
    ...Object.values(result.multiValueHeaders ?? {}).flat(),
  ];
}

describe.each(builders)('$name answers', ({ name, format }) => {
  const get = (path: string, spec: RequestSpec = {}) =>
    invoke(handler, eventBuilders[name]({ path, ...spec }));
  const hasStatusDescription = format !== 'apigw-v1' && format !== 'payload-v2';

  it(`a JSON value in the ${format} format, exactly`, async () => {
    // Act
    const result = await get('/json');

    // Assert
    expect(Object.keys(result).sort()).toEqual(answerKeys(format, false));
    expect(result.statusCode).toBe(200);
    expect(result.body).toBe('{"ok":true,"name":"café"}');
    expect(result.isBase64Encoded).toBe(false);
    expect(plainHeadersOf(result, format)).toEqual({ 'content-type': 'application/json' });
    if (hasStatusDescription) expect(result.statusDescription).toBe('200 OK');
  });

  it.each(TEXT_BODIES.map(([type, body], index) => ({ type, body, index })))(
    'a $type body as text',
    async ({ type, body, index }) => {
      // Act
      const result = await get(`/text/${index}`);

      // Assert
      expect(result.body).toBe(body);
      expect(result.isBase64Encoded).toBe(false);
      expect(plainHeadersOf(result, format)).toEqual({ 'content-type': type });
    },
  );

  it('a PNG Buffer as base64', async () => {
    // Act
    const result = await get('/png');

    // Assert
    expect(result.isBase64Encoded).toBe(true);
    expect(Buffer.from(result.body, 'base64').equals(PNG)).toBe(true);
    expect(plainHeadersOf(result, format)).toEqual({ 'content-type': 'image/png' });
  });

  it('returned bytes as base64 application/octet-stream', async () => {
    // Act
    const result = await get('/bytes');

    // Assert
    expect(result.isBase64Encoded).toBe(true);
    expect(result.body).toBe('AP9/');
    expect(plainHeadersOf(result, format)).toEqual({ 'content-type': 'application/octet-stream' });
  });

  it.each(NON_TEXT_STRINGS.map(([type, body], index) => ({ type, body, index })))(
    'a string with the non-text type $type as base64 of its UTF-8 bytes',
    async ({ body, index }) => {
      // Act
      const result = await get(`/string/${index}`);

      // Assert
      expect(result.isBase64Encoded).toBe(true);
      expect(Buffer.from(result.body, 'base64').toString('utf8')).toBe(body);
    },
  );

  it('a Buffer of UTF-8 text with a text type as text', async () => {
    // Act
    const result = await get('/utf8-bytes');

    // Assert
    expect(result).toMatchObject({ body: 'bytes ✓', isBase64Encoded: false });
  });

  it('a Buffer that is not UTF-8 as base64 even with a text type', async () => {
    // Act
    const result = await get('/non-utf8-text');

    // Assert
    expect(result).toMatchObject({ body: '//5B', isBase64Encoded: true });
  });

  it('a gzip content-encoding as base64 of the encoded bytes, header kept', async () => {
    // Act
    const result = await get('/gzip');

    // Assert
    expect(result.isBase64Encoded).toBe(true);
    expect(Buffer.from(result.body, 'base64').equals(GZIPPED)).toBe(true);
    expect(plainHeadersOf(result, format)).toEqual({
      'content-type': 'text/plain',
      'content-encoding': 'gzip',
    });
  });

  it('a string with any content-encoding as base64', async () => {
    // Act
    const result = await get('/encoded-string');

    // Assert
    expect(result.isBase64Encoded).toBe(true);
    expect(Buffer.from(result.body, 'base64').toString('utf8')).toBe('{"a":1}');
  });

  it('HEAD from the GET route: no body, headers kept', async () => {
    // Act
    const json = await get('/json', { method: 'HEAD' });
    const png = await get('/png', { method: 'HEAD' });

    // Assert
    expect(Object.keys(json).sort()).toEqual(answerKeys(format, false));
    expect(json).toMatchObject({ statusCode: 200, body: '', isBase64Encoded: false });
    expect(plainHeadersOf(json, format)).toEqual({ 'content-type': 'application/json' });
    expect(png).toMatchObject({ statusCode: 200, body: '', isBase64Encoded: false });
    expect(plainHeadersOf(png, format)).toEqual({ 'content-type': 'image/png' });
  });

  it('204 with an empty body for a route returning undefined', async () => {
    // Act
    const result = await get('/nothing');

    // Assert
    expect(Object.keys(result).sort()).toEqual(answerKeys(format, false));
    expect(result).toMatchObject({ statusCode: 204, body: '', isBase64Encoded: false });
    expect(plainHeadersOf(result, format)).toEqual({});
    if (hasStatusDescription) expect(result.statusDescription).toBe('204 No Content');
  });

  it('304 without the body the route gave, headers kept', async () => {
    // Act
    const result = await get('/not-modified');

    // Assert
    expect(result).toMatchObject({ statusCode: 304, body: '', isBase64Encoded: false });
    expect(plainHeadersOf(result, format)).toMatchObject({ etag: '"v1"' });
    if (hasStatusDescription) expect(result.statusDescription).toBe('304 Not Modified');
  });

  it('a chosen status with its description and headers', async () => {
    // Act
    const result = await get('/created');

    // Assert
    expect(result.statusCode).toBe(201);
    expect(plainHeadersOf(result, format)).toEqual({
      'content-type': 'application/json',
      location: '/items/new',
    });
    if (hasStatusDescription) expect(result.statusDescription).toBe('201 Created');
  });

  it('two cookies whose Expires holds a comma as two whole cookies, never comma-joined', async () => {
    // Act
    const result = await get('/cookies');

    // Assert
    expect(Object.keys(result).sort()).toEqual(answerKeys(format, true));
    expect(setCookiesOf(result, format)).toEqual([COOKIE_A, COOKIE_B]);
    expect(plainHeadersOf(result, format)).toEqual({ 'content-type': 'application/json' });
    for (const value of allHeaderValues(result)) {
      expect(String(value).includes('a=1') && String(value).includes('b=2')).toBe(false);
    }
  });

  it('one cookie', async () => {
    // Act
    const result = await get('/one-cookie');

    // Assert
    expect(setCookiesOf(result, format)).toEqual(['only=one; Path=/']);
  });

  it('the cookies of a Web Response, each whole', async () => {
    // Act
    const result = await get('/web-cookies');

    // Assert
    expect(setCookiesOf(result, format)).toEqual([COOKIE_A, COOKIE_B]);
    expect(result).toMatchObject({ body: 'web', isBase64Encoded: false });
  });

  it('header values as strings under lower-case names', async () => {
    // Act
    const result = await get('/header-types');

    // Assert
    expect(plainHeadersOf(result, format)).toEqual({
      'content-type': 'application/json',
      'x-count': '3',
      'x-flag': 'true',
      'x-text': 'Kept As Is',
    });
    for (const value of allHeaderValues(result)) expect(typeof value).toBe('string');
  });

  it('an error as JSON with its status description', async () => {
    // Act
    const result = await get('/missing');

    // Assert
    expect(Object.keys(result).sort()).toEqual(answerKeys(format, false));
    expect(result.statusCode).toBe(404);
    expect(result.isBase64Encoded).toBe(false);
    expect(JSON.parse(result.body).error.status).toBe(404);
    for (const value of allHeaderValues(result)) expect(typeof value).toBe('string');
    if (hasStatusDescription) expect(result.statusDescription).toBe('404 Not Found');
  });
});

describe('cookie placement per format', () => {
  const cookieEvent = (name: keyof typeof eventBuilders) =>
    invoke(handler, eventBuilders[name]({ path: '/cookies' }));

  it('apigw-v1: multiValueHeaders holds only set-cookie; headers has none', async () => {
    // Act
    const result = await cookieEvent('apigw-v1');

    // Assert
    expect(result.multiValueHeaders).toEqual({ 'set-cookie': [COOKIE_A, COOKIE_B] });
    expect(result.headers).toEqual({ 'content-type': 'application/json' });
  });

  it.each(['apigw-v2', 'function-url'] as const)('%s: cookies[] only', async (name) => {
    // Act
    const result = await cookieEvent(name);

    // Assert
    expect(result.cookies).toEqual([COOKIE_A, COOKIE_B]);
    expect(result.headers).toEqual({ 'content-type': 'application/json' });
  });

  it('alb multi-value: multiValueHeaders only, with set-cookie as a list', async () => {
    // Act
    const result = await cookieEvent('alb (multi-value)');

    // Assert
    expect(result.headers).toBeUndefined();
    expect(result.multiValueHeaders).toEqual({
      'content-type': ['application/json'],
      'set-cookie': [COOKIE_A, COOKIE_B],
    });
  });

  it.each(['alb (single-value)', 'vpc-lattice v1', 'vpc-lattice v2'] as const)(
    '%s: one whole cookie per differently-cased set-cookie name',
    async (name) => {
      // Act
      const result = await cookieEvent(name);

      // Assert
      expect(result.multiValueHeaders).toBeUndefined();
      expect(result.headers).toEqual({
        'content-type': 'application/json',
        'set-cookie': COOKIE_A,
        'Set-cookie': COOKIE_B,
      });
    },
  );
});
