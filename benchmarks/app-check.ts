/**
 * The benchmark app's contract, checked from the outside: sends every variant the same requests,
 * as each event source delivers them, and checks each answer strictly in that source's format.
 * `npm run bench` calls {@link checkApp} before and after timing a variant; the tests call it for
 * every variant and every source it claims.
 */
import { deepStrictEqual } from 'node:assert/strict';
import type { Context } from 'aws-lambda';
import {
  albEvent,
  apigwV1Event,
  apigwV2Event,
  functionUrlEvent,
  type RequestSpec,
} from '../test/support/events.js';
import { lambdaContext } from './lambda-context.js';

/**
 * The event sources the benchmark covers: API Gateway REST API (v1) and HTTP API (v2), Lambda
 * Function URLs, and ALB in its default single-value header mode (`alb`) and with the target
 * group's multi-value headers on (`alb-multi`), which changes both the event and the answer.
 */
export const SOURCES = ['apigw-v1', 'apigw-v2', 'function-url', 'alb', 'alb-multi'] as const;

/** An event source of the benchmark. */
export type Source = (typeof SOURCES)[number];

/**
 * Any Lambda handler, whatever it declares: some peers type theirs with the old callback
 * parameter. Call it with {@link invokeHandler}.
 */
export type LambdaHandler = (event: never, context: Context, callback: never) => unknown;

/** One request of the app and the answer it must get. */
export interface AppRequest {
  /** `GET /items/:id`, `POST /items` or `POST /items (base64 body)`. */
  readonly name: string;
  readonly spec: RequestSpec;
  readonly status: number;
  readonly body: Record<string, string>;
}

const ID = 'a1b2c3';
const NAME = 'blue widget';

/** What every request carries, as a browser behind the source would send it. */
const COMMON_HEADERS = {
  accept: 'application/json',
  'accept-encoding': 'gzip, deflate, br',
  'user-agent': 'Mozilla/5.0 (X11; Linux x86_64) bench/1.0',
  'x-amzn-trace-id': 'Root=1-5f84c7a9-0e5a4c3b2a1908f7e6d5c4b3',
  'x-forwarded-for': '203.0.113.1',
  'x-forwarded-port': '443',
  'x-forwarded-proto': 'https',
};

const HOSTS: Record<Source, string> = {
  'apigw-v1': 'abc123.execute-api.us-east-1.amazonaws.com',
  'apigw-v2': 'abc123.execute-api.us-east-1.amazonaws.com',
  'function-url': 'abc123.lambda-url.us-east-1.on.aws',
  alb: 'bench-123456789.us-east-1.elb.amazonaws.com',
  'alb-multi': 'bench-123456789.us-east-1.elb.amazonaws.com',
};

const JSON_BODY = { 'content-type': 'application/json' };

/** The app's requests: the GET, the POST, and the POST with its body base64-encoded. */
export const APP_REQUESTS: readonly AppRequest[] = [
  {
    name: 'GET /items/:id',
    spec: { method: 'GET', path: `/items/${ID}`, headers: COMMON_HEADERS },
    status: 200,
    body: { id: ID, name: `item ${ID}` },
  },
  {
    name: 'POST /items',
    spec: {
      method: 'POST',
      path: '/items',
      headers: { ...COMMON_HEADERS, ...JSON_BODY },
      body: JSON.stringify({ name: NAME }),
    },
    status: 201,
    body: { id: 'new', name: NAME },
  },
  {
    name: 'POST /items (base64 body)',
    spec: {
      method: 'POST',
      path: '/items',
      headers: { ...COMMON_HEADERS, ...JSON_BODY },
      body: JSON.stringify({ name: NAME }),
      base64: true,
    },
    status: 201,
    body: { id: 'new', name: NAME },
  },
];

/**
 * A fresh event for one request as a source delivers it. Always a new object: some peers
 * (serverless-http, @middy/http-router) write into the event they are given.
 */
export function appEvent(source: Source, request: AppRequest, requestId?: string): unknown {
  const spec: RequestSpec = {
    ...request.spec,
    headers: { host: HOSTS[source], ...request.spec.headers },
    requestId,
  };
  switch (source) {
    case 'apigw-v1':
      return apigwV1Event(spec);
    case 'apigw-v2':
      return apigwV2Event(spec);
    case 'function-url':
      return functionUrlEvent(spec);
    case 'alb':
      return albEvent(spec, 'single');
    case 'alb-multi':
      return albEvent(spec, 'multi');
  }
}

/** The fields of a Lambda HTTP answer the check reads. */
interface Answer {
  statusCode?: unknown;
  headers?: unknown;
  multiValueHeaders?: unknown;
  body?: unknown;
  isBase64Encoded?: unknown;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Every value of a header, whatever the case of its name, from a `headers`-style map. */
function singleValues(map: unknown, name: string, where: string): string[] {
  if (map === undefined || map === null) return [];
  if (!isRecord(map)) throw new Error(`${where} is not an object`);
  const values: string[] = [];
  for (const [key, value] of Object.entries(map)) {
    if (key.toLowerCase() !== name) continue;
    if (typeof value !== 'string') throw new Error(`${where}['${key}'] is not a string`);
    values.push(value);
  }
  return values;
}

/** Every value of a header from a `multiValueHeaders`-style map. */
function multiValues(map: unknown, name: string, where: string): string[] {
  if (map === undefined || map === null) return [];
  if (!isRecord(map)) throw new Error(`${where} is not an object`);
  const values: string[] = [];
  for (const [key, list] of Object.entries(map)) {
    if (key.toLowerCase() !== name) continue;
    if (!Array.isArray(list) || !list.every((value) => typeof value === 'string'))
      throw new Error(`${where}['${key}'] is not a list of strings`);
    values.push(...list);
  }
  return values;
}

/**
 * The values of a response header the source would send to the client, read where that source
 * reads them: HTTP API and Function URL answers from `headers`; REST API answers from `headers`
 * and `multiValueHeaders` (API Gateway merges both); ALB answers from `headers` in single-value
 * mode and from `multiValueHeaders` in multi-value mode, each ignoring the other field. Throws
 * when the field read is malformed.
 *
 * @example
 * ```ts
 * headerValues('alb-multi', answer, 'x-correlation-id'); // ['order-42']
 * ```
 */
export function headerValues(source: Source, answer: unknown, name: string): string[] {
  const { headers, multiValueHeaders } = (isRecord(answer) ? answer : {}) as Answer;
  const single = () => singleValues(headers, name, 'headers');
  const multi = () => multiValues(multiValueHeaders, name, 'multiValueHeaders');
  switch (source) {
    case 'apigw-v1':
      return [...new Set([...single(), ...multi()])];
    case 'alb-multi':
      return multi();
    default:
      return single();
  }
}

/** Throws, naming the first way the answer breaks the app's contract for that source. */
export function checkAnswer(source: Source, request: AppRequest, result: unknown): void {
  const problem = (what: string): Error =>
    new Error(
      `${source} ${request.name}: ${what}\nanswer: ${JSON.stringify(result)?.slice(0, 600)}`,
    );
  if (!isRecord(result)) throw problem('the answer is not an object');
  const answer = result as Answer;
  if (answer.statusCode !== request.status)
    throw problem(`status ${String(answer.statusCode)}, expected ${request.status}`);

  let types: string[];
  try {
    types = headerValues(source, answer, 'content-type');
  } catch (error) {
    throw problem((error as Error).message);
  }
  if (types.length !== 1) throw problem(`${types.length} content-type values, expected 1`);
  const mediaType = types[0]?.split(';')[0]?.trim().toLowerCase();
  if (mediaType !== 'application/json')
    throw problem(`content-type '${types[0]}', expected application/json`);

  if (answer.isBase64Encoded !== undefined && typeof answer.isBase64Encoded !== 'boolean')
    throw problem('isBase64Encoded is not a boolean');
  if (typeof answer.body !== 'string') throw problem('the body is not a string');
  const text =
    answer.isBase64Encoded === true
      ? Buffer.from(answer.body, 'base64').toString('utf8')
      : answer.body;
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    throw problem(`the body is not JSON: ${text.slice(0, 200)}`);
  }
  try {
    deepStrictEqual(body, request.body);
  } catch {
    throw problem(`body ${text}, expected ${JSON.stringify(request.body)}`);
  }
}

/**
 * Calls a handler as the Lambda runtime calls an async handler: with the event and the context
 * only (no callback).
 */
export function invokeHandler(handler: LambdaHandler, event: unknown, context: Context): unknown {
  return (handler as (event: unknown, context: Context) => unknown)(event, context);
}

/**
 * Sends the app's requests (GET, POST, POST with a base64 body) to a handler as `source`
 * delivers them and checks every answer: status, a single `application/json` content type where
 * the source reads it, and the exact JSON body (decoded first when the answer is base64).
 *
 * @example
 * ```ts
 * const { handler } = await import('./apps/hono.js');
 * await checkApp(handler, 'alb'); // throws, naming the request and the problem, if it is wrong
 * ```
 */
export async function checkApp(handler: LambdaHandler, source: Source): Promise<void> {
  let n = 0;
  for (const request of APP_REQUESTS) {
    const requestId = `check-${source}-${++n}`;
    const event = appEvent(source, request, requestId);
    const answer = await invokeHandler(handler, event, lambdaContext(requestId));
    checkAnswer(source, request, answer);
  }
}
