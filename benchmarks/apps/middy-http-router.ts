/**
 * @middy/core with @middy/http-router. The router only dispatches: each route parses its own
 * body (no body parser is installed) and writes its answer as a plain
 * `{ statusCode, headers, body }`, which API Gateway (REST and HTTP), Function URLs and ALB (in
 * single-value header mode) all accept.
 */
import middy from '@middy/core';
import httpRouterHandler, { type Route } from '@middy/http-router';
import type { ALBEvent, APIGatewayProxyEvent, APIGatewayProxyEventV2 } from 'aws-lambda';

type HttpEvent = APIGatewayProxyEvent | APIGatewayProxyEventV2 | ALBEvent;
interface HttpResult {
  statusCode: number;
  headers: Record<string, string>;
  body: string;
}

const json = (statusCode: number, value: unknown): HttpResult => ({
  statusCode,
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify(value),
});

const getItem = middy<HttpEvent, HttpResult>().handler(async (event) => {
  // The router puts the path parameters on the event, whatever its source.
  const { id } = (event as unknown as { pathParameters: { id: string } }).pathParameters;
  return json(200, { id, name: `item ${id}` });
});

const createItem = middy<HttpEvent, HttpResult>().handler(async (event) => {
  const text = event.isBase64Encoded
    ? Buffer.from(event.body ?? '', 'base64').toString()
    : (event.body ?? '');
  const { name } = JSON.parse(text) as { name: string };
  return json(201, { id: 'new', name });
});

const routes: Route<HttpEvent, HttpResult>[] = [
  { method: 'GET', path: '/items/{id}', handler: getItem },
  { method: 'POST', path: '/items', handler: createItem },
];

export const handler = middy<HttpEvent, HttpResult>().handler(httpRouterHandler(routes));
