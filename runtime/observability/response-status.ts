/**
 * The status a request ends with, read the same way by every observer: the response's when
 * there is one, the error's otherwise.
 */
import type { HttpResponse } from '../events/types.js';
import { statusOf } from '../handler/error-response.js';
import type { MiddyRequest } from './middleware-types.js';

/**
 * Status of a finished request, from an `after` or an `onError` hook.
 *
 * @example
 * ```ts
 * const metricsAfter = (request) => record(responseStatus(request));
 * ```
 */
export function responseStatus(request: MiddyRequest): number {
  const response = request.response as HttpResponse | undefined;
  if (response !== undefined && typeof response.status === 'number') return response.status;
  return statusOf(request.error);
}
