/**
 * Correlation ids: one per request, on every log line, the trace, the answer's
 * `x-correlation-id` header and error bodies.
 */
import { randomUUID } from 'node:crypto';
import type { Logger } from '@aws-lambda-powertools/logger';
import type { HttpRequest } from '../events/types.js';
import { exchangeOf } from '../handler/http-exchange.js';
import { CORRELATION_REQUEST_HEADERS, LOG_KEYS } from './constants.js';
import type { GantryMiddleware, MiddyRequest } from './middleware-types.js';

const VALID_ID = /^[A-Za-z0-9._:@/=+-]{1,128}$/;

/**
 * The request's correlation id: the first of the `x-correlation-id` header, the `x-request-id`
 * header and the source's request id; a new UUID when there is none or it is not safe to log
 * (not a string, over 128 characters, or characters outside `[A-Za-z0-9._:@/=+-]`).
 *
 * @example
 * ```ts
 * pickCorrelationId({ headers: { 'x-request-id': 'abc-123' }, requestId: 'r1' } as HttpRequest); // 'abc-123'
 * ```
 */
export function pickCorrelationId(request: Pick<HttpRequest, 'headers' | 'requestId'>): string {
  let candidate: unknown;
  for (const name of CORRELATION_REQUEST_HEADERS) {
    candidate = request.headers[name];
    if (candidate !== undefined) break;
  }
  candidate ??= request.requestId;
  // Only a string can be one: a number, null or object from a hand-built event (or a custom
  // source) would reach headers and logs as something other than an id.
  return typeof candidate === 'string' && VALID_ID.test(candidate) ? candidate : randomUUID();
}

/** Options of {@link correlationId}. */
export interface CorrelationIdOptions {
  /** The logger whose every line carries `correlation_id` and the Lambda context. */
  logger?: Logger;
}

/**
 * Middy middleware: picks the correlation id and adds it, with the Lambda context, to every log
 * line of the request (Powertools temporary keys, cleared when the request ends).
 *
 * @example
 * ```ts
 * const handler = createHandler({ controllers, service: 'items', observability: false })
 *   .use(correlationId({ logger }));
 * ```
 */
export function correlationId(options: CorrelationIdOptions = {}): GantryMiddleware {
  const { logger } = options;
  const clear = (): void => {
    logger?.resetKeys();
  };
  return {
    before(request: MiddyRequest) {
      const exchange = exchangeOf(request);
      if (!exchange) return;
      const id = pickCorrelationId(exchange.request);
      exchange.correlationId = id;
      if (logger) {
        logger.addContext(request.context);
        logger.appendKeys({ [LOG_KEYS.correlationId]: id });
      }
    },
    after: clear,
    onError: clear,
  };
}
