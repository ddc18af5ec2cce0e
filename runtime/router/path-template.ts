/**
 * The one converter from Gantry's path syntax (`/items/:id`, `/files/*`) to API Gateway's
 * (`/items/{id}`, `/files/{proxy+}`), shared by the runtime and infra.
 */

/**
 * Converts a route path to API Gateway's template syntax. API Gateway only knows whole-segment
 * parameters, so a segment holding parameters (`:from-:to`, `:name.:ext`, `:num(^\\d+)`) becomes
 * one parameter named after its first; the router checks the rest. A doubled colon (`::`) is a
 * literal `:`.
 *
 * @example
 * ```ts
 * toApiGatewayPath('/items/:id');        // '/items/{id}'
 * toApiGatewayPath('/files/*');          // '/files/{proxy+}'
 * toApiGatewayPath('/n/:num(^\\d+)');    // '/n/{num}'
 * toApiGatewayPath('/range/:from-:to');  // '/range/{from}'
 * ```
 */
export function toApiGatewayPath(path: string): string {
  return path
    .split('/')
    .map((segment) => {
      if (segment === '*') return '{proxy+}';
      const param = /(?:^|[^:])(?:::)*:([^:\-.(?]+)/.exec(segment);
      return param ? `{${param[1]}}` : segment.replaceAll('::', ':');
    })
    .join('/');
}

/**
 * Joins a controller prefix and a route path into one normalised path: one leading slash, no
 * doubled or trailing slash (the root stays `/`).
 *
 * @example
 * ```ts
 * joinPaths('/items', '/');     // '/items'
 * joinPaths('items/', ':id');   // '/items/:id'
 * ```
 */
export function joinPaths(prefix: string, path: string): string {
  const joined = `/${prefix}/${path}`.replace(/\/{2,}/g, '/');
  return joined.length > 1 && joined.endsWith('/') ? joined.slice(0, -1) : joined;
}
