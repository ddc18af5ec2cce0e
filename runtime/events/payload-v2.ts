/**
 * The payload format 2.0 that HTTP API (v2) and Lambda Function URLs share. The two differ in
 * one rule only, the path: HTTP API decodes `rawPath`, a Function URL keeps it encoded.
 */
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { encodeBody, readBody } from './body.js';
import { parseCookieHeader, parseCookieList } from './cookies.js';
import type { EventReader } from './event-reader.js';
import { readHeaders } from './headers.js';
import type { ReadPath } from './path.js';
import { emptyQuery, parseRawQuery, readQueryMaps } from './query.js';
import { isObject, isRecord, requestIdOf } from './record.js';
import type { HttpRequest, HttpResponse } from './types.js';

export type PayloadV2Event = APIGatewayProxyEventV2;
export type PayloadV2Result = APIGatewayProxyStructuredResultV2;

/**
 * Whether an event is in payload format 2.0 and, if so, whether it came from a Function URL.
 * The fewest keys that say so: `version: "2.0"` and a `requestContext.http` object, or a
 * `rawPath` without the top-level `method` of VPC Lattice v2 (also "2.0"). An ALB's
 * `requestContext.elb` outranks both.
 */
export function payloadV2Kind(event: unknown): 'function-url' | 'apigw-v2' | undefined {
  if (!isRecord(event) || event.version !== '2.0') return undefined;
  const context = isObject(event.requestContext) ? event.requestContext : undefined;
  if (isObject(context?.elb)) return undefined;
  if (!isObject(context?.http) && !('rawPath' in event && !('method' in event))) return undefined;
  const domain = context?.domainName;
  return typeof domain === 'string' && domain.includes('.lambda-url.')
    ? 'function-url'
    : 'apigw-v2';
}

/** The `requestContext.http` of a payload 2.0 event, or an empty one. */
function httpOf(context: Record<string, unknown> | undefined): Record<string, unknown> {
  return isObject(context?.http) ? context.http : {};
}

/** The request context of a payload 2.0 event, if it has one. */
export function contextOf(event: PayloadV2Event): Record<string, unknown> | undefined {
  const context: unknown = event.requestContext;
  return isRecord(context) ? context : undefined;
}

/**
 * The raw path of a payload 2.0 event: `rawPath`, else `requestContext.http.path` (hand-written
 * events often give only one), checked for its type and length.
 */
export function rawPathOf(reader: EventReader, event: PayloadV2Event): string {
  const fields = event as unknown as Record<string, unknown>;
  if (fields.rawPath !== undefined && fields.rawPath !== null) {
    return reader.path(fields.rawPath, 'rawPath');
  }
  return reader.path(httpOf(contextOf(event)).path, 'requestContext.http.path');
}

/** Reads a payload 2.0 event, with the path already read by the source's own rule. */
export function readPayloadV2(
  reader: EventReader,
  event: PayloadV2Event,
  rawPath: string,
  target: ReadPath,
): HttpRequest {
  const fields = event as unknown as Record<string, unknown>;
  const context = contextOf(event);
  const method = reader.method(httpOf(context).method, 'requestContext.http.method');
  const headers = readHeaders(reader, fields.headers, undefined, 'headers', '');
  // `cookies[]` is the whole truth; a Function URL also sends the `cookie` header (not re-read).
  // An event without `cookies[]` (hand-built, or from a local emulator) has only the header.
  const list = reader.strings(fields.cookies, 'cookies');
  const hasList = list !== undefined && list.length > 0;
  const cookies = hasList ? parseCookieList(list) : parseCookieHeader(headers.cookie);
  if (hasList && headers.cookie === undefined) headers.cookie = list.join('; ');
  if (target.problem !== undefined) reader.fail(400, target.problem);
  return {
    method,
    path: target.path,
    routingPath: target.routingPath,
    query: readQuery(reader, fields, rawPath.length),
    headers,
    cookies,
    body: readBody(reader, fields.body, fields.isBase64Encoded, 'body', 'isBase64Encoded'),
    requestId: requestIdOf(context),
    problem: reader.problem,
  };
}

/**
 * The query: `rawQueryString` when there is one (the `queryStringParameters` map is
 * comma-joined and lossy), else that map (all a hand-written event may carry).
 */
function readQuery(reader: EventReader, fields: Record<string, unknown>, pathLength: number) {
  const raw = reader.string(fields.rawQueryString, 'rawQueryString');
  if (raw) {
    // Refused before it is parsed: a huge query costs nothing more than its length.
    return reader.urlLength(pathLength + raw.length) ? parseRawQuery(raw) : emptyQuery();
  }
  const { query, length } = readQueryMaps(
    reader,
    fields.queryStringParameters,
    undefined,
    false,
    'queryStringParameters',
    '',
  );
  reader.urlLength(pathLength + length);
  return query;
}

/** Writes a payload 2.0 answer; cookies go to `cookies[]`, never into a joined header. */
export function writePayloadV2(response: HttpResponse): PayloadV2Result {
  const result: PayloadV2Result = {
    statusCode: response.status,
    headers: response.headers,
    ...encodeBody(response),
  };
  if (response.cookies.length > 0) result.cookies = response.cookies;
  return result;
}
