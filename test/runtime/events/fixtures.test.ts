/**
 * Every real event in test/fixtures/events goes through the echo handler. The expectations are
 * written out by hand from each file, never computed by the code under test.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Controller, Get, Post, Put, reply } from 'gantry';
import { describe, expect, it } from 'vitest';
import { fixtureNames, loadFixture } from '../../support/fixtures.js';
import { answerKeys, plainHeadersOf, setCookiesOf } from './answer-format.js';
import { bodyOf, echoHandler, echoOf, invoke } from './echo-handler.js';
import type { AnswerFormat } from './source-traits.js';

interface Expected {
  source: 'apigw-v1' | 'apigw-v2' | 'alb' | 'function-url' | 'vpc-lattice';
  format: AnswerFormat;
  method: string;
  path: string;
  /** Every query value. */
  query: Record<string, string | string[]>;
  /** Selected headers, lower-case names. */
  headers: Record<string, string>;
  /** Headers that must not be there. */
  absentHeaders?: string[];
  cookies: Record<string, string>;
  /** The body bytes, written as the text or bytes they are. */
  body: Buffer;
}

const text = (value: string) => Buffer.from(value, 'utf8');
const NO_BODY = Buffer.alloc(0);
const CRLF_JSON = text('{\r\n\t"a": 1\r\n}');
const V2_QUERY = { parameter1: ['value1', 'value2'], parameter2: 'value' };

const expected: Record<string, Expected> = {
  'aws-lambda-dotnet/cookies-get-multiple-httpapi-v2-request.json': {
    source: 'apigw-v2',
    format: 'payload-v2',
    method: 'GET',
    path: '/api/cookietests/TestCookie3',
    query: {},
    headers: {
      'content-type': 'application/json',
      contentlength: '45',
      // HTTP API sends cookies only in cookies[]; Req.headers shows them as the client sent them.
      cookie: 'TestCookie1=TestValue1; TestCookie2=TestValue2; TestCookie3=TestValue3',
    },
    cookies: { TestCookie1: 'TestValue1', TestCookie2: 'TestValue2', TestCookie3: 'TestValue3' },
    body: NO_BODY,
  },
  'aws-lambda-dotnet/encode-space-in-resource-path-httpapi-v2.json': {
    source: 'apigw-v2',
    format: 'payload-v2',
    method: 'GET',
    path: '/api/resourcepath/string/tmh/file name.xml',
    query: {},
    headers: {
      'content-length': '0',
      'postman-token': '01312195-613a-4d2a-bc3a-c8410bf27e49',
    },
    absentHeaders: ['cookie'],
    cookies: {},
    body: NO_BODY,
  },
  'aws-lambda-dotnet/values-get-all-httpapi-v2-with-stage.json': {
    source: 'apigw-v2',
    format: 'payload-v2',
    method: 'GET',
    path: '/api/values',
    query: {},
    headers: { 'sec-fetch-user': '?1', 'accept-encoding': 'gzip, deflate, br' },
    cookies: {},
    body: NO_BODY,
  },
  'aws-lambda-dotnet/values-get-querystring-alb-mv-encoding-request.json': {
    source: 'alb',
    format: 'alb-multi',
    method: 'GET',
    path: '/api/rawquerystring/json',
    query: {
      url: 'http://www.gooogle.com',
      testDateTimeOffset: '2019-03-12T16:06:06.5498170+00:00',
    },
    headers: { accept: 'text/html, application/xhtml+xml', cookie: 'cookies' },
    cookies: {},
    body: NO_BODY,
  },
  'aws-lambda-dotnet/values-put-binary-alb-request.json': {
    source: 'alb',
    format: 'alb-single',
    method: 'PUT',
    path: '/api/binary',
    query: {},
    headers: { 'content-type': 'text/plain', cookie: 'cookies' },
    cookies: {},
    body: text('Greetings, programs!'),
  },
  'aws-lambda-go/alb-lambda-target-request-headers-only.json': {
    source: 'alb',
    format: 'alb-single',
    method: 'GET',
    path: '/',
    query: { key: 'hello' },
    headers: { 'x-imforwards': '20', 'x-myheader': '123', 'x-forwarded-for': '25.12.198.67' },
    cookies: {},
    body: NO_BODY,
  },
  'aws-lambda-go/alb-lambda-target-request-multivalue-headers.json': {
    source: 'alb',
    format: 'alb-multi',
    method: 'GET',
    path: '/',
    query: { key: 'hello' },
    headers: {
      'x-myheader': '123',
      host: 'lambda-test-alb-1234567.us-east-1.elb.amazonaws.com',
    },
    cookies: {},
    body: NO_BODY,
  },
  'aws-lambda-go/apigw-request.json': {
    source: 'apigw-v1',
    format: 'apigw-v1',
    method: 'POST',
    path: '/hello/world',
    query: { name: 'me' },
    headers: {
      'content-type': 'application/json',
      headername: 'headerValue',
      'accept-encoding': 'gzip, deflate',
      'x-forwarded-for': '54.240.196.186, 54.182.214.83',
    },
    cookies: {},
    body: CRLF_JSON,
  },
  'aws-lambda-go/apigw-v2-request-jwt-authorizer.json': {
    source: 'apigw-v2',
    format: 'payload-v2',
    method: 'GET',
    path: '/my/path',
    query: V2_QUERY,
    headers: { header1: 'value1', header2: 'value2', cookie: 'cookie1; cookie2' },
    // `cookie1` and `cookie2` are not name=value pairs: no cookie is made up from them.
    cookies: {},
    body: CRLF_JSON,
  },
  'aws-lambda-go/apigw-v2-request-no-authorizer.json': {
    source: 'apigw-v2',
    format: 'payload-v2',
    method: 'GET',
    path: '/',
    query: {},
    headers: { 'content-length': '0', 'user-agent': 'curl/7.58.0', 'x-forwarded-port': '443' },
    absentHeaders: ['cookie'],
    cookies: {},
    body: NO_BODY,
  },
  'aws-lambda-go/function-url-domain-only-request-with-base64-encoded-body.json': {
    source: 'function-url',
    format: 'payload-v2',
    method: 'POST',
    path: '/',
    query: {},
    headers: { 'content-type': 'idk', 'content-length': '6' },
    cookies: {},
    body: text('<idk/>'),
  },
  'aws-lambda-go/function-url-request-with-headers-and-cookies-and-text-body.json': {
    source: 'function-url',
    format: 'payload-v2',
    method: 'POST',
    path: '/hello',
    query: { hello: 'world', foo: 'bar' },
    headers: {
      // Sent both as the header and in cookies[]: kept once.
      cookie: 'foo=bar; hello=hello',
      header1: 'h1',
      header2: 'h1,h2',
      header3: 'h3',
      'content-length': '18',
    },
    cookies: { foo: 'bar', hello: 'hello' },
    body: text('{"hello": "world"}'),
  },
  'aws-lambda-go/lambda-urls-request.json': {
    source: 'function-url',
    format: 'payload-v2',
    method: 'POST',
    path: '/my/path',
    query: V2_QUERY,
    headers: { header1: 'value1', header2: 'value1,value2' },
    cookies: {},
    body: text('Hello from client!'),
  },
  'aws-lambda-rust-runtime/alb_health_check.json': {
    source: 'alb',
    format: 'alb-single',
    method: 'GET',
    path: '/',
    query: {},
    headers: { 'user-agent': 'ELB-HealthChecker/2.0' },
    absentHeaders: ['host', 'cookie'],
    cookies: {},
    body: NO_BODY,
  },
  'aws-lambda-rust-runtime/alb_multi_value_request_encoded_query_parameters.json': {
    source: 'alb',
    format: 'alb-multi',
    method: 'GET',
    path: '/',
    query: { myKey: ['?showAll=true', '?showAll=false'] },
    // Two `cookie` headers are one cookie list: joined with `; `, never `, `.
    headers: { cookie: 'name1=value1; name2=value2', 'content-type': 'text/plain' },
    cookies: { name1: 'value1', name2: 'value2' },
    body: text('request_body'),
  },
  'aws-lambda-rust-runtime/alb_request_encoded_query_parameters.json': {
    source: 'alb',
    format: 'alb-single',
    method: 'GET',
    path: '/',
    query: { myKey: '?showAll=true' },
    headers: { cookie: 'cookies', accept: 'text/html,application/xhtml+xml' },
    cookies: {},
    body: text('request_body'),
  },
  'aws-lambda-rust-runtime/apigw_multi_value_proxy_request.json': {
    source: 'apigw-v1',
    format: 'apigw-v1',
    method: 'POST',
    path: '/hello/world',
    // The single-value map says `multiValueName: "me"`: only the last value.
    query: { name: 'me', multiValueName: ['you', 'me'] },
    headers: {
      'content-type': 'application/json',
      'x-forwarded-for': '54.240.196.186, 54.182.214.83',
      'postman-token': '9f583ef0-ed83-4a38-aef3-eb9ce3f7a57f',
    },
    cookies: {},
    body: CRLF_JSON,
  },
  'aws-lambda-rust-runtime/apigw_request_path_with_space.json': {
    source: 'apigw-v2',
    format: 'payload-v2',
    method: 'POST',
    path: '/my/path-with space',
    query: V2_QUERY,
    headers: { header1: 'value1', header2: 'value2', cookie: 'cookie1=value1; cookie2=value2' },
    cookies: { cookie1: 'value1', cookie2: 'value2' },
    body: text('Hello from Lambda'),
  },
  'aws-lambda-rust-runtime/apigw_v2_proxy_request_with_stage_in_path.json': {
    source: 'apigw-v2',
    format: 'payload-v2',
    method: 'POST',
    path: '/my/path',
    query: V2_QUERY,
    headers: { header1: 'value1', header2: 'value2', cookie: 'cookie1=value1; cookie2=value2' },
    cookies: { cookie1: 'value1', cookie2: 'value2' },
    body: text('Hello from Lambda'),
  },
  'aws-lambda-rust-runtime/lambda_function_url_request.json': {
    source: 'function-url',
    format: 'payload-v2',
    method: 'GET',
    path: '/my/path',
    query: V2_QUERY,
    headers: { cookie: 'test=hi', 'user-agent': 'curl/7.68.0' },
    cookies: { test: 'hi' },
    body: NO_BODY,
  },
  'powertools-lambda-python/albMultiValueQueryStringEvent.json': {
    source: 'alb',
    format: 'alb-multi',
    method: 'GET',
    path: '/todos',
    query: V2_QUERY,
    headers: { header1: 'value1', header2: 'value1, value2', 'x-forwarded-port': '80' },
    cookies: {},
    body: NO_BODY,
  },
  'powertools-lambda-python/vpcLatticeEvent.json': {
    source: 'vpc-lattice',
    format: 'vpc-lattice',
    method: 'GET',
    path: '/testpath',
    query: { 'order-id': '1' },
    headers: { user_agent: 'curl/7.64.1', header1: 'value1', header2: 'value1,value2' },
    cookies: {},
    body: text('{"test": "event"}'),
  },
  'powertools-lambda-python/vpcLatticeV2EventWithHeaders.json': {
    source: 'vpc-lattice',
    format: 'vpc-lattice',
    method: 'GET',
    path: '/newpath',
    query: V2_QUERY,
    headers: {
      'user-agent': 'curl/8.3.0',
      powertools: 'a, b',
      header1: 'value1',
      header2: 'value1, value2',
    },
    cookies: {},
    body: text('{"message": "Hello from Lambda!"}'),
  },
};

const EXPIRES = new Date(Date.UTC(2030, 0, 1));
const COOKIE_A = 'a=1; Path=/; Expires=Tue, 01 Jan 2030 00:00:00 GMT';
const COOKIE_B = 'b=2; Path=/; Expires=Tue, 01 Jan 2030 00:00:00 GMT';

@Controller()
class CookieController {
  #answer() {
    return reply(200, { ok: true })
      .cookie('a', '1', { expires: EXPIRES })
      .cookie('b', '2', { expires: EXPIRES });
  }
  @Get('/*')
  get() {
    return this.#answer();
  }
  @Post('/*')
  post() {
    return this.#answer();
  }
  @Put('/*')
  put() {
    return this.#answer();
  }
}

const echo = echoHandler();
const cookieSetter = echoHandler({ controllers: [CookieController] });

describe('real event fixtures', () => {
  it('has an expectation for every fixture file, and every expectation has its file', () => {
    // Prepare
    const names = fixtureNames();

    // Act
    const expectedNames = Object.keys(expected).sort();

    // Assert
    expect(names).toEqual(expectedNames);
    expect(names).toHaveLength(23);
  });

  it('lists the provenance and licence of every fixture file in SOURCES.md', () => {
    // Prepare
    const sources = readFileSync(
      join(import.meta.dirname, '..', '..', 'fixtures', 'events', 'SOURCES.md'),
      'utf8',
    );

    // Act
    const rows = sources.split('\n').filter((line) => /^\| [\w-]+\/[\w.-]+\.json \|/.test(line));

    // Assert
    expect(rows.map((row) => row.split('|')[1]?.trim()).sort()).toEqual(fixtureNames());
    for (const row of rows) {
      expect(row.split('|').filter((cell) => cell.trim() !== '')).toHaveLength(8);
      expect(row).toMatch(/Apache-2\.0|MIT-0/);
    }
  });

  describe.each(Object.entries(expected))('%s', (name, want) => {
    it(`is read as ${want.source}: ${want.method} ${want.path} with every query value, headers, cookies and body bytes`, async () => {
      // Prepare
      const event = loadFixture(name);

      // Act
      const result = await invoke(echo, event);

      // Assert
      const seen = echoOf(result);
      expect(seen.source).toBe(want.source);
      expect(seen.method).toBe(want.method);
      expect(seen.path).toBe(want.path);
      expect(seen.query).toEqual(want.query);
      expect(seen.headers).toMatchObject(want.headers);
      for (const header of want.absentHeaders ?? [])
        expect(seen.headers).not.toHaveProperty(header);
      for (const header of Object.keys(seen.headers)) expect(header).toBe(header.toLowerCase());
      expect(seen.cookies).toEqual(want.cookies);
      expect(bodyOf(seen).equals(want.body)).toBe(true);
    });

    it(`is answered in the ${want.format} format`, async () => {
      // Prepare
      const event = loadFixture(name);

      // Act
      const result = await invoke(echo, event);

      // Assert
      expect(Object.keys(result).sort()).toEqual(answerKeys(want.format, false));
      expect(result.statusCode).toBe(200);
      expect(result.isBase64Encoded).toBe(false);
      expect(plainHeadersOf(result, want.format)).toEqual({ 'content-type': 'application/json' });
      if (want.format !== 'apigw-v1' && want.format !== 'payload-v2') {
        expect(result.statusDescription).toBe('200 OK');
      }
    });

    it('is answered with two cookies, each whole, where its format carries cookies', async () => {
      // Prepare
      const event = loadFixture(name);

      // Act
      const result = await invoke(cookieSetter, event);

      // Assert
      expect(Object.keys(result).sort()).toEqual(answerKeys(want.format, true));
      expect(setCookiesOf(result, want.format)).toEqual([COOKIE_A, COOKIE_B]);
      expect(plainHeadersOf(result, want.format)).toEqual({ 'content-type': 'application/json' });
    });
  });
});

describe('named stages in real HTTP API events', () => {
  it.each([
    ['aws-lambda-dotnet/values-get-all-httpapi-v2-with-stage.json', '/beta/api/values'],
    ['aws-lambda-rust-runtime/apigw_v2_proxy_request_with_stage_in_path.json', '/Prod/my/path'],
  ])('%s keeps its stage in the path when stripStage is false', async (name, path) => {
    // Prepare
    const handler = echoHandler({ stripStage: false });

    // Act
    const seen = echoOf(await invoke(handler, loadFixture(name)));

    // Assert
    expect(seen.path).toBe(path);
  });

  it('strips the stage, then a base path, from a real event', async () => {
    // Prepare
    const handler = echoHandler({ basePath: '/api' });

    // Act
    const seen = echoOf(
      await invoke(
        handler,
        loadFixture('aws-lambda-dotnet/values-get-all-httpapi-v2-with-stage.json'),
      ),
    );

    // Assert
    expect(seen.path).toBe('/values');
  });
});
