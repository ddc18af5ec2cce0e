/**
 * Cold starts: the first invocation of an execution environment, whatever its init type
 * (`on-demand`, `provisioned-concurrency`, `snap-start`, `lambda-managed-instances`).
 */
import type { Logger } from '@aws-lambda-powertools/logger';
import { type Metrics, MetricUnit } from '@aws-lambda-powertools/metrics';
import { exchangeOf } from '../handler/http-exchange.js';
import { sinceProcessStartMs } from './clock.js';
import { LOG_KEYS, LOG_MESSAGES, METRICS } from './constants.js';
import { type EmfWrite, emfWriter } from './emf-writer.js';
import type { GantryMiddleware, MiddyRequest } from './middleware-types.js';
import { roundMs } from './round-ms.js';

/** Options of {@link coldStart}. */
export interface ColdStartOptions {
  logger?: Logger;
  /** Publish `ColdStart` and `InitDuration` through this Powertools Metrics. */
  metrics?: Metrics;
  /**
   * Without `metrics`: publish them as Gantry's own EMF line for this service (the `service`
   * dimension), in `namespace`. Neither given: no metrics, the log line only.
   */
  service?: string;
  /** With `service`: the namespace. Default: `POWERTOOLS_METRICS_NAMESPACE`, else `Gantry`. */
  namespace?: string;
  /**
   * Milliseconds from process start until the handler was ready: the init duration reported.
   * Default: the moment this middleware is created (during init, by `createHandler`).
   */
  initDurationMs?: number;
}

/**
 * Middy middleware: on the first invocation of the execution environment, marks the request as
 * a cold start (`cold_start: true` on its log lines, the access log and the trace), logs one
 * `cold start` line and publishes the `ColdStart` and `InitDuration` metrics with the init type.
 *
 * @example
 * ```ts
 * handler.use(coldStart({ logger, service: 'items' })); // or { logger, metrics } for your Powertools Metrics
 * // {"level":"INFO","message":"cold start","init_type":"on-demand","init_duration_ms":182.4,...}
 * ```
 */
export function coldStart(options: ColdStartOptions = {}): GantryMiddleware {
  const { logger, metrics } = options;
  const write = options.service && !metrics ? coldStartWriter(options.service, options) : undefined;
  const initDurationMs = roundMs(options.initDurationMs ?? sinceProcessStartMs());
  let pending = true;
  const forget = (request: MiddyRequest): void => {
    if (exchangeOf(request)?.coldStart) logger?.removeKeys([LOG_KEYS.coldStart]);
  };
  return {
    before(request: MiddyRequest) {
      const exchange = exchangeOf(request);
      if (!pending || !exchange) return;
      pending = false;
      exchange.coldStart = true;
      // Powertools reports cold_start only for `on-demand` init; Gantry's covers every init type.
      logger?.appendKeys({ [LOG_KEYS.coldStart]: true });
      const initType = process.env.AWS_LAMBDA_INITIALIZATION_TYPE || 'on-demand';
      logger?.info(LOG_MESSAGES.coldStart, {
        [LOG_KEYS.initType]: initType,
        [LOG_KEYS.initDurationMs]: initDurationMs,
      });
      if (metrics) {
        metrics.addMetric(METRICS.coldStart.name, MetricUnit.Count, 1);
        metrics.addMetric(METRICS.initDuration.name, MetricUnit.Milliseconds, initDurationMs);
        metrics.addMetadata(LOG_KEYS.initType, initType);
        if (exchange.correlationId)
          metrics.addMetadata(LOG_KEYS.correlationId, exchange.correlationId);
        metrics.publishStoredMetrics();
      }
      if (write) {
        const keys: Record<string, string> = { [LOG_KEYS.initType]: initType };
        if (exchange.correlationId) keys[LOG_KEYS.correlationId] = exchange.correlationId;
        write([1, initDurationMs], keys);
      }
    },
    after: forget,
    onError: forget,
  };
}

function coldStartWriter(service: string, options: ColdStartOptions): EmfWrite {
  return emfWriter({ service, namespace: options.namespace }).group(
    [METRICS.coldStart, METRICS.initDuration],
    METRICS.coldStart.dimensionSets,
  );
}
