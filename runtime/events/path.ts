/**
 * Path rules shared by every source: decoding, stage and base-path stripping, and the encoded
 * form the router matches on.
 */

/** The decoded path and its encoded twin for routing, or the problem that stops the request. */
export interface ReadPath {
  path: string;
  routingPath: string;
  problem?: string;
}

const MALFORMED_PATH = 'Malformed percent-encoding in the request path';

/**
 * Reads a path that is still percent-encoded (REST v1, ALB, Function URL, VPC Lattice).
 * Malformed encoding is reported as a problem (a 400), never thrown.
 */
export function readEncodedPath(raw: string, basePaths: readonly string[]): ReadPath {
  const routingPath = stripBasePath(raw || '/', basePaths);
  if (!routingPath.includes('%')) return { path: routingPath, routingPath };
  try {
    return { path: decodeURIComponent(routingPath), routingPath };
  } catch {
    return { path: routingPath, routingPath, problem: MALFORMED_PATH };
  }
}

/**
 * Reads an HTTP API v2 `rawPath`, which API Gateway has already decoded except for `%2F`.
 * The routing form escapes what the router would otherwise decode or split on a second time.
 */
export function readDecodedPath(
  raw: string,
  stage: string | undefined,
  options: { basePaths: readonly string[]; stripStage: boolean },
): ReadPath {
  let path = raw || '/';
  if (options.stripStage && stage && stage !== '$default') path = stripPrefix(path, `/${stage}`);
  path = stripBasePath(path, options.basePaths);
  if (!/[%?#]/.test(path)) return { path, routingPath: path };
  const routingPath = path.replace(/%(?!2[Ff])|[?#]/g, escapeChar);
  return { path: path.replace(/%2[Ff]/g, '/'), routingPath };
}

function escapeChar(char: string): string {
  return `%${char.charCodeAt(0).toString(16).toUpperCase()}`;
}

function stripBasePath(path: string, basePaths: readonly string[]): string {
  for (const base of basePaths) {
    const stripped = stripPrefix(path, base);
    if (stripped !== path) return stripped;
  }
  return path;
}

/** Strips `prefix` when it is a whole leading segment run: `/v1` strips `/v1/x`, not `/v10`. */
function stripPrefix(path: string, prefix: string): string {
  if (prefix === '' || prefix === '/' || !path.startsWith(prefix)) return path;
  if (path.length === prefix.length) return '/';
  return path.charCodeAt(prefix.length) === 47 ? path.slice(prefix.length) : path;
}

/**
 * Normalises a configured base path: leading slash, no trailing slash.
 *
 * @example
 * ```ts
 * normaliseBasePath('api/v1/'); // '/api/v1'
 * ```
 */
export function normaliseBasePath(base: string): string {
  const trimmed = base.replace(/^\/+|\/+$/g, '');
  return trimmed === '' ? '' : `/${trimmed}`;
}
