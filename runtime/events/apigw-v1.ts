/**
 * API Gateway REST API (v1) proxy integration events, and HTTP API events in payload format 1.0.
 */
import type { APIGatewayProxyEvent, APIGatewayProxyResult } from 'aws-lambda';
import { encodeBody, readBody } from './body.js';
import { parseCookieHeader } from './cookies.js';
import { fromMultiHeaders, fromSingleHeaders } from './headers.js';
import { readEncodedPath } from './path.js';
import { fromMultiValues, fromSingleValues } from './query.js';
import { isRecord } from './record.js';
import type { EventSource, HttpRequest, HttpResponse, TranslateOptions } from './types.js';

export type ApiGatewayV1Event = APIGatewayProxyEvent;
export type ApiGatewayV1Result = APIGatewayProxyResult;

function detect(event: unknown): event is ApiGatewayV1Event {
  return (
    isRecord(event) &&
    typeof event.httpMethod === 'string' &&
    isRecord(event.requestContext) &&
    !('elb' in event.requestContext)
  );
}

function toRequest(event: ApiGatewayV1Event, options: TranslateOptions): HttpRequest {
  // `headers` keeps only the last of repeated values: the multi-value map is the whole truth.
  const headers = event.multiValueHeaders
    ? fromMultiHeaders(event.multiValueHeaders)
    : fromSingleHeaders(event.headers);
  const query = event.multiValueQueryStringParameters
    ? fromMultiValues(event.multiValueQueryStringParameters, false)
    : fromSingleValues(event.queryStringParameters, false);
  const { path, routingPath, problem } = readEncodedPath(event.path, options.basePaths);
  return {
    method: event.httpMethod.toUpperCase(),
    path,
    routingPath,
    query,
    headers,
    cookies: parseCookieHeader(headers.cookie),
    body: readBody(event.body, event.isBase64Encoded),
    requestId: event.requestContext.requestId,
    problem,
  };
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
