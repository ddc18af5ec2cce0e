/**
 * Per-route metrics (CloudWatch EMF), published once per invocation.
 */
import { type Metrics, MetricUnit } from '@aws-lambda-powertools/metrics';
import { exchangeOf, type HttpExchange } from '../handler/http-exchange.js';
import { DIMENSIONS, LOG_KEYS, METRICS } from './constants.js';
import { emfWriter } from './emf-writer.js';
import type { GantryMiddleware, MiddyRequest } from './middleware-types.js';
import { responseStatus } from './response-status.js';
import { roundMs } from './round-ms.js';

/** Options of {@link routeMetrics}. */
export interface RouteMetricsOptions {
  /**
   * Your Powertools Metrics: the route metrics are published through it (its namespace, default
   * dimensions and disabled state), together with the metrics you added during the request.
   */
  metrics?: Metrics;
  /** Without `metrics`: the `service` dimension. Default: `POWERTOOLS_SERVICE_NAME`. */
  service?: string;
  /** Without `metrics`: the namespace. Default: `POWERTOOLS_METRICS_NAMESPACE`, else `Gantry`. */
  namespace?: string;
  /**
   * Without `metrics`: the Powertools Metrics your routes record into (`req.metrics`), if one
   * exists yet. Whatever it holds is published after the route metrics, with the same dimensions.
   */
  userMetrics?: () => Metrics | undefined;
}

const ROUTE_METRICS = [METRICS.requests, METRICS.latency, METRICS.errors4xx, METRICS.faults5xx];

/**
 * Middy middleware: publishes `Requests`, `Latency`, `Errors4xx` and `Faults5xx` under the
 * dimensions `service` and `route` (the template, `GET /items/:id`, never the raw path) and
 * rolled up under `service` alone, with the correlation id as metadata. Without a `metrics`
 * option Gantry writes the EMF line itself (one write, no per-request Powertools bookkeeping);
 * with one, it goes through your Powertools Metrics.
 *
 * @example
 * ```ts
 * handler.use(routeMetrics({ service: 'items', namespace: 'Shop' }));
 * // or through your own Powertools Metrics:
 * handler.use(routeMetrics({ metrics }));
 * ```
 */
export function routeMetrics(options: RouteMetricsOptions = {}): GantryMiddleware {
  const { metrics } = options;
  const publish = metrics ? throughPowertools(metrics) : throughWriter(options);
  const after = (request: MiddyRequest): void => {
    const exchange = exchangeOf(request);
    if (exchange) publish(exchange, responseStatus(request));
  };
  return { after, onError: after };
}

type Publish = (exchange: HttpExchange, status: number) => void;

function throughWriter(options: RouteMetricsOptions): Publish {
  const service = options.service || process.env.POWERTOOLS_SERVICE_NAME;
  if (!service) {
    throw new TypeError(
      'routeMetrics needs a service name: routeMetrics({ service: "items" }), or POWERTOOLS_SERVICE_NAME',
    );
  }
  const write = emfWriter({ service, namespace: options.namespace }).group(
    ROUTE_METRICS,
    METRICS.requests.dimensionSets,
  );
  const { userMetrics } = options;
  return (exchange, status) => {
    const keys: Record<string, string> = { [DIMENSIONS.route]: exchange.routeName };
    if (exchange.correlationId) keys[LOG_KEYS.correlationId] = exchange.correlationId;
    write([1, roundMs(exchange.durationMs), is4xx(status), is5xx(status)], keys);
    const added = userMetrics?.();
    if (added?.hasStoredMetrics()) flush(added, exchange);
  };
}

function throughPowertools(metrics: Metrics): Publish {
  return (exchange, status) => {
    metrics.addMetric(METRICS.requests.name, MetricUnit.Count, 1);
    metrics.addMetric(METRICS.latency.name, MetricUnit.Milliseconds, roundMs(exchange.durationMs));
    metrics.addMetric(METRICS.errors4xx.name, MetricUnit.Count, is4xx(status));
    metrics.addMetric(METRICS.faults5xx.name, MetricUnit.Count, is5xx(status));
    flush(metrics, exchange);
  };
}

/** Publishes what `metrics` holds under the route's dimension sets, with the correlation id. */
function flush(metrics: Metrics, exchange: HttpExchange): void {
  metrics.addDimension(DIMENSIONS.route, exchange.routeName);
  // A second dimension set of the defaults alone: the same figures rolled up per service.
  metrics.addDimensions({});
  if (exchange.correlationId) metrics.addMetadata(LOG_KEYS.correlationId, exchange.correlationId);
  metrics.publishStoredMetrics();
}

function is4xx(status: number): number {
  return status >= 400 && status < 500 ? 1 : 0;
}

function is5xx(status: number): number {
  return status >= 500 ? 1 : 0;
}
