/**
 * Events of every HTTP source, built from one request description the way each service really
 * writes them. Each source's event is shaped like one real capture (named in its builder under
 * `builders/`): its requestContext, its header set, its maps; the request overrides them.
 */
import { albEvent, albHeaders } from './builders/alb-event.js';
import {
  functionUrlEvent,
  functionUrlHeaders,
  httpApiEvent,
  httpApiHeaders,
} from './builders/payload-v2-event.js';
import { readRequest as parts } from './builders/request-parts.js';
import { restApiEvent, restApiHeaders } from './builders/rest-api-event.js';
import {
  latticeV1Event,
  latticeV1Headers,
  latticeV2Event,
  latticeV2Headers,
} from './builders/vpc-lattice-event.js';

/**
 * An event source to test against: API Gateway REST (`apigw-v1`) and HTTP API (`apigw-v2`),
 * ALB in single-value (`alb`) and multi-value header mode (`alb-multi`), Lambda Function URL,
 * and VPC Lattice versions 2 (`vpc-lattice`) and 1 (`vpc-lattice-v1`).
 *
 * @example
 * ```ts
 * import { type TestSource, testClient } from 'gantry/testing';
 *
 * const source: TestSource = 'alb-multi';
 * const client = testClient(handler, { source });
 * ```
 */
export type TestSource =
  | 'apigw-v1'
  | 'apigw-v2'
  | 'alb'
  | 'alb-multi'
  | 'function-url'
  | 'vpc-lattice'
  | 'vpc-lattice-v1';

/**
 * Every {@link TestSource}, to run one test on each.
 *
 * @example
 * ```ts
 * import { TEST_SOURCES, testClient } from 'gantry/testing';
 *
 * it.each(TEST_SOURCES)('gets an item on %s', async (source) => {
 *   const response = await testClient(handler, { source }).get('/items/1');
 *   expect(response.status).toBe(200);
 * });
 * ```
 */
export const TEST_SOURCES: readonly TestSource[] = Object.freeze([
  'apigw-v1',
  'apigw-v2',
  'alb',
  'alb-multi',
  'function-url',
  'vpc-lattice',
  'vpc-lattice-v1',
]);

/**
 * A request as a client sends it. Each source then writes it its own way: the path decoded in
 * an HTTP API `rawPath` but kept percent-encoded by the others, ALB's query values kept
 * percent-encoded, HTTP API's `cookies[]` and comma-joined duplicates, and so on.
 *
 * @example
 * ```ts
 * import type { TestRequest } from 'gantry/testing';
 *
 * const request: TestRequest = {
 *   method: 'POST',
 *   path: '/items?tag=a&tag=b',
 *   headers: { 'x-correlation-id': 'c-1' },
 *   cookies: { session: 'abc' },
 *   json: { name: 'milk' },
 * };
 * ```
 */
export interface TestRequest {
  /** Default `GET`; upper-cased, as `fetch` sends the standard methods. */
  method?: string;
  /**
   * The path as the client sends it; it may carry a query (`/items?a=1&a=2`). Characters a URL
   * cannot carry (a space, non-ASCII) are percent-encoded; `%XX` escapes are kept as written.
   */
  path?: string;
  /**
   * More query: a raw string (`a=1&a=2`, encoded as sent) or a map (encoded here; a list
   * repeats the key). Appended to the path's own query.
   */
  query?: string | Record<string, string | string[]>;
  /** Header fields; a list repeats the field. They replace the capture's of the same name. */
  headers?: Record<string, string | string[]>;
  /** Cookies the client sends (values percent-encoded when they need it). */
  cookies?: Record<string, string>;
  /** Text as is; bytes (a `Uint8Array` or `Buffer`) base64-encoded in the event. */
  body?: string | Uint8Array;
  /** A JSON body, with `content-type: application/json` unless a content type is given. */
  json?: unknown;
  /**
   * The source's request id (`requestContext.requestId`), which Gantry uses as the
   * correlation id when no header gives one. ALB and VPC Lattice have none: it becomes their
   * `x-amzn-trace-id`, which Gantry reads in its place. Default: a fresh id.
   */
  requestId?: string;
}

type Builder = (request: TestRequest, now: Date) => Record<string, unknown>;

const BUILDERS: Readonly<Record<TestSource, Builder>> = {
  'apigw-v1': (request, now) => restApiEvent(parts(request, restApiHeaders(now)), now),
  'apigw-v2': (request, now) => httpApiEvent(parts(request, httpApiHeaders(now)), now),
  alb: (request, now) => albEvent(parts(request, albHeaders(now)), false),
  'alb-multi': (request, now) => albEvent(parts(request, albHeaders(now)), true),
  'function-url': (request, now) => functionUrlEvent(parts(request, functionUrlHeaders(now)), now),
  'vpc-lattice': (request, now) => latticeV2Event(parts(request, latticeV2Headers()), now),
  'vpc-lattice-v1': (request) => latticeV1Event(parts(request, latticeV1Headers())),
};

/**
 * Builds the Lambda event `source` would send for `request`, with fresh request ids, trace
 * headers and times on every call.
 *
 * @example
 * ```ts
 * import { buildEvent } from 'gantry/testing';
 *
 * const event = buildEvent('alb', { path: '/search?q=a%2Bb', headers: { accept: 'text/html' } });
 * event.queryStringParameters; // { q: 'a%2Bb' }: ALB keeps the query encoded
 * const result = await handler(event, context);
 * ```
 */
export function buildEvent(source: TestSource, request: TestRequest = {}): Record<string, unknown> {
  const build = Object.hasOwn(BUILDERS, source) ? BUILDERS[source] : undefined;
  if (build === undefined) {
    throw new TypeError(
      `Unknown test source ${JSON.stringify(source)}: use one of ${TEST_SOURCES.join(', ')}`,
    );
  }
  return build(request, new Date());
}
