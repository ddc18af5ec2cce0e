/**
 * The payload format 2.0 that HTTP API (v2) and Lambda Function URLs share. The two differ in
 * one rule only, the path: HTTP API decodes `rawPath`, a Function URL keeps it encoded.
 */
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { encodeBody, readBody } from './body.js';
import { parseCookieHeader, parseCookieList } from './cookies.js';
import { fromSingleHeaders } from './headers.js';
import type { ReadPath } from './path.js';
import { parseRawQuery } from './query.js';
import { isRecord } from './record.js';
import type { HttpRequest, HttpResponse } from './types.js';

export type PayloadV2Event = APIGatewayProxyEventV2;
export type PayloadV2Result = APIGatewayProxyStructuredResultV2;

/** Whether an event is in payload format 2.0 and, if so, whether it came from a Function URL. */
export function payloadV2Kind(event: unknown): 'function-url' | 'apigw-v2' | undefined {
  if (!isRecord(event) || event.version !== '2.0') return undefined;
  const context = event.requestContext;
  if (!isRecord(context) || !isRecord(context.http)) return undefined;
  const domain = context.domainName;
  return typeof domain === 'string' && domain.includes('.lambda-url.')
    ? 'function-url'
    : 'apigw-v2';
}

/** Reads a payload 2.0 event, with the path already read by the source's own rule. */
export function readPayloadV2(event: PayloadV2Event, target: ReadPath): HttpRequest {
  const headers = fromSingleHeaders(event.headers);
  // `cookies[]` is the whole truth; a Function URL also sends the `cookie` header (not re-read).
  // An event without `cookies[]` (hand-built, or from a local emulator) has only the header.
  const list = event.cookies;
  const hasList = list !== undefined && list !== null && list.length > 0;
  const cookies = hasList ? parseCookieList(list) : parseCookieHeader(headers.cookie);
  if (hasList && headers.cookie === undefined) headers.cookie = list.join('; ');
  return {
    method: event.requestContext.http.method.toUpperCase(),
    path: target.path,
    routingPath: target.routingPath,
    // The `queryStringParameters` map is comma-joined and lossy: the raw string is not.
    query: parseRawQuery(event.rawQueryString),
    headers,
    cookies,
    body: readBody(event.body, event.isBase64Encoded),
    requestId: event.requestContext.requestId,
    problem: target.problem,
  };
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
