/**
 * The last step of every answer: the correlation id header, no body where HTTP forbids one,
 * then the source's own format.
 */
import type { HttpResponse } from '../events/types.js';
import { CORRELATION_HEADER } from '../observability/constants.js';
import type { HttpExchange } from './http-exchange.js';

/**
 * Writes a response in the format of the source the request came from.
 *
 * @example
 * ```ts
 * writeResult(exchange, { status: 204, headers: {}, cookies: [], body: undefined });
 * // apigw-v2: { statusCode: 204, headers: { 'x-correlation-id': '...' }, body: '', isBase64Encoded: false }
 * ```
 */
export function writeResult(exchange: HttpExchange, response: HttpResponse): unknown {
  if (exchange.correlationId !== undefined)
    response.headers[CORRELATION_HEADER] = exchange.correlationId;
  const { status } = response;
  if (exchange.request.method === 'HEAD' || status === 204 || status === 304 || status < 200) {
    response.body = undefined;
  }
  return exchange.source.toResult(response, exchange.event);
}
