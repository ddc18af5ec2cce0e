/**
 * The answer to a thrown error: an `HttpError`'s status and message, or the safe 500 that
 * leaks nothing (no message, stack or class name) outside local development mode.
 */
import { statusText } from '../events/status-text.js';
import type { HttpResponse } from '../events/types.js';
import { isHttpError } from '../router/http-error.js';

/** The status an error is answered with. */
export function statusOf(error: unknown): number {
  return isHttpError(error) ? error.status : 500;
}

/**
 * Builds the error answer: `{ "error": { "status", "message", "details"?, "correlationId" } }`.
 *
 * @example
 * ```ts
 * errorResponse(new HttpError(404, 'Item not found'), 'abc', false).body;
 * // '{"error":{"status":404,"message":"Item not found","correlationId":"abc"}}'
 * ```
 */
export function errorResponse(
  error: unknown,
  correlationId: string | undefined,
  dev: boolean,
): HttpResponse {
  const status = statusOf(error);
  const headers: Record<string, string> = {};
  const cookies: string[] = [];
  const body: Record<string, unknown> = { status };
  if (isHttpError(error)) {
    for (const name in error.headers) {
      const value = String(error.headers[name]);
      if (name.toLowerCase() === 'set-cookie') cookies.push(value);
      else headers[name.toLowerCase()] = value;
    }
    body.message = error.expose ? error.message : (statusText(status) ?? 'Error');
    if (error.expose && error.details !== undefined) body.details = error.details;
  } else {
    body.message = statusText(500) ?? 'Internal Server Error';
  }
  if (correlationId !== undefined) body.correlationId = correlationId;
  if (dev && !(isHttpError(error) && error.expose)) body.debug = debugOf(error);
  headers['content-type'] = 'application/json';
  return { status, headers, cookies, body: JSON.stringify({ error: body }) };
}

function debugOf(error: unknown): Record<string, unknown> {
  if (error instanceof Error)
    return { name: error.name, message: error.message, stack: error.stack };
  return { thrown: String(error) };
}
