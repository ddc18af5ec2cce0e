/**
 * The core middleware: translates the event into an exchange and routes it (before), and writes
 * the answer in the source's format (after), turning errors into safe answers (onError).
 */
import { isDevMode } from '@aws-lambda-powertools/commons/utils/env';
import { detectSource } from '../events/detect-source.js';
import type { HttpResponse } from '../events/types.js';
import { isErrorLogged } from '../observability/error-logged.js';
import type { GantryMiddleware, MiddyRequest } from '../observability/middleware-types.js';
import type { App } from './app.js';
import { errorResponse } from './error-response.js';
import { exchangeOf, HttpExchange } from './http-exchange.js';
import { writeResult } from './write-result.js';

/**
 * Middy middleware that makes a handler speak HTTP on every event source. It must come first:
 * after its `before`, `request.event` is the {@link HttpExchange} (the raw event is
 * `exchange.event`). Errors become answers: an `HttpError` its own, anything else the safe 500.
 *
 * @example
 * ```ts
 * const app = createApp({ controllers: [ItemsController], service: 'items' });
 * export const handler = middy((exchange) => dispatch(exchange, app)).use(httpEvent(app));
 * ```
 */
export function httpEvent(app: App, options: { dev?: boolean } = {}): GantryMiddleware {
  const dev = options.dev ?? isDevMode();
  return {
    before(request: MiddyRequest) {
      const startedAt = performance.now();
      const event: unknown = request.event;
      const source = detectSource(event, app.sources);
      const http = source.toRequest(event, app.translate);
      const match =
        http.problem === undefined ? app.table.find(http.method, http.routingPath) : undefined;
      request.event = new HttpExchange(startedAt, event, request.context, source, http, match);
    },
    after(request: MiddyRequest) {
      const exchange = exchangeOf(request) as HttpExchange;
      try {
        request.response = writeResult(exchange, request.response as HttpResponse);
      } catch (error) {
        // The observers have recorded this request already: answering here, rather than
        // throwing into Middy's onError chain, keeps them from recording it twice.
        lastResortLog(exchange, error);
        request.response = writeResult(exchange, errorResponse(error, exchange.correlationId, dev));
      }
    },
    onError(request: MiddyRequest) {
      const exchange = exchangeOf(request);
      // Not an HTTP event: there is no format to answer in, so the error goes to Lambda.
      if (!exchange) return;
      let response = request.response as HttpResponse | undefined;
      if (response === undefined) {
        const { error } = request;
        response = errorResponse(error, exchange.correlationId, dev);
        if (response.status >= 500 && !isErrorLogged(request)) lastResortLog(exchange, error);
      }
      request.response = writeResult(exchange, response);
    },
  };
}

/** A chain without `errorLog` still never fails silently. */
function lastResortLog(exchange: HttpExchange, error: unknown): void {
  console.error(
    `gantry: ${exchange.routeName} failed (correlation id ${exchange.correlationId ?? 'none'}):`,
    error,
  );
}
