/**
 * Logs what went wrong on the server, once, at ERROR: unhandled errors with their stack and the
 * correlation id, and events that were not HTTP events.
 */
import type { Logger } from '@aws-lambda-powertools/logger';
import { UnsupportedEventError } from '../events/unsupported-event-error.js';
import { exchangeOf } from '../handler/http-exchange.js';
import { isHttpError } from '../router/http-error.js';
import { LOG_KEYS, LOG_MESSAGES } from './constants.js';
import { markErrorLogged } from './error-logged.js';
import type { GantryMiddleware, MiddyRequest } from './middleware-types.js';

/**
 * Middy middleware: logs each server-side failure once at ERROR (with the stack, the route and,
 * through the logger's keys, the correlation id). Client errors (`HttpError` 4xx) are not logged
 * here: the access log has them.
 *
 * @example
 * ```ts
 * handler.use(errorLog({ logger }));
 * // {"level":"ERROR","message":"unhandled error","route":"GET /items/:id","error":{"name":"Error","stack":"..."},...}
 * ```
 */
export function errorLog(options: { logger: Logger }): GantryMiddleware {
  const { logger } = options;
  return {
    onError(request: MiddyRequest) {
      const { error } = request;
      const exchange = exchangeOf(request);
      if (!exchange) {
        // The correlation-id middleware never saw this event: without this, the line would
        // carry the Lambda context (request id) of the previous invocation.
        logger.addContext(request.context);
        if (error instanceof UnsupportedEventError) {
          logger.error(LOG_MESSAGES.unsupportedEvent, {
            [LOG_KEYS.eventKeys]: error.keys,
            [LOG_KEYS.error]: error,
          });
        } else {
          logger.error(LOG_MESSAGES.unhandledError, { [LOG_KEYS.error]: asError(error) });
        }
        return;
      }
      if (request.response !== undefined || (isHttpError(error) && error.status < 500)) return;
      logger.error(LOG_MESSAGES.unhandledError, {
        [LOG_KEYS.route]: exchange.routeName,
        [LOG_KEYS.method]: exchange.request.method,
        [LOG_KEYS.error]: asError(error),
      });
      markErrorLogged(request);
    },
  };
}

function asError(thrown: unknown): Error {
  return thrown instanceof Error ? thrown : new Error(`Non-error thrown: ${String(thrown)}`);
}
