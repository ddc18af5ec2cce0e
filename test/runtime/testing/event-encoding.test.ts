/**
 * `buildEvent`: each source writes the path, query, headers, cookies and body of a request the
 * way its service does, and Gantry reads them back as the request the client sent.
 */
import { buildEvent, TEST_SOURCES, type TestRequest, type TestSource } from 'gantry/testing';
import { describe, expect, it } from 'vitest';
import { translate } from './captures.js';

type Fields = Record<string, unknown>;
const contextOf = (event: Fields) => event.requestContext as Fields;

const request: TestRequest = {
  method: 'post',
  path: '/files/a%20b%2Fc/é x?tag=a&tag=b',
  query: { q: 'x+y & z' },
  headers: { Accept: ['text/html', 'application/json'], 'X-Custom': 'one' },
  cookies: { session: 'abc', note: 'a b;c' },
  body: 'hello',
};

/** Sources whose single-value query map cannot carry a repeated key, and what they send. */
const REPEATED_QUERY: Partial<Record<TestSource, string>> = {
  alb: 'b', // single-value mode: the last value
  'vpc-lattice-v1': 'a,b', // version 1: joined, as it joins repeated headers
};

describe('buildEvent: what Gantry reads back, on every source', () => {
  it.each(TEST_SOURCES)('%s: method, path, query, headers, cookies and body', (source) => {
    // Act
    const read = translate(source, buildEvent(source, request));

    // Assert
    expect(read.problem).toBeUndefined();
    expect(read.method).toBe('POST');
    expect(read.path).toBe('/files/a b/c/é x');
    expect({ ...read.query }).toEqual({ tag: REPEATED_QUERY[source] ?? ['a', 'b'], q: 'x+y & z' });
    expect(read.headers['x-custom']).toBe('one');
    expect({ ...read.cookies }).toEqual({ session: 'abc', note: 'a b;c' });
    expect(read.body?.toString('utf8')).toBe('hello');
  });

  it.each(TEST_SOURCES)('%s: bytes travel base64-encoded and arrive intact', (source) => {
    // Prepare
    const bytes = new Uint8Array([0, 255, 1, 254, 10]);

    // Act
    const event = buildEvent(source, { method: 'PUT', path: '/bin', body: bytes });

    // Assert
    expect(event.isBase64Encoded ?? event.is_base64_encoded).toBe(true);
    expect(translate(source, event).body).toEqual(Buffer.from(bytes));
  });

  it.each(TEST_SOURCES)('%s: a JSON body gets its content type', (source) => {
    // Act
    const read = translate(source, buildEvent(source, { method: 'POST', json: { a: 1 } }));

    // Assert
    expect(read.headers['content-type']).toBe('application/json');
    expect(JSON.parse(read.body?.toString('utf8') ?? '')).toEqual({ a: 1 });
  });

  it.each(TEST_SOURCES)('%s: a request id given is the id Gantry reads', (source) => {
    // Act
    const read = translate(source, buildEvent(source, { requestId: 'req-1' }));

    // Assert
    expect(read.requestId).toBe('req-1');
  });

  it.each(TEST_SOURCES)('%s: a header given replaces the capture one of its name', (source) => {
    // Act
    const read = translate(source, buildEvent(source, { headers: { 'USER-AGENT': 'vitest' } }));

    // Assert
    expect(read.headers['user-agent']).toBe('vitest');
  });
});

describe('buildEvent: each service its own way', () => {
  it('REST API: path kept encoded, query maps decoded (last value alone), Cookie header', () => {
    // Act
    const event = buildEvent('apigw-v1', request);

    // Assert
    expect(event.path).toBe('/files/a%20b%2Fc/%C3%A9%20x');
    expect(event.queryStringParameters).toEqual({ tag: 'b', q: 'x+y & z' });
    expect(event.multiValueQueryStringParameters).toEqual({ tag: ['a', 'b'], q: ['x+y & z'] });
    expect(event.headers).toMatchObject({
      Accept: 'application/json',
      Cookie: 'session=abc; note=a%20b%3Bc',
    });
    expect(event.multiValueHeaders).toMatchObject({ Accept: ['text/html', 'application/json'] });
    expect(event.pathParameters).toEqual({ proxy: 'files/a b/c/é x' });
    expect(contextOf(event)).toMatchObject({
      httpMethod: 'POST',
      path: '/testStage/files/a%20b%2Fc/%C3%A9%20x',
    });
    expect(event).toMatchObject({ body: 'hello', isBase64Encoded: false });
  });

  it('REST API: no query is null maps, no body a null body, "/" no path parameters', () => {
    // Act
    const event = buildEvent('apigw-v1');

    // Assert
    expect(event).toMatchObject({
      httpMethod: 'GET',
      path: '/',
      queryStringParameters: null,
      multiValueQueryStringParameters: null,
      pathParameters: null,
      body: null,
    });
  });

  it('REST API: CloudFront headers and a fresh trace id, request id and time per call', () => {
    // Act
    const first = buildEvent('apigw-v1');
    const second = buildEvent('apigw-v1');

    // Assert
    const headers = first.headers as Record<string, string>;
    expect(headers['CloudFront-Viewer-Country']).toBe('US');
    expect(headers['X-Amzn-Trace-Id']).toMatch(/^Root=1-[0-9a-f]{8}-[0-9a-f]{24}$/);
    expect(headers['X-Amzn-Trace-Id']).not.toBe((second.headers as Fields)['X-Amzn-Trace-Id']);
    expect(contextOf(first).requestId).not.toBe(contextOf(second).requestId);
    expect(contextOf(first).requestTime).toMatch(
      /^\d{2}\/[A-Z][a-z]{2}\/\d{4}:\d{2}:\d{2}:\d{2} \+0000$/,
    );
    expect(contextOf(first).identity).toMatchObject({ sourceIp: '54.240.196.186' });
  });

  it('HTTP API: rawPath decoded but %2F, raw query kept, lossy map joined, cookies[] only', () => {
    // Act
    const event = buildEvent('apigw-v2', request);

    // Assert
    expect(event.rawPath).toBe('/files/a b%2Fc/é x');
    expect(event.rawQueryString).toBe('tag=a&tag=b&q=x%2By%20%26%20z');
    expect(event.queryStringParameters).toEqual({ tag: 'a,b', q: 'x+y & z' });
    expect(event.cookies).toEqual(['session=abc', 'note=a%20b%3Bc']);
    expect(event.headers).toMatchObject({
      accept: 'text/html,application/json',
      'content-length': '5',
    });
    expect((event.headers as Fields).cookie).toBeUndefined();
    expect(contextOf(event).http).toMatchObject({ method: 'POST', path: '/files/a b%2Fc/é x' });
  });

  it('HTTP API: content-length 0 without a body; no cookies, query map or body fields', () => {
    // Act
    const event = buildEvent('apigw-v2');

    // Assert
    expect((event.headers as Fields)['content-length']).toBe('0');
    expect(event).not.toHaveProperty('cookies');
    expect(event).not.toHaveProperty('queryStringParameters');
    expect(event).not.toHaveProperty('body');
    expect(contextOf(event).requestId).toMatch(/^[\w-]{15}=$/);
  });

  it('HTTP API and Function URL base64-encode text of a binary content type', () => {
    // Act
    const event = buildEvent('apigw-v2', {
      method: 'POST',
      headers: { 'content-type': 'application/octet-stream' },
      body: 'raw',
    });

    // Assert
    expect(event).toMatchObject({
      body: Buffer.from('raw').toString('base64'),
      isBase64Encoded: true,
    });
  });

  it('Function URL: rawPath kept encoded, cookies in cookies[] and the cookie header', () => {
    // Act
    const event = buildEvent('function-url', request);

    // Assert
    expect(event.rawPath).toBe('/files/a%20b%2Fc/%C3%A9%20x');
    expect(event.cookies).toEqual(['session=abc', 'note=a%20b%3Bc']);
    expect(event.headers).toMatchObject({
      cookie: 'session=abc; note=a%20b%3Bc',
      'content-length': '5',
    });
    expect(contextOf(event).domainName).toMatch(/\.lambda-url\./);
  });

  it('ALB single-value: query keys and values kept encoded, last value of repeats', () => {
    // Act
    const event = buildEvent('alb', { ...request, headers: { 'X-Multi': ['1', '2'] } });

    // Assert
    expect(event.path).toBe('/files/a%20b%2Fc/%C3%A9%20x');
    expect(event.queryStringParameters).toEqual({ tag: 'b', q: 'x%2By%20%26%20z' });
    expect(event.headers).toMatchObject({ 'x-multi': '2', cookie: 'session=abc; note=a%20b%3Bc' });
    expect(event).not.toHaveProperty('multiValueHeaders');
  });

  it('ALB multi-value: lists of encoded values; no query is an empty map, no body ""', () => {
    // Act
    const event = buildEvent('alb-multi', {
      path: '/a?k=%3F&k=b+c',
      headers: { 'X-Multi': ['1', '2'] },
    });
    const bare = buildEvent('alb-multi');

    // Assert
    expect(event.multiValueQueryStringParameters).toEqual({ k: ['%3F', 'b+c'] });
    expect(event.multiValueHeaders).toMatchObject({ 'x-multi': ['1', '2'] });
    expect(event).not.toHaveProperty('headers');
    expect(bare).toMatchObject({
      multiValueQueryStringParameters: {},
      body: '',
      isBase64Encoded: false,
    });
  });

  it('VPC Lattice v1: snake_case, one value per key, repeats joined with ","', () => {
    // Act
    const event = buildEvent('vpc-lattice-v1', { ...request, headers: { Header2: ['v1', 'v2'] } });

    // Assert
    expect(event).toMatchObject({
      raw_path: '/files/a%20b%2Fc/%C3%A9%20x',
      method: 'POST',
      body: 'hello',
    });
    expect(event.query_string_parameters).toEqual({ tag: 'a,b', q: 'x+y & z' });
    expect(event.headers).toMatchObject({ Header2: 'v1,v2' });
    expect(event.is_base64_encoded).toBe(false);
  });

  it('VPC Lattice v2: lists of decoded values, a microsecond timeEpoch string', () => {
    // Act
    const event = buildEvent('vpc-lattice', request);

    // Assert
    expect(event).toMatchObject({ version: '2.0', path: '/files/a%20b%2Fc/%C3%A9%20x' });
    expect(event.queryStringParameters).toEqual({ tag: ['a', 'b'], q: ['x+y & z'] });
    expect(event.headers).toMatchObject({ Accept: ['text/html', 'application/json'] });
    expect(contextOf(event).timeEpoch).toMatch(/^\d{16}$/);
  });
});

describe('buildEvent: request parts', () => {
  it('takes a raw query string as sent, after the path query, and keeps malformed escapes', () => {
    // Act
    const event = buildEvent('apigw-v2', { path: '/a?x=1', query: '?y=%zz&z' });

    // Assert
    expect(event.rawQueryString).toBe('x=1&y=%zz&z');
  });

  it('adds the leading slash, drops a fragment, keeps the method it is given upper-cased', () => {
    // Act
    const event = buildEvent('alb', { method: 'patch', path: 'items/1#top' });

    // Assert
    expect(event).toMatchObject({ httpMethod: 'PATCH', path: '/items/1' });
  });

  it('merges a cookie header given with the cookies given', () => {
    // Act
    const event = buildEvent('apigw-v2', { headers: { Cookie: 'a=1; b=2' }, cookies: { c: '3' } });

    // Assert
    expect(event.cookies).toEqual(['a=1', 'b=2', 'c=3']);
  });

  it('keeps the content type given with a JSON body, and drops an empty header list', () => {
    // Act
    const event = buildEvent('apigw-v2', {
      method: 'POST',
      json: [1],
      headers: { 'Content-Type': 'application/vnd.api+json', 'x-none': [] },
    });

    // Assert
    expect(event.headers).toMatchObject({ 'content-type': 'application/vnd.api+json' });
    expect(event.headers).not.toHaveProperty('x-none');
    expect(event.body).toBe('[1]');
  });

  it('refuses a body and json together, a json value JSON cannot hold, and an unknown source', () => {
    // Act
    const both = () => buildEvent('apigw-v2', { body: 'x', json: {} });
    const notJson = () => buildEvent('apigw-v2', { json: () => 1 });
    const unknown = () => buildEvent('sqs' as never);

    // Assert
    expect(both).toThrow(new TypeError('A test request takes a body or json, not both'));
    expect(notJson).toThrow(new TypeError('json must be a JSON value, got function'));
    expect(unknown).toThrow(/^Unknown test source "sqs": use one of apigw-v1, apigw-v2, alb/);
  });

  it('reads a Uint8Array view by its own bytes only', () => {
    // Prepare
    const view = new Uint8Array([9, 1, 2, 9]).subarray(1, 3);

    // Act
    const event = buildEvent('apigw-v1', { method: 'POST', body: view });

    // Assert
    expect(Buffer.from(event.body as string, 'base64')).toEqual(Buffer.from([1, 2]));
  });

  it('REST API: no client address or user agent given reads as 127.0.0.1 and ""; a malformed path stays as sent', () => {
    // Act
    const event = buildEvent('apigw-v1', {
      path: '/a%ZZ',
      headers: { 'X-Forwarded-For': [], 'User-Agent': [] },
    });

    // Assert
    expect(contextOf(event).identity).toMatchObject({ sourceIp: '127.0.0.1', userAgent: '' });
    expect(event.pathParameters).toEqual({ proxy: 'a%ZZ' });
  });

  it('HTTP API: no user agent given is an empty one in requestContext.http', () => {
    // Act
    const event = buildEvent('apigw-v2', { headers: { 'user-agent': [] } });

    // Assert
    expect(contextOf(event).http).toMatchObject({ userAgent: '', sourceIp: '1.2.3.4' });
  });

  it('keeps an HTTP API path whose escapes are not UTF-8 as sent', () => {
    // Act
    const event = buildEvent('apigw-v2', { path: '/a%E9b' });

    // Assert
    expect(event.rawPath).toBe('/a%E9b');
  });
});
