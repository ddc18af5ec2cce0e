/** Request throttling of an API stage. */
export interface Throttling {
  /** Requests per second, sustained. Default 1000. */
  rateLimit?: number;
  /** Requests at once, in a burst. Default 500. */
  burstLimit?: number;
}

/**
 * The throttling defaults: well under the account's regional limit (10,000 rps), so one API
 * cannot starve the others.
 *
 * @example
 * ```ts
 * withThrottlingDefaults({ rateLimit: 50 }); // { rateLimit: 50, burstLimit: 500 }
 * ```
 */
export function withThrottlingDefaults(throttling: Throttling = {}): Required<Throttling> {
  return { rateLimit: throttling.rateLimit ?? 1000, burstLimit: throttling.burstLimit ?? 500 };
}
