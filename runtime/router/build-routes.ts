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
  /** The controller class's name: `ItemsController`. */
  readonly controller: string;
  /** The name of the controller method that serves the route: `get`. */
  readonly methodName: string;
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
  /** Declared routes by method and path shape (parameter names left out, as find-my-way sees them). */
  const declared = new Map<string, Route>();
  const heads: Route[] = [];

  controllers.forEach((input, index) => {
    const instance = instanceOf(input, index);
    const type = instance.constructor as ControllerClass;
    const { prefix, routes: declaredRoutes, isController } = readControllerMetadata(type);
    if (!isController) {
      throw new TypeError(
        `${type.name || 'An anonymous class'} is not a controller: decorate the class with @Controller()`,
      );
    }
    for (const { method, path, options, property } of declaredRoutes) {
      const fullPath = joinPaths(prefix, path);
      const handlerName = `${type.name}.${String(property)}`;
      const key = `${method} ${fullPath}`;
      const fn = (instance as Record<string | symbol, unknown>)[property];
      if (typeof fn !== 'function') throw new TypeError(`${handlerName} is not a method`);
      const route: Route = {
        method,
        path: fullPath,
        name: key,
        options,
        handlerName,
        controller: type.name,
        methodName: String(property),
        invoke: (req) => fn.call(instance, req),
      };
      checkStatus(route);
      const clash = declared.get(shapeKey(method, fullPath));
      if (clash) throw clashError(route, clash);
      declared.set(shapeKey(method, fullPath), route);
      addRoute(table, route);
      routes.push(route);
      if (method === 'GET') heads.push({ ...route, method: 'HEAD', name: `HEAD ${fullPath}` });
    }
  });
  for (const head of heads) {
    if (!declared.has(shapeKey('HEAD', head.path))) addRoute(table, head);
  }
  return { table, routes };
}

function instanceOf(input: ControllerInput, index: number): object {
  if (typeof input === 'function') return construct(input as ControllerClass);
  if (typeof input === 'object' && input !== null) return input;
  throw new TypeError(
    `controllers[${index}] is ${typeof input === 'string' ? JSON.stringify(input) : String(input)}: pass a controller class or an instance of one (undefined often means a circular import)`,
  );
}

function construct(type: ControllerClass): object {
  if (type.length > 0) {
    throw new TypeError(
      `${type.name} takes constructor arguments: pass an instance (new ${type.name}(...)) in controllers`,
    );
  }
  return new type();
}

/**
 * `GET /items/:` for `GET /items/:id`: two routes with the same shape are the same route. A
 * doubled colon is find-my-way's literal `:`, kept as it is.
 */
function shapeKey(method: string, path: string): string {
  return `${method} ${path.replace(/::|:[^/\-.(?:]+/g, (match) => (match === '::' ? match : ':'))}`;
}

function checkStatus({ name, handlerName, options: { status } }: Route): void {
  if (status === undefined || (Number.isInteger(status) && status >= 100 && status <= 599)) return;
  throw new RangeError(
    `Route ${name} (${handlerName}): status must be an integer from 100 to 599, got ${status}`,
  );
}

function clashError(route: Route, clash: Route): Error {
  if (clash.path === route.path) {
    return new Error(
      `Route ${route.name} is declared twice: by ${clash.handlerName} and by ${route.handlerName}`,
    );
  }
  return new Error(
    `Route ${route.name} (${route.handlerName}) clashes with ${clash.name} (${clash.handlerName}): the same path with other parameter names`,
  );
}

function addRoute(table: RouteTable<Route>, route: Route): void {
  try {
    table.add(route.method, route.path, route);
  } catch (error) {
    throw new Error(
      `Route ${route.name} (${route.handlerName}) cannot be served: ${(error as Error).message}`,
      { cause: error },
    );
  }
}
