/**
 * The floor: the app written by hand against the raw events, with no framework. It tells the
 * source from the event's shape, takes the id from the path, parses the body (base64 or not),
 * and answers in that source's own format. Minimal, but correct.
 */

/** What the handler reads of an HTTP event, whatever its source. */
interface HttpEventShape {
  version?: string;
  httpMethod?: string;
  path?: string;
  rawPath?: string;
  headers?: Record<string, string | undefined> | null;
  multiValueHeaders?: Record<string, string[] | undefined> | null;
  body?: string | null;
  isBase64Encoded?: boolean;
  requestContext?: {
    elb?: unknown;
    http?: { method: string };
    domainName?: string;
    stage?: string;
  };
}

/** One request as the app saw it, with its answer in the source's format. */
export interface RawExchange {
  method: string;
  /** The decoded path. */
  path: string;
  /** The route template with its method (`GET /items/:id`), or `unmatched`. */
  route: string;
  status: number;
  result: Record<string, unknown>;
}

const STATUS_TEXT: Record<number, string> = {
  200: 'OK',
  201: 'Created',
  400: 'Bad Request',
  404: 'Not Found',
  405: 'Method Not Allowed',
};

const ITEM_PREFIX = '/items/';

type Source = 'v1' | 'v2' | 'alb';

function sourceOf(event: HttpEventShape): Source {
  if (event.requestContext?.elb !== undefined) return 'alb';
  if (event.version === '2.0' && event.requestContext?.http) return 'v2';
  if (typeof event.httpMethod === 'string') return 'v1';
  throw new Error('Not an HTTP event (API Gateway v1 or v2, Function URL or ALB)');
}

/**
 * The path as the app routes it, decoded once: REST API, ALB and Function URL paths are
 * percent-encoded; an HTTP API's `rawPath` is already decoded (and carries a named stage).
 */
function pathOf(event: HttpEventShape, source: Source): string {
  if (source !== 'v2') return decodeURIComponent(event.path ?? '/');
  const raw = event.rawPath ?? '/';
  const context = event.requestContext;
  if (context?.domainName?.includes('.lambda-url.')) return decodeURIComponent(raw);
  const stage = context?.stage;
  if (stage && stage !== '$default' && raw.startsWith(`/${stage}/`))
    return raw.slice(stage.length + 1);
  return raw;
}

function bodyOf(event: HttpEventShape): unknown {
  if (!event.body) return undefined;
  const text = event.isBase64Encoded ? Buffer.from(event.body, 'base64').toString() : event.body;
  return JSON.parse(text);
}

function answer(
  event: HttpEventShape,
  source: Source,
  status: number,
  value: unknown,
): Record<string, unknown> {
  const body = JSON.stringify(value);
  if (source !== 'alb') {
    return {
      statusCode: status,
      headers: { 'content-type': 'application/json' },
      body,
      isBase64Encoded: false,
    };
  }
  const result: Record<string, unknown> = {
    statusCode: status,
    statusDescription: `${status} ${STATUS_TEXT[status]}`,
    body,
    isBase64Encoded: false,
  };
  // An ALB with multi-value headers on reads only `multiValueHeaders`.
  if (event.multiValueHeaders) result.multiValueHeaders = { 'content-type': ['application/json'] };
  else result.headers = { 'content-type': 'application/json' };
  return result;
}

/** Routes one event and builds its answer. */
export function serve(input: unknown): RawExchange {
  const event = input as HttpEventShape;
  const source = sourceOf(event);
  const method = (source === 'v2' ? event.requestContext?.http?.method : event.httpMethod) ?? '';
  const exchange = (route: string, path: string, status: number, value: unknown): RawExchange => ({
    method,
    path,
    route,
    status,
    result: answer(event, source, status, value),
  });
  const error = (path: string, route: string, status: number) =>
    exchange(route, path, status, { error: { status, message: STATUS_TEXT[status] } });

  let path: string;
  try {
    path = pathOf(event, source);
  } catch {
    return error(event.rawPath ?? event.path ?? '/', 'unmatched', 400);
  }

  if (path.startsWith(ITEM_PREFIX) && path.length > ITEM_PREFIX.length) {
    const id = path.slice(ITEM_PREFIX.length);
    if (!id.includes('/')) {
      if (method !== 'GET') return error(path, `${method} /items/:id`, 405);
      return exchange('GET /items/:id', path, 200, { id, name: `item ${id}` });
    }
  }
  if (path === '/items' || path === '/items/') {
    if (method !== 'POST') return error(path, `${method} /items`, 405);
    let body: unknown;
    try {
      body = bodyOf(event);
    } catch {
      return error(path, 'POST /items', 400);
    }
    const name = (body as { name?: unknown } | null | undefined)?.name;
    if (typeof name !== 'string') return error(path, 'POST /items', 400);
    return exchange('POST /items', path, 201, { id: 'new', name });
  }
  return error(path, 'unmatched', 404);
}

/** The Lambda handler. */
export const handler = async (event: unknown): Promise<Record<string, unknown>> =>
  serve(event).result;
