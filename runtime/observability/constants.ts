/**
 * The observability contract in one place: metric names and units, dimensions, log keys and
 * trace annotations. The runtime emits exactly these; infra builds its dashboard and alarms from
 * them, so the two cannot drift.
 *
 * @example
 * ```ts
 * import { METRICS, DIMENSIONS, DEFAULT_NAMESPACE } from 'gantry';
 * // CloudWatch: namespace DEFAULT_NAMESPACE, metric METRICS.latency.name, dimensions [service, route]
 * ```
 */

/** The metrics namespace used when neither `namespace` nor `POWERTOOLS_METRICS_NAMESPACE` is set. */
export const DEFAULT_NAMESPACE = 'Gantry';

/** Metric dimensions. */
export const DIMENSIONS = {
  /** The service name given to `createHandler`. */
  service: 'service',
  /** The route template with its method (`GET /items/:id`), never the raw path. */
  route: 'route',
} as const;

/** Every metric Gantry emits, with its unit and the dimensions it is published under. */
export const METRICS = {
  requests: { name: 'Requests', unit: 'Count', dimensions: [DIMENSIONS.service, DIMENSIONS.route] },
  latency: {
    name: 'Latency',
    unit: 'Milliseconds',
    dimensions: [DIMENSIONS.service, DIMENSIONS.route],
  },
  errors4xx: {
    name: 'Errors4xx',
    unit: 'Count',
    dimensions: [DIMENSIONS.service, DIMENSIONS.route],
  },
  faults5xx: {
    name: 'Faults5xx',
    unit: 'Count',
    dimensions: [DIMENSIONS.service, DIMENSIONS.route],
  },
  coldStart: { name: 'ColdStart', unit: 'Count', dimensions: [DIMENSIONS.service] },
  initDuration: { name: 'InitDuration', unit: 'Milliseconds', dimensions: [DIMENSIONS.service] },
} as const;

/** The `route` dimension (and trace name) of a request that matched no route. */
export const UNMATCHED_ROUTE = 'unmatched';

/** Keys of Gantry's structured log lines (Powertools adds its own: `level`, `service`, ...). */
export const LOG_KEYS = {
  correlationId: 'correlation_id',
  method: 'method',
  route: 'route',
  path: 'path',
  status: 'status',
  durationMs: 'duration_ms',
  coldStart: 'cold_start',
  source: 'source',
  initType: 'init_type',
  initDurationMs: 'init_duration_ms',
  error: 'error',
  eventKeys: 'event_keys',
} as const;

/** Messages of Gantry's own log lines, for Logs Insights filters. */
export const LOG_MESSAGES = {
  access: 'request completed',
  coldStart: 'cold start',
  unhandledError: 'unhandled error',
  unsupportedEvent: 'unsupported event',
} as const;

/** Request headers that are never logged. */
export const SENSITIVE_HEADERS = ['authorization', 'cookie', 'set-cookie'] as const;

/** The correlation id header, read from requests and echoed on every answer. */
export const CORRELATION_HEADER = 'x-correlation-id';

/** Request headers a correlation id is taken from, in order. */
export const CORRELATION_REQUEST_HEADERS = ['x-correlation-id', 'x-request-id'] as const;

/** X-Ray annotations on each request's subsegment. */
export const ANNOTATIONS = {
  route: 'route',
  method: 'method',
  status: 'status',
  correlationId: 'correlation_id',
  coldStart: 'cold_start',
} as const;

/**
 * Name of the X-Ray subsegment for a route.
 *
 * @example
 * ```ts
 * subsegmentName('GET /items/:id'); // '## GET /items/:id'
 * ```
 */
export function subsegmentName(route: string): string {
  return `## ${route}`;
}
