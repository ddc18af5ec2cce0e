/**
 * The shapes every event source translates to and from. The core only ever sees these plain
 * objects: it never branches on the source.
 */
import type { RequestLimits } from './limits.js';

/** The built-in event sources, as reported in `Req.source`, logs and traces. */
export type SourceName = 'apigw-v1' | 'apigw-v2' | 'alb' | 'function-url' | 'vpc-lattice';

/** A query string parsed into keys; a repeated key keeps every value, in order. */
export type Query = Record<string, string | string[]>;

/**
 * An HTTP request as translated from a Lambda event: plain data, built once per invocation.
 */
export interface HttpRequest {
  /** Upper-case method. */
  method: string;
  /** Decoded path with stage and base path stripped. */
  path: string;
  /**
   * The same path in its percent-encoded form, the one the router matches on, so that a decoded
   * `%`, `?` or `#` is never decoded or split a second time.
   */
  routingPath: string;
  query: Query;
  /** Lower-case names; repeated values joined with `, ` (`cookie` with `; `). */
  headers: Record<string, string>;
  cookies: Record<string, string>;
  /** The body bytes exactly as sent (base64 bodies decoded straight to bytes). */
  body: Buffer | undefined;
  /** The id the source gave this request, if it gives one. */
  requestId: string | undefined;
  /**
   * Set when the event is a request the client got wrong, answered before routing: a string is
   * a 400 with that message; a {@link RequestProblem} gives its own 4xx status.
   */
  problem?: string | RequestProblem;
}

/** A request refused before routing: a field of the wrong type (400), or over a limit (413, 414, 431). */
export interface RequestProblem {
  status: 400 | 413 | 414 | 431;
  /** What the client sees: names the field or the limit, never a value. */
  message: string;
}

/**
 * An HTTP response before it is written in a source's own format.
 */
export interface HttpResponse {
  status: number;
  /** Lower-case names, string values; `set-cookie` never appears here. */
  headers: Record<string, string>;
  /** Full `Set-Cookie` values, one per cookie, never joined. */
  cookies: string[];
  body: string | Buffer | undefined;
}

/** Options that change how paths are read, shared by every source. */
export interface TranslateOptions {
  /** Custom-domain base paths to strip from the front of the path (`/v1`, `/api/orders`). */
  basePaths: readonly string[];
  /** Strip a named HTTP API stage (`/Prod/...`) from the path. */
  stripStage: boolean;
  /** Size limits checked while the event is read (default: `DEFAULT_LIMITS`). */
  limits?: RequestLimits;
}

/**
 * One Lambda event source: how to recognise its events, read them as an {@link HttpRequest}
 * and answer in its own format. Supply your own in `createHandler({ sources })`; they are tried
 * before the built-in ones.
 *
 * @example
 * ```ts
 * import type { EventSource } from 'gantry';
 *
 * const myQueue: EventSource<{ kind: 'my-http'; url: string }> = {
 *   name: 'my-http',
 *   detect: (event): event is { kind: 'my-http'; url: string } =>
 *     (event as { kind?: string }).kind === 'my-http',
 *   toRequest: (event) => ({
 *     method: 'GET', path: event.url, routingPath: event.url, query: {}, headers: {},
 *     cookies: {}, body: undefined, requestId: undefined,
 *   }),
 *   toResult: (response) => response,
 * };
 * ```
 */
export interface EventSource<E = never, R = unknown> {
  readonly name: string;
  detect(event: unknown): event is E;
  toRequest(event: E, options: TranslateOptions): HttpRequest;
  toResult(response: HttpResponse, event: E): R;
}
