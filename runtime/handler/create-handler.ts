/**
 * `createHandler`: controllers in, one Lambda handler out, observable with no extra code.
 */
import { isDevMode } from '@aws-lambda-powertools/commons/utils/env';
import type { Tracer } from '@aws-lambda-powertools/tracer';
import middy, { type MiddyfiedHandler } from '@middy/core';
import type { Context } from 'aws-lambda';
import { accessLog } from '../observability/access-log.js';
import { coldStart } from '../observability/cold-start.js';
import { provideRequire } from '../observability/commonjs-require.js';
import { composeMiddlewares } from '../observability/compose-middlewares.js';
import { correlationId } from '../observability/correlation-id.js';
import { errorLog } from '../observability/error-log.js';
import { routeMetrics } from '../observability/route-metrics.js';
import { tracing } from '../observability/tracing.js';
import { type AppOptions, createApp } from './app.js';
import { dispatch } from './dispatch.js';
import { httpEvent } from './http-event.js';
import type { HttpExchange } from './http-exchange.js';
import { middyOnDemand } from './middy-on-demand.js';
import { attachRoutes } from './routes-of.js';
import { serveDirect } from './serve-direct.js';

/** Options of {@link createHandler}. */
export interface HandlerOptions extends AppOptions {
  /**
   * The observability chain (correlation ids, access log, route metrics, cold starts, tracing,
   * error log). `false` leaves translation and routing only, to compose your own chain from the
   * exported middlewares; such a handler skips Middy until you `.use()` one. Default: true.
   */
  observability?: boolean;
  /**
   * X-Ray tracing. Default: on in Lambda (`AWS_EXECUTION_ENV` set) unless
   * `POWERTOOLS_TRACE_ENABLED=false`. When off, the Tracer is never loaded.
   */
  tracing?: boolean;
  /** Your own Powertools Tracer (implies tracing). */
  tracer?: Tracer;
  /**
   * Header names never to log, beside the built-in list (`SENSITIVE_HEADERS`: authorization,
   * cookies, API keys, AWS session tokens, ALB OIDC tokens, and any name with token, secret,
   * password, session or signature in it). Case-insensitive.
   */
  redactHeaders?: readonly string[];
  /** Answer 500s with the error's message and stack. Default: `POWERTOOLS_DEV=true`. Never in production. */
  dev?: boolean;
}

/** The handler `createHandler` returns: a Middy handler, so `.use()` adds your own middlewares. */
export type GantryHandler = MiddyfiedHandler<unknown, unknown, Error, Context>;

/**
 * Builds the Lambda handler for your controllers. Call it once, at module level: the route table
 * and the Powertools utilities are built here, once per execution environment.
 *
 * @example
 * ```ts
 * import { createHandler } from 'gantry';
 * import { ItemsController } from './items-controller.js';
 *
 * export const handler = createHandler({ controllers: [ItemsController], service: 'items' });
 * ```
 */
export function createHandler(options: HandlerOptions): GantryHandler {
  const app = createApp(options);
  const dev = options.dev ?? isDevMode();
  const handler = middy((exchange: HttpExchange) => dispatch(exchange, app), {
    // No per-request timer: Lambda's own timeout ends a stuck invocation.
    timeoutEarlyInMillis: 0,
  }).use(httpEvent(app, { dev })) as unknown as GantryHandler;
  attachRoutes(handler, app.routes);
  // Nothing to chain: Middy runs once you `.use()` something.
  if (options.observability === false) {
    const direct = middyOnDemand(serveDirect(app, dev), handler);
    attachRoutes(direct, app.routes);
    return direct;
  }

  const { logger } = app;
  // Your own Powertools Metrics publishes Gantry's metrics too; by default Gantry writes them
  // itself, one EMF line per request, and flushes `req.metrics` only when a route used it.
  const { metrics } = options;
  const target = metrics ? { metrics } : { service: app.service, namespace: app.namespace };
  const tracer = loadTracer(options, app.service);
  // One middleware for the whole chain: Middy awaits each middleware of each phase.
  handler.use(
    composeMiddlewares([
      correlationId({ logger }),
      coldStart({ logger, ...target }),
      ...(tracer ? [tracing({ tracer })] : []),
      accessLog({ logger, redactHeaders: options.redactHeaders }),
      routeMetrics({ ...target, userMetrics: app.existingMetrics }),
      errorLog({ logger }),
    ]),
  );
  return handler;
}

function loadTracer(
  options: HandlerOptions,
  service: string,
): Tracer | Promise<Tracer> | undefined {
  if (options.tracer) return options.tracer;
  const enabled =
    options.tracing ??
    (process.env.AWS_EXECUTION_ENV !== undefined &&
      process.env.POWERTOOLS_TRACE_ENABLED?.toLowerCase() !== 'false');
  if (!enabled) return undefined;
  // A plain ES module bundle of the handler needs a require() for the X-Ray SDK's built-ins.
  provideRequire();
  // Started now, during init; the first request waits for it only if it is still loading.
  return import('@aws-lambda-powertools/tracer').then(
    ({ Tracer }) => new Tracer({ serviceName: service }),
  );
}
