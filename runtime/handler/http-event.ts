/**
 * The core middleware: translates the event into an exchange and routes it (before), and writes
 * the answer in the source's format (after), turning errors into safe answers (onError).
 */
import { isDevMode } from '@aws-lambda-powertools/commons/utils/env';
import type { Context } from 'aws-lambda';
import { detectSource } from '../events/detect-source.js';
import type { HttpResponse } from '../events/types.js';
import { monotonicMs } from '../observability/clock.js';
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
      request.event = openExchange(app, request.event, request.context);
    },
    after(request: MiddyRequest) {
      const exchange = exchangeOf(request) as HttpExchange;
      request.response = answer(exchange, request.response as HttpResponse, dev);
    },
    onError(request: MiddyRequest) {
      const exchange = exchangeOf(request);
      // Not an HTTP event: there is no format to answer in, so the error goes to Lambda.
      if (!exchange) return;
      const response = request.response as HttpResponse | undefined;
      request.response =
        response === undefined
          ? answerError(exchange, request.error, dev, isErrorLogged(request))
          : writeResult(exchange, response);
    },
  };
}

/**
 * Translates an event and routes it: the exchange the rest of the request works on. Throws
 * `UnsupportedEventError` for an event that is not HTTP.
 *
 * @example
 * ```ts
 * const exchange = openExchange(app, event, context);
 * exchange.routeName; // 'GET /items/:id'
 * ```
 */
export function openExchange(app: App, event: unknown, context: Context): HttpExchange {
  const startedAt = monotonicMs();
  const source = detectSource(event, app.sources);
  const http = source.toRequest(event, app.translate);
  const match =
    http.problem === undefined ? app.table.find(http.method, http.routingPath) : undefined;
  return new HttpExchange(startedAt, event, context, source, http, match);
}

/**
 * Writes a response in the exchange's format; if that fails, the safe 500 instead.
 *
 * @example
 * ```ts
 * return answer(exchange, await dispatch(exchange, app), false);
 * ```
 */
export function answer(exchange: HttpExchange, response: HttpResponse, dev: boolean): unknown {
  try {
    return writeResult(exchange, response);
  } catch (error) {
    // The observers have recorded this request already: answering here, rather than
    // throwing into Middy's onError chain, keeps them from recording it twice.
    lastResortLog(exchange, error);
    return writeResult(exchange, errorResponse(error, exchange.correlationId, dev));
  }
}

/**
 * Answers an error in the exchange's format: an `HttpError` as itself, anything else as the
 * safe 500 (logged here unless an error log already has).
 *
 * @example
 * ```ts
 * return answerError(exchange, error, false, false);
 * ```
 */
export function answerError(
  exchange: HttpExchange,
  error: unknown,
  dev: boolean,
  logged: boolean,
): unknown {
  const response = errorResponse(error, exchange.correlationId, dev);
  if (response.status >= 500 && !logged) lastResortLog(exchange, error);
  return writeResult(exchange, response);
}

/** A chain without `errorLog` still never fails silently. */
function lastResortLog(exchange: HttpExchange, error: unknown): void {
  console.error(
    `gantry: ${exchange.routeName} failed (correlation id ${exchange.correlationId ?? 'none'}):`,
    error,
  );
}
