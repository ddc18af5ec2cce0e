/**
 * Per-route metrics (CloudWatch EMF through Powertools Metrics), flushed once per invocation.
 */
import { type Metrics, MetricUnit } from '@aws-lambda-powertools/metrics';
import { exchangeOf } from '../handler/http-exchange.js';
import { DIMENSIONS, LOG_KEYS, METRICS } from './constants.js';
import type { GantryMiddleware, MiddyRequest } from './middleware-types.js';
import { responseStatus } from './response-status.js';
import { roundMs } from './round-ms.js';

/**
 * Middy middleware: publishes `Requests`, `Latency`, `Errors4xx` and `Faults5xx` under the
 * dimensions `service` and `route` (the template, `GET /items/:id`, never the raw path) and
 * rolled up under `service` alone, with
 * the correlation id as metadata, and any metrics the route added through `req.metrics`.
 *
 * @example
 * ```ts
 * handler.use(routeMetrics({ metrics }));
 * ```
 */
export function routeMetrics(options: { metrics: Metrics }): GantryMiddleware {
  const { metrics } = options;
  const publish = (request: MiddyRequest): void => {
    const exchange = exchangeOf(request);
    if (!exchange) return;
    const status = responseStatus(request);
    metrics.addDimension(DIMENSIONS.route, exchange.routeName);
    // A second dimension set of the defaults alone: the same figures rolled up per service.
    metrics.addDimensions({});
    metrics.addMetric(METRICS.requests.name, MetricUnit.Count, 1);
    metrics.addMetric(METRICS.latency.name, MetricUnit.Milliseconds, roundMs(exchange.durationMs));
    metrics.addMetric(
      METRICS.errors4xx.name,
      MetricUnit.Count,
      status >= 400 && status < 500 ? 1 : 0,
    );
    metrics.addMetric(METRICS.faults5xx.name, MetricUnit.Count, status >= 500 ? 1 : 0);
    if (exchange.correlationId) metrics.addMetadata(LOG_KEYS.correlationId, exchange.correlationId);
    metrics.publishStoredMetrics();
  };
  return { after: publish, onError: publish };
}
