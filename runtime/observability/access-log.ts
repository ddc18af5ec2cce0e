/**
 * The access log: one structured line per request.
 */
import type { Logger } from '@aws-lambda-powertools/logger';
import { exchangeOf } from '../handler/http-exchange.js';
import { LOG_KEYS, LOG_MESSAGES } from './constants.js';
import type { GantryMiddleware, MiddyRequest } from './middleware-types.js';
import { headerRedactor } from './redact-headers.js';
import { responseStatus } from './response-status.js';
import { roundMs } from './round-ms.js';

/** Powertools' numeric threshold of the DEBUG level. */
const DEBUG = 8;

/** Options of {@link accessLog}. */
export interface AccessLogOptions {
  logger: Logger;
  /** Header names never to log, beside the built-in list (case-insensitive). */
  redactHeaders?: readonly string[];
}

/**
 * Middy middleware: logs one line per request with its method, route template, path, status,
 * duration, cold start and source (and, at DEBUG level, its headers with secrets redacted: see
 * `SENSITIVE_HEADERS`, plus the names in `redactHeaders`).
 *
 * @example
 * ```ts
 * handler.use(accessLog({ logger }));
 * // {"level":"INFO","message":"request completed","method":"GET","route":"GET /items/:id","status":200,"duration_ms":0.41,...}
 * ```
 */
export function accessLog(options: AccessLogOptions): GantryMiddleware {
  const { logger } = options;
  const redact = headerRedactor(options.redactHeaders);
  const log = (request: MiddyRequest): void => {
    const exchange = exchangeOf(request);
    if (!exchange) return;
    const http = exchange.request;
    const line: Record<string, unknown> = {
      [LOG_KEYS.method]: http.method,
      [LOG_KEYS.route]: exchange.routeName,
      [LOG_KEYS.path]: http.path,
      [LOG_KEYS.status]: responseStatus(request),
      [LOG_KEYS.durationMs]: roundMs(exchange.durationMs),
      [LOG_KEYS.coldStart]: exchange.coldStart,
      [LOG_KEYS.source]: exchange.source.name,
    };
    if (logger.level <= DEBUG) line.headers = redact(http.headers);
    logger.info(LOG_MESSAGES.access, line);
  };
  return { after: log, onError: log };
}
