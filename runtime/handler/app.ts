/**
 * Everything built once per execution environment: the route table, the event sources, the
 * translation options and the Powertools utilities.
 */
import { Logger } from '@aws-lambda-powertools/logger';
import { Metrics } from '@aws-lambda-powertools/metrics';
import { type AnySource, builtInSources } from '../events/detect-source.js';
import { type RequestLimits, resolveLimits } from '../events/limits.js';
import { normaliseBasePath } from '../events/path.js';
import type { TranslateOptions } from '../events/types.js';
import { metricsNamespace } from '../observability/emf-writer.js';
import { buildRoutes, type ControllerInput, type Route } from '../router/build-routes.js';
import type { RouteTable } from '../router/route-table.js';

/** Options of {@link createApp}, shared with `createHandler`. */
export interface AppOptions {
  /** Controller classes (constructed with no arguments) or instances. */
  controllers: readonly ControllerInput[];
  /**
   * Service name: the `service` of every log line, metric and trace. Default:
   * `POWERTOOLS_SERVICE_NAME` (which infra sets on the function).
   */
  service?: string;
  /** Metrics namespace. Default: `POWERTOOLS_METRICS_NAMESPACE`, else `Gantry`. */
  namespace?: string;
  /** Your own Powertools Logger (default: one for `service`). */
  logger?: Logger;
  /** Your own Powertools Metrics (default: one for `service` and `namespace`). */
  metrics?: Metrics;
  /** Event sources of your own, tried before the built-in ones. */
  sources?: readonly AnySource[];
  /** Custom-domain base path(s) to strip from request paths (`/v1`). */
  basePath?: string | readonly string[];
  /** Strip a named HTTP API stage (`/Prod/...`) from request paths. Default: true. */
  stripStage?: boolean;
  /** Largest request body accepted, in bytes; larger is a 413. Default: 1 MiB (`limits.body`). */
  bodyLimit?: number;
  /**
   * Request size limits, each answered in the source's own format before routing: body (413),
   * path + query length (414, default 16 KiB), header count (431, default 200) and total
   * header size (431, default 64 KiB). See `DEFAULT_LIMITS`.
   */
  limits?: Partial<RequestLimits>;
}

/** The per-environment state of one Gantry handler. */
export interface App {
  readonly service: string;
  readonly table: RouteTable<Route>;
  readonly routes: readonly Route[];
  readonly sources: readonly AnySource[];
  readonly translate: TranslateOptions;
  readonly bodyLimit: number;
  readonly logger: Logger;
  /** The metrics namespace: the option, else `POWERTOOLS_METRICS_NAMESPACE`, else `Gantry`. */
  readonly namespace: string;
  /** The Powertools Metrics routes record into (`req.metrics`); created on first use. */
  readonly metrics: Metrics;
  /** That Metrics if it exists yet (given, or created by a route), without creating it. */
  existingMetrics(): Metrics | undefined;
}

/**
 * Builds the per-environment state: call once, at init, never per request.
 *
 * @example
 * ```ts
 * const app = createApp({ controllers: [ItemsController], service: 'items' });
 * app.routes.map((route) => route.name); // ['GET /items', 'GET /items/:id', ...]
 * ```
 */
export function createApp(options: AppOptions): App {
  const service = serviceName(options.service);
  if (!Array.isArray(options.controllers))
    throw new TypeError(
      'createHandler needs a list of controllers: createHandler({ controllers: [ItemsController], service: "items" })',
    );
  const { table, routes } = buildRoutes(options.controllers);
  const basePaths =
    typeof options.basePath === 'string' ? [options.basePath] : (options.basePath ?? []);
  let logger = options.logger;
  let metrics = options.metrics;
  const namespace = metricsNamespace(options.namespace);
  const limits = resolveLimits({
    ...options.limits,
    body: options.limits?.body ?? options.bodyLimit,
  });
  return {
    service,
    table,
    routes,
    sources: [...(options.sources ?? []), ...builtInSources],
    translate: {
      basePaths: basePaths.map(normaliseBasePath).filter((base) => base !== ''),
      stripStage: options.stripStage ?? true,
      limits,
    },
    bodyLimit: limits.body,
    // Created on first use: a handler without observability may never need them.
    get logger() {
      logger ??= new Logger({ serviceName: service });
      return logger;
    },
    namespace,
    get metrics() {
      metrics ??= new Metrics({ serviceName: service, namespace });
      return metrics;
    },
    existingMetrics: () => metrics,
  };
}

/**
 * The service name: the one given, else `POWERTOOLS_SERVICE_NAME`. When both are set and differ,
 * says so once: the dashboard and alarms infra builds for the environment's name would watch a
 * service that never reports.
 */
function serviceName(given: string | undefined): string {
  const fromEnvironment = process.env.POWERTOOLS_SERVICE_NAME || undefined;
  const service = given || fromEnvironment;
  if (!service) {
    throw new TypeError(
      'createHandler needs a service name: createHandler({ controllers, service: "items" }), or POWERTOOLS_SERVICE_NAME',
    );
  }
  if (given && fromEnvironment && given !== fromEnvironment) {
    console.warn(
      `gantry: createHandler({ service: '${given}' }) differs from POWERTOOLS_SERVICE_NAME '${fromEnvironment}': logs, metrics and traces report '${given}', so dashboards and alarms for '${fromEnvironment}' stay empty`,
    );
  }
  return service;
}
