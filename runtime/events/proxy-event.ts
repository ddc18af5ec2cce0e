/**
 * The event shape REST v1 and ALB share: `httpMethod`, `path`, single- and multi-value header
 * and query maps, `body` and `isBase64Encoded`. Each field is checked where it is read.
 */
import { readBody } from './body.js';
import { parseCookieHeader } from './cookies.js';
import { EventReader } from './event-reader.js';
import { readHeaders } from './headers.js';
import { readEncodedPath } from './path.js';
import { readQueryMaps } from './query.js';
import type { HttpRequest, TranslateOptions } from './types.js';

/**
 * Reads a REST v1 or ALB event. Both header and query maps are read as their union (the
 * multi-value map wins on a shared key): API Gateway sends both, a real ALB one mode, emulators
 * and hand-written events either. `encodedQuery`: the query maps are still URL-encoded (ALB).
 * The request id is left to the source.
 *
 * @example
 * ```ts
 * const request = readProxyEvent({ httpMethod: 'GET', path: '/items', headers: { Host: 'a' } }, options, false);
 * request.headers.host; // 'a'
 * ```
 */
export function readProxyEvent(
  event: object,
  options: TranslateOptions,
  encodedQuery: boolean,
): HttpRequest {
  const reader = new EventReader(options.limits);
  const fields = event as Record<string, unknown>;
  const method = reader.method(fields.httpMethod, 'httpMethod');
  const rawPath = reader.path(fields.path, 'path');
  const headers = readHeaders(
    reader,
    fields.headers,
    fields.multiValueHeaders,
    'headers',
    'multiValueHeaders',
  );
  const { query, length } = readQueryMaps(
    reader,
    fields.queryStringParameters,
    fields.multiValueQueryStringParameters,
    encodedQuery,
    'queryStringParameters',
    'multiValueQueryStringParameters',
  );
  reader.urlLength(rawPath.length + length);
  const { path, routingPath, problem } = readEncodedPath(rawPath, options.basePaths);
  if (problem !== undefined) reader.fail(400, problem);
  return {
    method,
    path,
    routingPath,
    query,
    headers,
    cookies: parseCookieHeader(headers.cookie),
    body: readBody(reader, fields.body, fields.isBase64Encoded, 'body', 'isBase64Encoded'),
    requestId: undefined,
    problem: reader.problem,
  };
}
