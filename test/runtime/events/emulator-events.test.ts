/**
 * Events as local emulators (SAM CLI, serverless-offline, LocalStack), the Lambda console's test
 * templates and users' hand-written tests produce them go through the echo handler. Each fixture
 * in test/fixtures/events/emulators was written by Gantry to reproduce the shape one tool sends
 * (see its SOURCES.md); the expectations are written out by hand from what the client sent,
 * never computed from the fixture by the code under test.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { EMULATOR_FIXTURES, loadFixture } from '../../support/fixtures.js';
import { describeFixtures, type FixtureExpectation, NO_BODY, text } from './fixture-suite.js';

const FOLDER_PATH = join(import.meta.dirname, '..', '..', 'fixtures', 'events', EMULATOR_FIXTURES);

const LAMP = text('{"name":"lamp"}');
const TOKEN = 'Bearer token-123';
const TWO_COOKIES = { session: 'abc', theme: 'dark' };
/** The first 16 bytes of a PNG file: signature, then the IHDR chunk's length and type. */
const PNG_HEAD = Buffer.from([
  0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48, 0x44, 0x52,
]);

const expected: Record<string, FixtureExpectation & { proves: string }> = {
  'sam-local-start-api-v1-get.json': {
    proves:
      'a SAM start-api REST event (stage null, Title-Case names in both maps, body null) gives every query value, one host and the Cookie-header cookies',
    source: 'apigw-v1',
    format: 'apigw-v1',
    method: 'GET',
    path: '/items/42',
    query: { tag: ['a', 'b'], q: 'red lamp' },
    headers: {
      host: '127.0.0.1:3000',
      authorization: TOKEN,
      cookie: 'session=abc; theme=dark',
      'x-forwarded-port': '3000',
    },
    absentHeaders: ['content-type'],
    cookies: TWO_COOKIES,
    body: NO_BODY,
  },
  'sam-local-start-api-v1-http-api-payload-1.0-post.json': {
    proves:
      'a SAM start-api HTTP API payload 1.0 event (version "1.0", null query maps, path already decoded) keeps the space in the path and the JSON body',
    source: 'apigw-v1',
    format: 'apigw-v1',
    method: 'POST',
    path: '/items/summer sale',
    query: {},
    headers: { 'content-type': 'application/json', 'content-length': '15', host: '127.0.0.1:3000' },
    absentHeaders: ['cookie'],
    cookies: {},
    body: LAMP,
  },
  'sam-local-start-api-v2-get.json': {
    proves:
      'a SAM start-api HTTP API event (Title-Case names, Cookie header beside cookies[], body "") gives every raw query value and each cookie once',
    source: 'apigw-v2',
    format: 'payload-v2',
    method: 'GET',
    path: '/items/42',
    query: { tag: ['a', 'b'], q: 'red lamp' },
    headers: { host: '127.0.0.1:3000', authorization: TOKEN, cookie: 'session=abc; theme=dark' },
    absentHeaders: ['content-type'],
    cookies: TWO_COOKIES,
    body: NO_BODY,
  },
  'sam-local-start-api-v2-named-stage-binary-post.json': {
    proves:
      'a SAM start-api HTTP API event with a named stage absent from rawPath and a binary media type keeps the path whole and the body bytes exact',
    source: 'apigw-v2',
    format: 'payload-v2',
    method: 'POST',
    path: '/items/42/photo',
    query: {},
    headers: { 'content-type': 'image/png', 'content-length': '16', host: '127.0.0.1:3000' },
    absentHeaders: ['cookie'],
    cookies: {},
    body: PNG_HEAD,
  },
  'sam-generate-event-apigateway-aws-proxy.json': {
    proves:
      'a sam generate-event aws-proxy event (base64 body, Host differing between the maps) takes the multi-value Host and never joins the two maps',
    source: 'apigw-v1',
    format: 'apigw-v1',
    method: 'POST',
    path: '/items/42',
    query: { color: 'red' },
    headers: {
      host: '2222222222.execute-api.us-east-1.amazonaws.com',
      accept: 'application/json',
      'x-forwarded-for': '127.0.0.1, 127.0.0.2',
    },
    absentHeaders: ['content-type', 'authorization', 'cookie'],
    cookies: {},
    body: LAMP,
  },
  'sam-generate-event-apigateway-http-api-proxy.json': {
    proves:
      'a sam generate-event http-api-proxy event (Title-Case names, cookies[] of bare names, base64 body) lower-cases the names and makes up no cookie',
    source: 'apigw-v2',
    format: 'payload-v2',
    method: 'POST',
    path: '/items/42',
    query: { tag: ['a', 'b'], q: 'x' },
    headers: {
      'x-request-tag': 'alpha',
      accept: 'application/json,text/plain',
      cookie: 'flag1; flag2',
    },
    absentHeaders: ['content-type'],
    cookies: {},
    body: LAMP,
  },
  'sam-generate-event-alb-request.json': {
    proves:
      'a sam generate-event alb request (single-value maps only, still-encoded query, base64 body) decodes the query and the body bytes',
    source: 'alb',
    format: 'alb-single',
    method: 'POST',
    path: '/items/42',
    query: { q: 'red lamp' },
    headers: {
      host: 'items-alb-123456789.us-east-2.elb.amazonaws.com',
      accept: 'application/json',
      'x-forwarded-proto': 'http',
    },
    absentHeaders: ['content-type', 'cookie'],
    cookies: {},
    body: LAMP,
  },
  'serverless-offline-v1-post-json.json': {
    proves:
      'a serverless-offline REST event whose default Content-Type is only in headers reads the union of both maps, the multi-value map winning',
    source: 'apigw-v1',
    format: 'apigw-v1',
    method: 'POST',
    path: '/items',
    query: { tag: ['a', 'b'], q: 'red lamp' },
    headers: {
      'content-type': 'application/json',
      authorization: TOKEN,
      host: 'localhost:3000',
      'x-tag': 'a, b',
      'content-length': '15',
    },
    absentHeaders: ['cookie'],
    cookies: {},
    body: LAMP,
  },
  'serverless-offline-v2-post-json.json': {
    proves:
      'a serverless-offline HTTP API event (rawQueryString re-encoded with +, placeholder requestContext) gives every query value and each cookie once',
    source: 'apigw-v2',
    format: 'payload-v2',
    method: 'POST',
    path: '/items',
    query: { tag: ['a', 'b'], q: 'red lamp' },
    headers: {
      'content-type': 'application/json',
      authorization: TOKEN,
      host: 'localhost:3000',
      cookie: 'session=abc; theme=dark',
    },
    cookies: TWO_COOKIES,
    body: LAMP,
  },
  'serverless-offline-alb-get.json': {
    proves:
      'a serverless-offline ALB event carrying both header modes reads each header once and answers in the multi-value mode',
    source: 'alb',
    format: 'alb-multi',
    method: 'GET',
    path: '/items/42',
    query: { tag: ['a', 'b'], q: 'red lamp' },
    headers: { host: 'localhost:3000', 'x-tag': 'a, b', cookie: 'session=abc' },
    absentHeaders: ['content-type'],
    cookies: { session: 'abc' },
    body: NO_BODY,
  },
  'localstack-apigw-v1-get-encoded-path.json': {
    proves:
      'a LocalStack REST event (stage in requestContext.path only, path still encoded) decodes the path once and keeps every query value',
    source: 'apigw-v1',
    format: 'apigw-v1',
    method: 'GET',
    path: '/files/summer sale.pdf',
    query: { tag: ['a', 'b'] },
    headers: {
      host: 'abc123defg.execute-api.localhost.localstack.cloud:4566',
      authorization: TOKEN,
      'x-forwarded-proto': 'HTTP',
    },
    absentHeaders: ['content-type', 'cookie'],
    cookies: {},
    body: NO_BODY,
  },
  'localstack-function-url-get-cookie-header.json': {
    proves:
      'a LocalStack Function URL event without cookies[] or a body key reads the cookies from the cookie header',
    source: 'function-url',
    format: 'payload-v2',
    method: 'GET',
    path: '/items/42',
    query: { tag: ['a', 'b'] },
    headers: {
      host: 'f3kq9xv2ab.lambda-url.us-east-1.localhost.localstack.cloud:4566',
      cookie: 'session=abc; theme=dark',
    },
    absentHeaders: ['content-type'],
    cookies: TWO_COOKIES,
    body: NO_BODY,
  },
  'localstack-function-url-post-utf8-json.json': {
    proves:
      'a LocalStack Function URL event that base64-encodes a non-ASCII JSON body gives its UTF-8 bytes exactly',
    source: 'function-url',
    format: 'payload-v2',
    method: 'POST',
    path: '/items',
    query: {},
    headers: { 'content-type': 'application/json', 'content-length': '16' },
    absentHeaders: ['cookie'],
    cookies: {},
    body: text('{"name":"café"}'),
  },
  'lambda-console-apigateway-aws-proxy-edited.json': {
    proves:
      'a Lambda console aws-proxy template edited in headers only (empty query maps) keeps the edited headers and the template multi-value Host',
    source: 'apigw-v1',
    format: 'apigw-v1',
    method: 'POST',
    path: '/items',
    query: {},
    headers: {
      'content-type': 'application/json',
      authorization: TOKEN,
      accept: 'application/json',
      host: '2222222222.execute-api.us-east-1.amazonaws.com',
    },
    absentHeaders: ['cookie'],
    cookies: {},
    body: LAMP,
  },
  'hand-written-v1-headers-only.json': {
    proves:
      'a hand-written REST event of httpMethod, path and headers only (no requestContext) is REST v1 with its headers and cookies',
    source: 'apigw-v1',
    format: 'apigw-v1',
    method: 'GET',
    path: '/items/42',
    query: {},
    headers: {
      'content-type': 'application/json',
      authorization: TOKEN,
      host: 'localhost:3000',
      cookie: 'session=abc',
    },
    cookies: { session: 'abc' },
    body: NO_BODY,
  },
  'hand-written-v1-query-only.json': {
    proves:
      'a hand-written REST event with only queryStringParameters and a requestContext of requestId alone gives that query',
    source: 'apigw-v1',
    format: 'apigw-v1',
    method: 'GET',
    path: '/items',
    query: { page: '2', sort: 'name' },
    headers: {},
    absentHeaders: ['content-type', 'cookie', 'host'],
    cookies: {},
    body: NO_BODY,
  },
  'hand-written-v1-multi-query-only.json': {
    proves:
      'a hand-written REST event with only the multi-value maps (no requestContext) gives every query value, its headers and cookies',
    source: 'apigw-v1',
    format: 'apigw-v1',
    method: 'GET',
    path: '/items',
    query: { tag: ['a', 'b'], page: '2' },
    headers: { accept: 'application/json', cookie: 'session=abc' },
    absentHeaders: ['content-type'],
    cookies: { session: 'abc' },
    body: NO_BODY,
  },
  'hand-written-v2-minimal.json': {
    proves:
      'a hand-written HTTP API event of version, rawPath, rawQueryString, Title-Case headers and requestContext.http.method gives method, query, cookies and body',
    source: 'apigw-v2',
    format: 'payload-v2',
    method: 'PUT',
    path: '/items/42',
    query: { tag: ['a', 'b'] },
    headers: { 'content-type': 'application/json', authorization: TOKEN, cookie: 'session=abc' },
    cookies: { session: 'abc' },
    body: LAMP,
  },
  'hand-written-alb-headers-only.json': {
    proves:
      'a hand-written ALB event without query maps (body null) is ALB single-value with no query',
    source: 'alb',
    format: 'alb-single',
    method: 'GET',
    path: '/items/42',
    query: {},
    headers: {
      'content-type': 'application/json',
      host: 'items-alb-123456789.us-east-1.elb.amazonaws.com',
    },
    absentHeaders: ['cookie'],
    cookies: {},
    body: NO_BODY,
  },
  'hand-written-vpc-lattice-v2-minimal.json': {
    proves:
      'a hand-written VPC Lattice v2 event of version, path, method and list headers only (no requestContext, query or body) is Lattice',
    source: 'vpc-lattice',
    format: 'vpc-lattice',
    method: 'GET',
    path: '/items/42',
    query: {},
    headers: {
      accept: 'application/json',
      host: 'items-0123456789abcdef.7d67968.vpc-lattice-svcs.us-east-1.on.aws',
      cookie: 'session=abc',
    },
    absentHeaders: ['content-type'],
    cookies: { session: 'abc' },
    body: NO_BODY,
  },
};

const load = (name: string) => loadFixture(`${EMULATOR_FIXTURES}/${name}`);

describe('emulator and hand-written event fixtures', () => {
  it('has an expectation for every emulator fixture file, and every expectation has its file', () => {
    // Prepare
    const files = readdirSync(FOLDER_PATH).filter((file) => file.endsWith('.json'));

    // Act
    const names = Object.keys(expected).sort();

    // Assert
    expect(files.sort()).toEqual(names);
    expect(names.length).toBeGreaterThanOrEqual(10);
    expect(names.length).toBeLessThanOrEqual(20);
  });

  it('lists, in SOURCES.md, where the behaviour of every fixture was read and that Gantry wrote it', () => {
    // Prepare
    const sources = readFileSync(join(FOLDER_PATH, 'SOURCES.md'), 'utf8');

    // Act
    const rows = sources.split('\n').filter((line) => /^\| [\w.-]+\.json \|/.test(line));

    // Assert
    expect(rows.map((row) => row.split('|')[1]?.trim()).sort()).toEqual(
      Object.keys(expected).sort(),
    );
    for (const row of rows) expect(row).toContain('Written by Gantry');
  });
});

describeFixtures(expected, load);
