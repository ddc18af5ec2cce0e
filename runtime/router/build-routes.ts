/**
 * Turns controller classes (or instances) into a route table, once per execution environment.
 */
import { type HttpMethod, readControllerMetadata } from './metadata.js';
import { joinPaths } from './path-template.js';
import type { RouteOptions } from './route-options.js';
import { createRouteTable, type RouteTable } from './route-table.js';

// biome-ignore lint/suspicious/noExplicitAny: controllers may take any constructor arguments.
type ControllerClass = new (...args: any[]) => object;

/** A controller class (constructed with no arguments) or an instance of one. */
export type ControllerInput = ControllerClass | object;

/** A route as served: its full path template, its name in metrics, logs and traces, its method. */
export interface Route {
  readonly method: HttpMethod;
  /** The full path template, prefix included (`/items/:id`). */
  readonly path: string;
  /** `GET /items/:id`: the name the route goes by in metrics, logs and traces. */
  readonly name: string;
  readonly options: RouteOptions;
  /** `ItemsController.get`, for error messages. */
  readonly handlerName: string;
  /** Calls the controller method. */
  readonly invoke: (req: unknown) => unknown;
}

/**
 * Builds the route table from controllers. `HEAD` is served by each `GET` route that has no
 * `HEAD` route of its own.
 *
 * @example
 * ```ts
 * const { table, routes } = buildRoutes([ItemsController, new UsersController(db)]);
 * routes.map((r) => r.name); // ['GET /items/:id', 'POST /items', ...]
 * ```
 */
export function buildRoutes(controllers: readonly ControllerInput[]): {
  table: RouteTable<Route>;
  routes: Route[];
} {
  const table = createRouteTable<Route>();
  const routes: Route[] = [];
  const declared = new Map<string, string>();
  const heads: Route[] = [];

  for (const input of controllers) {
    const instance = typeof input === 'function' ? construct(input as ControllerClass) : input;
    const type = instance.constructor as ControllerClass;
    const { prefix, routes: declaredRoutes, isController } = readControllerMetadata(type);
    if (!isController) {
      throw new TypeError(
        `${type.name || 'A controller'} is not a controller: decorate the class with @Controller()`,
      );
    }
    for (const { method, path, options, property } of declaredRoutes) {
      const fullPath = joinPaths(prefix, path);
      const handlerName = `${type.name}.${String(property)}`;
      const key = `${method} ${fullPath}`;
      const clash = declared.get(key);
      if (clash)
        throw new Error(`Route ${key} is declared twice: by ${clash} and by ${handlerName}`);
      declared.set(key, handlerName);
      const fn = (instance as Record<string | symbol, unknown>)[property];
      if (typeof fn !== 'function') throw new TypeError(`${handlerName} is not a method`);
      const route: Route = {
        method,
        path: fullPath,
        name: key,
        options,
        handlerName,
        invoke: (req) => fn.call(instance, req),
      };
      routes.push(route);
      table.add(method, fullPath, route);
      if (method === 'GET') heads.push({ ...route, method: 'HEAD', name: `HEAD ${fullPath}` });
    }
  }
  for (const head of heads) {
    if (!declared.has(head.name)) table.add('HEAD', head.path, head);
  }
  return { table, routes };
}

function construct(type: ControllerClass): object {
  if (type.length > 0) {
    throw new TypeError(
      `${type.name} takes constructor arguments: pass an instance (new ${type.name}(...)) in controllers`,
    );
  }
  return new type();
}
