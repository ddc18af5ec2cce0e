/**
 * Application Load Balancer target events, in single-value and multi-value header modes. The
 * answer uses the mode the request came in.
 */
import type { ALBEvent, ALBResult } from 'aws-lambda';
import { encodeBody } from './body.js';
import { spreadSetCookies } from './cookies.js';
import { readProxyEvent } from './proxy-event.js';
import { isObject, isRecord } from './record.js';
import { statusDescription } from './status-text.js';
import type { EventSource, HttpRequest, HttpResponse, TranslateOptions } from './types.js';

export type AlbEvent = ALBEvent;
export type AlbResult = ALBResult;

/** The one key that says ALB: a `requestContext.elb` object. */
function detect(event: unknown): event is AlbEvent {
  return isRecord(event) && isObject(event.requestContext) && isObject(event.requestContext.elb);
}

/** Whether the target group is in multi-value mode: the answer must use the same mode. */
function isMultiValue(event: AlbEvent): boolean {
  return isRecord(event.multiValueHeaders);
}

function toRequest(event: AlbEvent, options: TranslateOptions): HttpRequest {
  // ALB passes the query string through still URL-encoded. A real ALB sends one header mode;
  // a hand-written event may carry both maps: their union is read.
  const request = readProxyEvent(event, options, true);
  // ALB gives no request id: the trace id stands in.
  request.requestId = request.headers['x-amzn-trace-id'];
  return request;
}

function toResult(response: HttpResponse, event: AlbEvent): AlbResult {
  const result: AlbResult = {
    statusCode: response.status,
    statusDescription: statusDescription(response.status),
    ...encodeBody(response),
  };
  if (isMultiValue(event)) {
    const multi: Record<string, string[]> = {};
    for (const name in response.headers) multi[name] = [response.headers[name] as string];
    if (response.cookies.length > 0) multi['set-cookie'] = response.cookies;
    result.multiValueHeaders = multi;
  } else {
    spreadSetCookies(response.headers, response.cookies);
    result.headers = response.headers;
  }
  return result;
}

/**
 * Application Load Balancer events, in single-value and multi-value header modes: the query
 * string is read still URL-encoded, and the answer uses the mode the request came in.
 *
 * @example
 * ```ts
 * import { alb } from 'gantry';
 *
 * const event = { requestContext: { elb: { targetGroupArn: 'arn:...' } }, httpMethod: 'GET',
 *   path: '/items', queryStringParameters: { q: 'a+b' }, headers: {}, body: '', isBase64Encoded: false };
 * alb.detect(event); // true
 * alb.toRequest(event, { basePaths: [], stripStage: true }).query; // { q: 'a b' }
 * ```
 */
export const alb: EventSource<AlbEvent, AlbResult> = { name: 'alb', detect, toRequest, toResult };
