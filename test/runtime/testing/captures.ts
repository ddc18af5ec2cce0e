/**
 * The request a captured event describes, read back as a `TestRequest`, and each source's
 * translator: what the builder tests need to rebuild a capture and compare translations.
 */
import {
  alb,
  apiGatewayV1,
  apiGatewayV2,
  type EventSource,
  functionUrl,
  type HttpRequest,
  vpcLattice,
} from 'gantry';
import type { TestRequest, TestSource } from 'gantry/testing';
import { expect } from 'vitest';

type Fields = Record<string, unknown>;
type Headers = Record<string, string | string[]>;

const TRANSLATORS: Record<TestSource, EventSource<never, unknown>> = {
  'apigw-v1': apiGatewayV1 as unknown as EventSource<never, unknown>,
  'apigw-v2': apiGatewayV2 as unknown as EventSource<never, unknown>,
  'function-url': functionUrl as unknown as EventSource<never, unknown>,
  alb: alb as unknown as EventSource<never, unknown>,
  'alb-multi': alb as unknown as EventSource<never, unknown>,
  'vpc-lattice': vpcLattice as unknown as EventSource<never, unknown>,
  'vpc-lattice-v1': vpcLattice as unknown as EventSource<never, unknown>,
};

/** The event as Gantry translates it, through the source's own translator. */
export function translate(source: TestSource, event: unknown): HttpRequest {
  const translator = TRANSLATORS[source];
  expect(translator.detect(event)).toBe(true);
  return translator.toRequest(event as never, { basePaths: [], stripStage: true });
}

function map(value: unknown): Fields {
  return typeof value === 'object' && value !== null ? (value as Fields) : {};
}

/** Union of a single- and a multi-value map, the multi-value one winning on a key. */
function union(single: unknown, multi: unknown): Headers {
  return { ...(map(single) as Headers), ...(map(multi) as Headers) };
}

function bodyOf(body: unknown, base64: unknown): TestRequest['body'] {
  if (typeof body !== 'string' || body === '') return undefined;
  return base64 === true ? Buffer.from(body, 'base64') : body;
}

/** A query map, still encoded (ALB), as the raw query string a client sent. */
function rawQuery(values: Headers): string {
  return Object.entries(values)
    .flatMap(([key, value]) => (Array.isArray(value) ? value : [value]).map((v) => `${key}=${v}`))
    .join('&');
}

/** The request (method, path, query, headers, cookies, body) a capture of `source` carries. */
export function requestOf(source: TestSource, event: Fields): TestRequest {
  switch (source) {
    case 'apigw-v1':
      return {
        method: event.httpMethod as string,
        path: event.path as string,
        query: union(event.queryStringParameters, event.multiValueQueryStringParameters),
        headers: union(event.headers, event.multiValueHeaders),
        body: bodyOf(event.body, event.isBase64Encoded),
      };
    case 'alb':
    case 'alb-multi':
      return {
        method: event.httpMethod as string,
        path: event.path as string,
        query: rawQuery(union(event.queryStringParameters, event.multiValueQueryStringParameters)),
        headers: union(event.headers, event.multiValueHeaders),
        body: bodyOf(event.body, event.isBase64Encoded),
      };
    case 'apigw-v2':
    case 'function-url': {
      const headers = { ...(map(event.headers) as Headers) };
      const cookies = (event.cookies as string[] | undefined) ?? [];
      if (cookies.length > 0 && headers.cookie === undefined) headers.cookie = cookies.join('; ');
      const http = map(map(event.requestContext).http);
      return {
        method: http.method as string,
        path: event.rawPath as string,
        query: event.rawQueryString as string,
        headers,
        body: bodyOf(event.body, event.isBase64Encoded),
      };
    }
    case 'vpc-lattice-v1':
      return {
        method: event.method as string,
        path: event.raw_path as string,
        query: map(event.query_string_parameters) as Headers,
        headers: map(event.headers) as Headers,
        body: bodyOf(event.body, event.is_base64_encoded),
      };
    case 'vpc-lattice':
      return {
        method: event.method as string,
        path: event.path as string,
        query: map(event.queryStringParameters) as Headers,
        headers: map(event.headers) as Headers,
        body: bodyOf(event.body, event.isBase64Encoded),
      };
  }
}
