/**
 * The one converter from Gantry's path syntax (`/items/:id`, `/files/*`) to API Gateway's
 * (`/items/{id}`, `/files/{proxy+}`), shared by the runtime and infra.
 */

/**
 * Converts a route path to API Gateway's template syntax.
 *
 * @example
 * ```ts
 * toApiGatewayPath('/items/:id');        // '/items/{id}'
 * toApiGatewayPath('/files/*');          // '/files/{proxy+}'
 * toApiGatewayPath('/n/:num(^\\d+)');    // '/n/{num}'
 * ```
 */
export function toApiGatewayPath(path: string): string {
  return path
    .split('/')
    .map((segment) => {
      if (segment === '*') return '{proxy+}';
      if (!segment.startsWith(':')) return segment;
      const name = segment
        .slice(1)
        .replace(/\(.*\)$/, '')
        .replace(/\?$/, '');
      return `{${name}}`;
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
