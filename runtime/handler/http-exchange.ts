/**
 * The per-invocation state every middleware shares: the translated request, the route it
 * matched, timings and ids. It lives on the Middy request (as `request.event`, the raw event
 * kept as `exchange.event`), never in a module global.
 */
import type { Context } from 'aws-lambda';
import type { AnySource } from '../events/detect-source.js';
import type { HttpRequest } from '../events/types.js';
import { monotonicMs } from '../observability/clock.js';
import { UNMATCHED_ROUTE } from '../observability/constants.js';
import type { Route } from '../router/build-routes.js';
import type { Match } from '../router/route-table.js';

/**
 * One HTTP request in flight.
 *
 * @example
 * ```ts
 * const exchange = exchangeOf(request); // in a custom Middy middleware, after Gantry's
 * exchange?.route?.name; // 'GET /items/:id'
 * ```
 */
export class HttpExchange {
  /** The Lambda event as received. */
  readonly event: unknown;
  readonly context: Context;
  readonly source: AnySource;
  readonly request: HttpRequest;
  /** The matched route, if any. */
  readonly route: Route | undefined;
  readonly params: Record<string, string>;
  /** `GET /items/:id`, or `unmatched`: the name in metrics, logs and traces. */
  readonly routeName: string;
  /** `monotonicMs()` when the event arrived. */
  readonly startedAt: number;
  /** Set by the correlation-id middleware. */
  correlationId: string | undefined = undefined;
  /** Set by the cold-start middleware on the first invocation of the execution environment. */
  coldStart = false;
  #durationMs: number | undefined = undefined;

  constructor(
    startedAt: number,
    event: unknown,
    context: Context,
    source: AnySource,
    request: HttpRequest,
    match: Match<Route> | undefined,
  ) {
    this.startedAt = startedAt;
    this.event = event;
    this.context = context;
    this.source = source;
    this.request = request;
    this.route = match?.store;
    this.params = match?.params ?? {};
    this.routeName = match ? match.store.name : UNMATCHED_ROUTE;
  }

  /** Milliseconds from arrival to the first time this is read: every observer reports the same figure. */
  get durationMs(): number {
    this.#durationMs ??= monotonicMs() - this.startedAt;
    return this.#durationMs;
  }
}

/**
 * The exchange of a Middy request, once Gantry's `httpEvent` middleware has translated the event;
 * `undefined` before that or when the event was not an HTTP event.
 *
 * @example
 * ```ts
 * const audit = { after: (request) => { const ex = exchangeOf(request); if (ex) console.log(ex.routeName); } };
 * ```
 */
export function exchangeOf(request: { event: unknown }): HttpExchange | undefined {
  return request.event instanceof HttpExchange ? request.event : undefined;
}
