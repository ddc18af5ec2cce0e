/**
 * A per-request mark, on the Middy request's `internal` store, that a failure was logged, so
 * the core's last-resort log does not repeat it.
 */
import type { MiddyRequest } from './middleware-types.js';

const LOGGED = 'gantry.errorLogged';

/** Marks this request's failure as logged. */
export function markErrorLogged(request: MiddyRequest): void {
  request.internal = { ...request.internal, [LOGGED]: true };
}

/** Whether this request's failure was logged. */
export function isErrorLogged(request: MiddyRequest): boolean {
  return (request.internal as Record<string, unknown> | undefined)?.[LOGGED] === true;
}
