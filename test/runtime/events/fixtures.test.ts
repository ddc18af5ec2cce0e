/**
 * Every real event in test/fixtures/events goes through the echo handler. The expectations are
 * written out by hand from each file, never computed by the code under test.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fixtureNames, loadFixture } from '../../support/fixtures.js';
import { echoHandler, echoOf, invoke } from './echo-handler.js';
import { describeFixtures, type FixtureExpectation, NO_BODY, text } from './fixture-suite.js';

const CRLF_JSON = text('{\r\n\t"a": 1\r\n}');
const V2_QUERY = { parameter1: ['value1', 'value2'], parameter2: 'value' };

const expected: Record<string, FixtureExpectation> = {
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
});

describeFixtures(expected, loadFixture);

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
