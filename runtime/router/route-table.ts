/**
 * The route table: find-my-way behind a small interface. Built once per execution environment;
 * route metadata lives in find-my-way's `store`.
 */
import Router from '#find-my-way';

/** A route found for a request: what was stored for it and the decoded path parameters. */
export interface Match<T> {
  store: T;
  params: Record<string, string>;
}

/** A method-and-path lookup table. */
export interface RouteTable<T> {
  add(method: string, path: string, store: T): void;
  /** Finds the route for a method and a percent-encoded path. */
  find(method: string, routingPath: string): Match<T> | undefined;
  /** The methods some route serves on this path (for `405` and `Allow`). */
  allowedMethods(routingPath: string): string[];
}

const noop = () => undefined;

const ROUTER_OPTIONS = { ignoreTrailingSlash: true, maxParamLength: 500 } as const;

/**
 * Creates an empty route table.
 *
 * @example
 * ```ts
 * const table = createRouteTable<string>();
 * table.add('GET', '/items/:id', 'get-item');
 * table.find('GET', '/items/42'); // { store: 'get-item', params: { id: '42' } }
 * ```
 */
export function createRouteTable<T>(): RouteTable<T> {
  const router = Router(ROUTER_OPTIONS);
  const methods = new Set<string>();
  // Every path under one method: a path no route of any method matches is found in one
  // lookup, not one per method (the common 404, and what a scanner sends).
  const anyMethod = Router(ROUTER_OPTIONS);
  const anyPaths = new Set<string>();
  let anyMethodExact = true;
  return {
    add(method, path, store) {
      router.on(method as Router.HTTPMethod, path, noop, store as object);
      methods.add(method);
      if (!anyMethodExact || anyPaths.has(path)) return;
      anyPaths.add(path);
      try {
        anyMethod.on('GET', path, noop);
      } catch {
        // The same shape under other parameter names (or regexes): the one-lookup answer could
        // be wrong, so every method is asked instead.
        anyMethodExact = false;
      }
    },
    find(method, routingPath) {
      const found = router.find(method as Router.HTTPMethod, routingPath);
      if (found === null) return undefined;
      return { store: found.store as T, params: found.params as Record<string, string> };
    },
    allowedMethods(routingPath) {
      if (anyMethodExact && anyMethod.find('GET', routingPath) === null) return [];
      const allowed: string[] = [];
      for (const method of methods) {
        if (router.find(method as Router.HTTPMethod, routingPath) !== null) allowed.push(method);
      }
      return allowed.sort();
    },
  };
}
