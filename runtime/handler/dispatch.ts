/**
 * The base handler: from a translated exchange to an {@link HttpResponse}. Routing misses,
 * oversized and malformed bodies, and invalid input are thrown as `HttpError`s.
 */
import type { HttpResponse } from '../events/types.js';
import { isSchemaBodyType, unsupportedMediaType } from '../router/body-parser.js';
import type { Route } from '../router/build-routes.js';
import { HttpError } from '../router/http-error.js';
import type { AnySchema } from '../router/route-options.js';
import { isFramed, toResponse } from '../router/to-response.js';
import { validatePart, validateRequest } from '../router/validate.js';
import type { App } from './app.js';
import type { HttpExchange } from './http-exchange.js';
import { RouteRequest } from './route-request.js';

/**
 * Serves one exchange: synchronously when the route and its validation are synchronous (no
 * promise to await on the hot path), else as a promise. Errors are thrown either way.
 *
 * @example
 * ```ts
 * const response = await dispatch(exchange, app); // { status: 200, headers, cookies, body }
 * ```
 */
export function dispatch(exchange: HttpExchange, app: App): HttpResponse | Promise<HttpResponse> {
  const { request, route } = exchange;
  const { problem } = request;
  if (problem !== undefined) {
    throw typeof problem === 'string'
      ? new HttpError(400, problem)
      : new HttpError(problem.status, problem.message);
  }
  if (route === undefined) throw routingError(exchange, app);
  const size = request.body?.length ?? 0;
  if (size > app.bodyLimit) {
    throw new HttpError(413, `Request body is ${size} bytes; the limit is ${app.bodyLimit} bytes`);
  }
  const { options } = route;
  if (options.body !== undefined && size > 0) {
    const type = request.headers['content-type'];
    if (!isSchemaBodyType(type)) throw unsupportedMediaType(type as string);
  }
  // The body is parsed when the route (or its schema) reads `req.body`, not before.
  const req = new RouteRequest(exchange, app);
  if (options.params || options.query || options.headers || options.body) {
    const pending = validateRequest(req, options);
    if (pending) return pending.then(() => invoke(route, req));
  }
  return invoke(route, req);
}

function invoke(route: Route, req: RouteRequest): HttpResponse | Promise<HttpResponse> {
  const result = route.invoke(req);
  if (result instanceof Promise) return result.then((value) => respond(route, value));
  return respond(route, result);
}

function respond(route: Route, result: unknown): HttpResponse | Promise<HttpResponse> {
  const { options } = route;
  if (options.response && result !== undefined && !isFramed(result)) {
    return validateResponse(result, options.response, route.handlerName).then((checked) =>
      toResponse(checked, options.status),
    );
  }
  return toResponse(result, options.status);
}

function routingError(exchange: HttpExchange, app: App): HttpError {
  const { method, path, routingPath } = exchange.request;
  const allowed = app.table.allowedMethods(routingPath);
  if (allowed.length === 0) return new HttpError(404, `No route for ${method} ${path}`);
  return new HttpError(
    405,
    `Method ${method} is not allowed for ${path}; allowed: ${allowed.join(', ')}`,
    undefined,
    {
      headers: { allow: allowed.join(', ') },
    },
  );
}

async function validateResponse(
  result: unknown,
  schema: AnySchema,
  handlerName: string,
): Promise<unknown> {
  const checked = await validatePart(schema, result, 'body');
  if (checked.issues) {
    throw new Error(
      `${handlerName} returned a value its response schema rejects: ${JSON.stringify(checked.issues)}`,
    );
  }
  return checked.value;
}
