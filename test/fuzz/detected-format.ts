/**
 * Which answer formats an event calls for, decided from the keys that identify each source
 * (written here from the sources' documentation, never asked of the runtime).
 */

/** The answer formats of the built-in sources. */
export type ResultFormat = 'apigw-v1' | 'payload-v2' | 'alb' | 'vpc-lattice';

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * The formats of the sources whose identifying keys an event still carries: REST v1 an
 * `httpMethod` key without `requestContext.elb`; ALB a `requestContext.elb` object; payload 2.0
 * `version: "2.0"` without `requestContext.elb`, with a `requestContext.http` object or a
 * `rawPath` and no top-level `method`; VPC Lattice `raw_path`, or `version: "2.0"` with `path`
 * and no `requestContext.http` object. Empty: no source's event.
 *
 * @example
 * ```ts
 * detectedFormats({ httpMethod: 'GET', path: '/' }); // ['apigw-v1']
 * detectedFormats({ Records: [] }); // []
 * ```
 */
export function detectedFormats(event: unknown): ResultFormat[] {
  if (!isRecord(event)) return [];
  const context = isRecord(event.requestContext) ? event.requestContext : undefined;
  const formats: ResultFormat[] = [];
  if ('httpMethod' in event && !(context && isRecord(context.elb))) formats.push('apigw-v1');
  if (context && isRecord(context.elb)) formats.push('alb');
  const http = context !== undefined && isRecord(context.http);
  const alb = context !== undefined && isRecord(context.elb);
  const byRawPath = 'rawPath' in event && !('method' in event);
  if (event.version === '2.0' && !alb && (http || byRawPath)) formats.push('payload-v2');
  if ('raw_path' in event || (event.version === '2.0' && 'path' in event && !http)) {
    formats.push('vpc-lattice');
  }
  return formats;
}

/**
 * The header mode an ALB answer must use: the event's, when it has exactly one header map.
 *
 * @example
 * ```ts
 * albMode({ multiValueHeaders: {} }); // 'multi'
 * albMode({ headers: 'oops', multiValueHeaders: {} }); // 'either'
 * ```
 */
export function albMode(event: unknown): 'single' | 'multi' | 'either' {
  if (!isRecord(event)) return 'either';
  const single = 'headers' in event;
  const multi = 'multiValueHeaders' in event;
  if (single && !multi && isRecord(event.headers)) return 'single';
  if (multi && !single && isRecord(event.multiValueHeaders)) return 'multi';
  return 'either';
}
