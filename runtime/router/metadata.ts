/**
 * Route metadata on TC39 decorator metadata (`context.metadata`), with the one-line
 * `Symbol.metadata` polyfill. `Symbol.for('Symbol.metadata')` is the symbol esbuild and
 * TypeScript fall back to, so the polyfill agrees with them whichever runs first.
 */
import type { RouteOptions } from './route-options.js';

(Symbol as { metadata?: symbol }).metadata ??= Symbol.for('Symbol.metadata');

/** The HTTP methods a route can be declared for. */
export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE' | 'HEAD' | 'OPTIONS';

/** One route as a decorator declared it, before the controller prefix is applied. */
export interface DeclaredRoute {
  method: HttpMethod;
  path: string;
  options: RouteOptions;
  /** Name of the controller method that serves it. */
  property: string | symbol;
}

const ROUTES = Symbol('gantry.routes');
const PREFIX = Symbol('gantry.prefix');
/** The methods whose routes this class inherited and has not re-declared yet. */
const INHERITED = Symbol('gantry.inheritedMethods');

type Metadata = Record<PropertyKey, unknown>;

/**
 * Records a route on a class's metadata, without touching a parent class's list. A method the
 * class re-declares replaces the routes it inherited for that method.
 */
export function addRoute(metadata: DecoratorMetadataObject, route: DeclaredRoute): void {
  const target = metadata as Metadata;
  if (!Object.hasOwn(target, ROUTES)) {
    const inherited = (target[ROUTES] as DeclaredRoute[] | undefined) ?? [];
    target[ROUTES] = [...inherited];
    target[INHERITED] = new Set(inherited.map((parentRoute) => parentRoute.property));
  }
  const inherited = target[INHERITED] as Set<string | symbol>;
  let routes = target[ROUTES] as DeclaredRoute[];
  // Linear in the routes of a class: only a re-declared inherited method filters the list.
  if (inherited.delete(route.property)) {
    routes = routes.filter((parentRoute) => parentRoute.property !== route.property);
    target[ROUTES] = routes;
  }
  routes.push(route);
}

/** Records a controller's path prefix. */
export function setPrefix(metadata: DecoratorMetadataObject, prefix: string): void {
  (metadata as Metadata)[PREFIX] = prefix;
}

/** Reads what the decorators recorded on a controller class. */
export function readControllerMetadata(controller: abstract new (...args: never[]) => unknown): {
  prefix: string;
  routes: readonly DeclaredRoute[];
  isController: boolean;
} {
  const metadata = (controller as { [Symbol.metadata]?: Metadata | null })[Symbol.metadata];
  if (!metadata) return { prefix: '', routes: [], isController: false };
  const prefix = Object.hasOwn(metadata, PREFIX) ? (metadata[PREFIX] as string) : undefined;
  return {
    prefix: prefix ?? '',
    routes: (metadata[ROUTES] as DeclaredRoute[] | undefined) ?? [],
    isController: prefix !== undefined,
  };
}
