/**
 * The `Req` object a route method receives, built from the exchange.
 */
import type { Logger } from '@aws-lambda-powertools/logger';
import type { Metrics } from '@aws-lambda-powertools/metrics';
import type { Context } from 'aws-lambda';
import type { Query } from '../events/types.js';
import { parseBody } from '../router/body-parser.js';
import type { Req } from '../router/request.js';
import type { App } from './app.js';
import type { HttpExchange } from './http-exchange.js';

const NO_BODY = Buffer.alloc(0);

/** Marks a body not parsed yet (`undefined` is a parsed empty body). */
const UNREAD: unique symbol = Symbol('unread');

/** A {@link Req}: plain fields, so the validated parts can replace the raw ones. */
export class RouteRequest implements Req {
  readonly method: string;
  readonly path: string;
  params: Record<string, string>;
  query: Query;
  headers: Record<string, string>;
  readonly cookies: Record<string, string>;
  readonly rawBody: Buffer;
  readonly source: string;
  readonly event: unknown;
  readonly context: Context;
  readonly correlationId: string;
  readonly #app: App;
  readonly #exchange: HttpExchange;
  #body: unknown = UNREAD;

  constructor(exchange: HttpExchange, app: App) {
    const { request } = exchange;
    this.method = request.method;
    this.path = request.path;
    this.params = exchange.params;
    this.query = request.query;
    this.headers = request.headers;
    this.cookies = request.cookies;
    this.#exchange = exchange;
    this.rawBody = request.body ?? NO_BODY;
    this.source = exchange.source.name;
    this.event = exchange.event;
    this.context = exchange.context;
    this.correlationId = exchange.correlationId ?? request.requestId ?? '';
    this.#app = app;
  }

  /**
   * The parsed body, read on first use: a route that never reads it never pays for parsing it,
   * nor fails on a body it does not care about. Malformed JSON is a 400 thrown from here.
   */
  // biome-ignore lint/suspicious/noExplicitAny: the body is whatever the client sent, until validated.
  get body(): any {
    if (this.#body === UNREAD) {
      const { request, route } = this.#exchange;
      const expectJson = route?.options.body !== undefined;
      this.#body = parseBody(request.body, request.headers['content-type'], expectJson);
    }
    return this.#body;
  }

  /** Validation replaces the body with its schema's output. */
  set body(value: unknown) {
    this.#body = value;
  }

  get log(): Logger {
    return this.#app.logger;
  }

  get metrics(): Metrics {
    return this.#app.metrics;
  }
}
