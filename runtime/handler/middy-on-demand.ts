/**
 * Middy, paid for only when there is a chain to run: a handler with no middleware of its own
 * answers directly, and the first `.use()` (or `.before`, `.after`, `.onError`, `.handler`)
 * switches it to the Middy chain for good.
 */
import type { Context } from 'aws-lambda';
import type { GantryHandler } from './create-handler.js';

/** A plain Lambda handler that does what the chain does when nothing is added to it. */
export type DirectHandler = (event: unknown, context: Context) => Promise<unknown>;

/**
 * Wraps `chain` so that it runs `direct` until a middleware is added. Middy's per-invocation
 * cost (its request object, promise race and awaits, ~1 µs) is then spent only when a
 * middleware is there to use it.
 *
 * @example
 * ```ts
 * const handler = middyOnDemand(serveDirect(app, false), middy(base).use(httpEvent(app)));
 * handler.use(myMiddleware); // from now on, every invocation runs the Middy chain
 * ```
 */
export function middyOnDemand(direct: DirectHandler, chain: GantryHandler): GantryHandler {
  let run: (event: unknown, context: Context) => unknown = direct;
  const handler = ((event: unknown, context: Context) =>
    run(event as never, context)) as unknown as GantryHandler;
  const viaChain = <A extends unknown[]>(attach: (...args: A) => unknown) => {
    return (...args: A): GantryHandler => {
      run = chain;
      attach(...args);
      return handler;
    };
  };
  handler.use = viaChain(chain.use) as GantryHandler['use'];
  handler.before = viaChain(chain.before) as GantryHandler['before'];
  handler.after = viaChain(chain.after) as GantryHandler['after'];
  handler.onError = viaChain(chain.onError) as GantryHandler['onError'];
  handler.handler = viaChain(chain.handler) as GantryHandler['handler'];
  return handler;
}
