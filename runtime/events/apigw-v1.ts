/**
 * API Gateway REST API (v1) proxy integration events, and HTTP API events in payload format 1.0.
 */
import type { APIGatewayProxyEvent, APIGatewayProxyResult } from 'aws-lambda';
import { encodeBody } from './body.js';
import { readProxyEvent } from './proxy-event.js';
import { isObject, isRecord, requestIdOf } from './record.js';
import type { EventSource, HttpRequest, HttpResponse, TranslateOptions } from './types.js';

export type ApiGatewayV1Event = APIGatewayProxyEvent;
export type ApiGatewayV1Result = APIGatewayProxyResult;

/**
 * The fewest keys that say REST v1: an `httpMethod` (whatever its type: a wrong one is a 400,
 * not "unsupported") and no ALB `requestContext.elb`. Emulators and hand-written test events
 * often leave out `requestContext`, one of the header maps or both query maps.
 */
function detect(event: unknown): event is ApiGatewayV1Event {
  if (!isRecord(event) || !('httpMethod' in event)) return false;
  const context = event.requestContext;
  return !(isObject(context) && isObject(context.elb));
}

function toRequest(event: ApiGatewayV1Event, options: TranslateOptions): HttpRequest {
  const request = readProxyEvent(event, options, false);
  request.requestId = requestIdOf((event as { requestContext?: unknown }).requestContext);
  return request;
}

function toResult(response: HttpResponse): ApiGatewayV1Result {
  const result: ApiGatewayV1Result = {
    statusCode: response.status,
    headers: response.headers,
    ...encodeBody(response),
  };
  if (response.cookies.length > 0) result.multiValueHeaders = { 'set-cookie': response.cookies };
  return result;
}

/**
 * API Gateway REST API (v1) proxy events: the multi-value maps are read (the single-value maps
 * hold only the last of repeated values), cookies answer in `multiValueHeaders['set-cookie']`.
 *
 * @example
 * ```ts
 * import { apiGatewayV1 } from 'gantry';
 *
 * const request = apiGatewayV1.toRequest(event, { basePaths: [], stripStage: true });
 * request.query; // { tag: ['a', 'b'] } for ?tag=a&tag=b
 * ```
 */
export const apiGatewayV1: EventSource<ApiGatewayV1Event, ApiGatewayV1Result> = {
  name: 'apigw-v1',
  detect,
  toRequest,
  toResult,
};
