/**
 * The size limits every source enforces while it reads an event, before the router, the body
 * parser or a route sees anything: each is answered in the source's own format.
 */

/** Request size limits. Every one is checked on every source. */
export interface RequestLimits {
  /** Largest body, in bytes (after base64 decoding): larger is a 413. Default 1 MiB. */
  body: number;
  /** Longest path plus query string, in characters: longer is a 414. Default 16 KiB. */
  url: number;
  /** Most header fields (a repeated header counts once per value): more is a 431. Default 200. */
  headerCount: number;
  /** Largest total of header names and values, in characters: larger is a 431. Default 64 KiB. */
  headerSize: number;
}

/**
 * The defaults: generous beside what AWS itself forwards (API Gateway takes URLs up to 10 KiB
 * and 10 KiB of headers, an ALB a 16 KiB request line and 64 KiB of headers; a Lambda payload
 * is 6 MB at most), small enough that no request costs more than a few milliseconds to refuse.
 *
 * @example
 * ```ts
 * DEFAULT_LIMITS.url; // 16384
 * ```
 */
export const DEFAULT_LIMITS: Readonly<RequestLimits> = Object.freeze({
  body: 1024 * 1024,
  url: 16 * 1024,
  headerCount: 200,
  headerSize: 64 * 1024,
});

/**
 * Fills in the defaults and checks each given limit is a positive whole number.
 *
 * @example
 * ```ts
 * resolveLimits({ url: 4096 }); // { body: 1048576, url: 4096, headerCount: 200, headerSize: 65536 }
 * ```
 */
export function resolveLimits(given: Partial<RequestLimits> = {}): RequestLimits {
  const limits = { ...DEFAULT_LIMITS };
  for (const key of Object.keys(DEFAULT_LIMITS) as (keyof RequestLimits)[]) {
    const value = given[key];
    if (value === undefined) continue;
    if (!Number.isSafeInteger(value) || value < 1) {
      throw new RangeError(`limits.${key} must be a whole number above 0, got ${String(value)}`);
    }
    limits[key] = value;
  }
  return limits;
}
