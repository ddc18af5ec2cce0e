/**
 * `HttpError`: throw it from a route to answer with a status and a message the client may see.
 */
import { statusText } from '../events/status-text.js';

/** Options of {@link HttpError}. */
export interface HttpErrorOptions {
  /** Headers for the answer (`allow`, `www-authenticate`, `retry-after`). */
  headers?: Record<string, string>;
  /** The error behind this one, for logs and traces; never sent. */
  cause?: unknown;
  /**
   * `false` keeps a 4xx message and details from the client (it sees the status text). A 5xx
   * message is never exposed, whatever this says.
   */
  expose?: boolean;
}

/**
 * An error with an HTTP status. A 4xx message and its details reach the client; a 5xx message
 * never does (the client sees the status text).
 *
 * @example
 * ```ts
 * const item = items.get(req.params.id);
 * if (!item) throw new HttpError(404, `Item ${req.params.id} not found`);
 * throw new HttpError(409, 'Name taken', { name: 'milk' });                 // with details
 * throw new HttpError(429, 'Slow down', undefined, { headers: { 'retry-after': '30' } });
 * ```
 */
export class HttpError extends Error {
  override readonly name = 'HttpError';
  readonly status: number;
  readonly expose: boolean;
  readonly details: unknown;
  readonly headers: Record<string, string>;

  /**
   * @param details Extra data for the client (validation issues, ...); sent with the message.
   */
  constructor(status: number, message?: string, details?: unknown, options: HttpErrorOptions = {}) {
    if (!Number.isInteger(status) || status < 400 || status > 599) {
      throw new RangeError(`HttpError status must be an integer from 400 to 599, got ${status}`);
    }
    super(message ?? statusText(status) ?? 'Error', { cause: options.cause });
    this.status = status;
    this.expose = status < 500 && options.expose !== false;
    this.details = details;
    this.headers = options.headers ?? {};
  }
}

/**
 * Whether a value is an {@link HttpError} (also across duplicated copies of the package).
 *
 * @example
 * ```ts
 * try { await next(); }
 * catch (error) { if (isHttpError(error) && error.status === 404) return fallback(); throw error; }
 * ```
 */
export function isHttpError(error: unknown): error is HttpError {
  return (
    error instanceof HttpError ||
    (error instanceof Error &&
      error.name === 'HttpError' &&
      typeof (error as HttpError).status === 'number')
  );
}
