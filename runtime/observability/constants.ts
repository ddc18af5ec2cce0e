/**
 * The observability contract in one place: metric names and units, dimensions, log keys and
 * trace annotations. The runtime emits exactly these; infra builds its dashboard and alarms from
 * them, so the two cannot drift.
 *
 * @example
 * ```ts
 * import { METRICS, DIMENSIONS, DEFAULT_NAMESPACE } from 'gantry';
 * // CloudWatch: namespace DEFAULT_NAMESPACE, metric METRICS.latency.name, dimensions [service, route] or [service]
 * ```
 */

/**
 * The metrics namespace used when neither `namespace` nor `POWERTOOLS_METRICS_NAMESPACE` is set.
 *
 * @example
 * ```ts
 * new cloudwatch.Metric({ namespace: DEFAULT_NAMESPACE, metricName: METRICS.requests.name });
 * ```
 */
export const DEFAULT_NAMESPACE = 'Gantry';

/**
 * Metric dimensions.
 *
 * @example
 * ```ts
 * const dimensions = { [DIMENSIONS.service]: 'items', [DIMENSIONS.route]: 'GET /items/:id' };
 * ```
 */
export const DIMENSIONS = {
  /** The service name given to `createHandler`. */
  service: 'service',
  /** The route template with its method (`GET /items/:id`), never the raw path. */
  route: 'route',
} as const;

const BY_ROUTE = [[DIMENSIONS.service, DIMENSIONS.route], [DIMENSIONS.service]] as const;
const BY_SERVICE = [[DIMENSIONS.service]] as const;

/**
 * Every metric Gantry emits, with its unit and the dimension sets it is published under. The
 * route metrics go out per route and rolled up per service (alarms watch the service).
 *
 * @example
 * ```ts
 * for (const metric of Object.values(METRICS)) console.log(metric.name, metric.unit, metric.dimensionSets);
 * // Requests Count [['service', 'route'], ['service']] ... ColdStart Count [['service']] ...
 * ```
 */
export const METRICS = {
  requests: { name: 'Requests', unit: 'Count', dimensionSets: BY_ROUTE },
  latency: { name: 'Latency', unit: 'Milliseconds', dimensionSets: BY_ROUTE },
  errors4xx: { name: 'Errors4xx', unit: 'Count', dimensionSets: BY_ROUTE },
  faults5xx: { name: 'Faults5xx', unit: 'Count', dimensionSets: BY_ROUTE },
  coldStart: { name: 'ColdStart', unit: 'Count', dimensionSets: BY_SERVICE },
  initDuration: { name: 'InitDuration', unit: 'Milliseconds', dimensionSets: BY_SERVICE },
} as const;

/**
 * The `route` dimension (and trace name) of a request that matched no route.
 *
 * @example
 * ```ts
 * const notFound = { [DIMENSIONS.service]: 'items', [DIMENSIONS.route]: UNMATCHED_ROUTE };
 * ```
 */
export const UNMATCHED_ROUTE = 'unmatched';

/**
 * Keys of Gantry's structured log lines (Powertools adds its own: `level`, `service`, ...).
 *
 * @example
 * ```ts
 * const query = `fields ${LOG_KEYS.route}, ${LOG_KEYS.durationMs} | filter ${LOG_KEYS.status} >= 500`;
 * ```
 */
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

/**
 * Messages of Gantry's own log lines, for Logs Insights filters.
 *
 * @example
 * ```ts
 * const query = `filter message = '${LOG_MESSAGES.access}' | stats avg(duration_ms) by route`;
 * ```
 */
export const LOG_MESSAGES = {
  access: 'request completed',
  coldStart: 'cold start',
  unhandledError: 'unhandled error',
  unsupportedEvent: 'unsupported event',
} as const;

/**
 * Request headers that are never logged, at any level: credentials, session tokens and the
 * identity headers an ALB adds after OIDC authentication. Names are lower case and compared
 * case-insensitively; {@link SENSITIVE_HEADER_PATTERN} covers the rest of the family, and
 * `createHandler({ redactHeaders })` adds your own.
 *
 * @example
 * ```ts
 * SENSITIVE_HEADERS.includes('x-api-key'); // true
 * ```
 */
export const SENSITIVE_HEADERS = [
  'authorization',
  'proxy-authorization',
  'cookie',
  'set-cookie',
  'x-api-key',
  'x-amz-security-token',
  'x-amzn-oidc-accesstoken',
  'x-amzn-oidc-data',
  'x-amzn-oidc-identity',
  'x-amz-cf-signature',
  'x-auth-token',
  'x-access-token',
  'x-csrf-token',
  'x-xsrf-token',
] as const;

/**
 * Header names that are redacted whatever their exact spelling: every `x-amzn-oidc-*` header,
 * and any name that says it carries a token, secret, password, key, signature, session or
 * credential (`x-github-token`, `x-client-secret`, `x-session-id`, `x-goog-api-key`).
 *
 * @example
 * ```ts
 * SENSITIVE_HEADER_PATTERN.test('x-refresh-token'); // true
 * SENSITIVE_HEADER_PATTERN.test('user-agent'); // false
 * ```
 */
export const SENSITIVE_HEADER_PATTERN =
  /^x-amzn-oidc-|auth|token|secret|passw(?:or)?d|api-?key|signature|session|credential|csrf|xsrf/i;

/**
 * The correlation id header, read from requests and echoed on every answer.
 *
 * @example
 * ```ts
 * const id = response.headers.get(CORRELATION_HEADER); // quote it when reporting a problem
 * ```
 */
export const CORRELATION_HEADER = 'x-correlation-id';

/**
 * Request headers a correlation id is taken from, in order.
 *
 * @example
 * ```ts
 * await fetch(url, { headers: { [CORRELATION_REQUEST_HEADERS[0]]: 'order-1234' } });
 * ```
 */
export const CORRELATION_REQUEST_HEADERS = ['x-correlation-id', 'x-request-id'] as const;

/**
 * X-Ray annotations on each request's subsegment.
 *
 * @example
 * ```ts
 * const filter = `annotation.${ANNOTATIONS.route} = "GET /items/:id" AND annotation.${ANNOTATIONS.status} >= 500`;
 * ```
 */
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
