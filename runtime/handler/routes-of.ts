/**
 * The routes a handler serves, read back from the handler itself: what `gantry routes` prints,
 * and what an OpenAPI document is made from.
 */
import type { HttpMethod } from '../router/metadata.js';
import type { RouteOptions } from '../router/route-options.js';

/** Shared by every copy of Gantry a process may load (a bundled handler and the CLI). */
const ROUTES = Symbol.for('gantry.routes');

/** One route as declared: method, full path, where it is written, its options. */
export interface RouteInfo {
  readonly method: HttpMethod;
  /** The full path template, controller prefix included (`/items/:id`). */
  readonly path: string;
  /** `GET /items/:id`, the route's name in logs, metrics and traces. */
  readonly name: string;
  /** `ItemsController.get`. */
  readonly handlerName: string;
  /** The controller class's name: `ItemsController`. */
  readonly controller: string;
  /** The controller method's name: `get` (an OpenAPI `operationId`, say). */
  readonly methodName: string;
  /** Schemas, status, summary, description, tags. */
  readonly options: RouteOptions;
}

/** Records `routes` on `handler`, out of sight of `Object.keys` and JSON. */
export function attachRoutes(handler: object, routes: readonly RouteInfo[]): void {
  const infos = routes.map(({ method, path, name, handlerName, controller, methodName, options }) =>
    Object.freeze({ method, path, name, handlerName, controller, methodName, options }),
  );
  Object.defineProperty(handler, ROUTES, { value: Object.freeze(infos), enumerable: false });
}

/**
 * The routes of a handler made by `createHandler`; `undefined` for any other function.
 *
 * @example
 * ```ts
 * import { routesOf } from 'gantry';
 * import { handler } from './handler.js';
 *
 * for (const route of routesOf(handler) ?? []) console.log(route.name, route.handlerName);
 * ```
 */
export function routesOf(handler: unknown): readonly RouteInfo[] | undefined {
  if (typeof handler !== 'function' && (typeof handler !== 'object' || handler === null))
    return undefined;
  return (handler as { [ROUTES]?: readonly RouteInfo[] })[ROUTES];
}
