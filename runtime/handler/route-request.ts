/**
 * The `Req` object a route method receives, built from the exchange.
 */
import type { Logger } from '@aws-lambda-powertools/logger';
import type { Metrics } from '@aws-lambda-powertools/metrics';
import type { Context } from 'aws-lambda';
import type { Query } from '../events/types.js';
import type { Req } from '../router/request.js';
import type { App } from './app.js';
import type { HttpExchange } from './http-exchange.js';

const NO_BODY = Buffer.alloc(0);

/** A {@link Req}: plain fields, so the validated parts can replace the raw ones. */
export class RouteRequest implements Req {
  readonly method: string;
  readonly path: string;
  params: Record<string, string>;
  query: Query;
  headers: Record<string, string>;
  readonly cookies: Record<string, string>;
  // biome-ignore lint/suspicious/noExplicitAny: the body is whatever the client sent, until validated.
  body: any;
  readonly rawBody: Buffer;
  readonly source: string;
  readonly event: unknown;
  readonly context: Context;
  readonly correlationId: string;
  readonly #app: App;

  constructor(exchange: HttpExchange, body: unknown, app: App) {
    const { request } = exchange;
    this.method = request.method;
    this.path = request.path;
    this.params = exchange.params;
    this.query = request.query;
    this.headers = request.headers;
    this.cookies = request.cookies;
    this.body = body;
    this.rawBody = request.body ?? NO_BODY;
    this.source = exchange.source.name;
    this.event = exchange.event;
    this.context = exchange.context;
    this.correlationId = exchange.correlationId ?? request.requestId ?? '';
    this.#app = app;
  }

  get log(): Logger {
    return this.#app.logger;
  }

  get metrics(): Metrics {
    return this.#app.metrics;
  }
}
