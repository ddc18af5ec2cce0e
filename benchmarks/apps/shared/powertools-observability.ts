/**
 * Powertools observability written by hand, as a Powertools user would, to match per request what
 * Gantry emits: Powertools' own Middy middlewares (tracer, logger context, metrics flush with the
 * cold start metric), a correlation id on the logger, one access log line and the four route
 * metrics. Shared by the Powertools variants; each builds its own instances at module load.
 */
import { Logger } from '@aws-lambda-powertools/logger';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import { Metrics, MetricUnit } from '@aws-lambda-powertools/metrics';
import { logMetrics } from '@aws-lambda-powertools/metrics/middleware';
import { Tracer } from '@aws-lambda-powertools/tracer';
import { captureLambdaHandler } from '@aws-lambda-powertools/tracer/middleware';
import middy from '@middy/core';
import type { Context } from 'aws-lambda';

/** The three Powertools utilities of one function. */
export interface Powertools {
  logger: Logger;
  metrics: Metrics;
  tracer: Tracer;
}

/** What the access line and the route metrics are made of. */
export interface RequestRecord {
  method: string;
  /** The route template with its method: `GET /items/:id`. */
  route: string;
  path: string;
  status: number;
  durationMs: number;
}

/**
 * The utilities for a service, configured as Gantry configures its own: metrics namespace from
 * `POWERTOOLS_METRICS_NAMESPACE`, else `Gantry`; tracing decided by the Tracer from the
 * environment (on in Lambda unless `POWERTOOLS_TRACE_ENABLED=false`).
 */
export function createPowertools(service: string): Powertools {
  return {
    logger: new Logger({ serviceName: service }),
    metrics: new Metrics({
      serviceName: service,
      namespace: process.env.POWERTOOLS_METRICS_NAMESPACE || 'Gantry',
    }),
    tracer: new Tracer({ serviceName: service }),
  };
}

/** Wraps a handler in Middy with the three Powertools middlewares. */
export function withPowertools<TEvent, TResult>(
  handler: (event: TEvent, context: Context) => Promise<TResult>,
  { logger, metrics, tracer }: Powertools,
) {
  return middy(handler)
    .use(captureLambdaHandler(tracer))
    .use(injectLambdaContext(logger, { resetKeys: true }))
    .use(logMetrics(metrics, { captureColdStartMetric: true }));
}

/**
 * Puts the request's correlation id on every log line of the request: the `x-correlation-id`
 * header, else the source's request id, else the Lambda request id.
 */
export function appendCorrelationId(
  { logger }: Powertools,
  header: string | null | undefined,
  requestId: string | undefined,
  context: Context,
): void {
  logger.appendKeys({ correlation_id: header || requestId || context.awsRequestId });
}

/** Writes the access line and adds the four route metrics (flushed by `logMetrics`). */
export function recordRequest({ logger, metrics }: Powertools, record: RequestRecord): void {
  const { method, route, path, status } = record;
  const durationMs = Math.round(record.durationMs * 100) / 100;
  logger.info('request completed', { method, route, path, status, duration_ms: durationMs });
  metrics.addDimension('route', route);
  metrics.addMetric('Requests', MetricUnit.Count, 1);
  metrics.addMetric('Latency', MetricUnit.Milliseconds, durationMs);
  metrics.addMetric('Errors4xx', MetricUnit.Count, status >= 400 && status < 500 ? 1 : 0);
  metrics.addMetric('Faults5xx', MetricUnit.Count, status >= 500 ? 1 : 0);
}
