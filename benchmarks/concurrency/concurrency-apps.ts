/**
 * The handlers a concurrency burst runs on: gantry-full as the warm section measures it, and the
 * same chain with routes that await (benchmarks/concurrency/awaiting-app.ts). Loaded on demand:
 * the worker installs the invocation store first.
 */
import type { LambdaHandler } from '../app-check.js';
import { VARIANTS } from '../apps/index.js';

/** The message of the awaiting routes' own log line; its `item` names the request's id or name. */
export const ROUTE_LINE = 'item handled';

/** One handler of the concurrency section. */
export interface ConcurrencyApp {
  readonly name: string;
  readonly description: string;
  /** Its routes answer `correlationId` in the body. */
  readonly bodyHasCorrelationId: boolean;
  /** Its routes log {@link ROUTE_LINE} once per request. */
  readonly routeLine?: string;
  readonly load: () => Promise<{ handler: LambdaHandler }>;
}

/** The concurrency section's handlers, in the order they run. */
export const CONCURRENCY_APPS: readonly ConcurrencyApp[] = [
  {
    name: 'gantry-full',
    description:
      'benchmarks/apps/gantry-full.ts: synchronous routes, invocations interleaving at the awaits of the Middy chain',
    bodyHasCorrelationId: false,
    load: async () => {
      const variant = VARIANTS.find((candidate) => candidate.name === 'gantry-full');
      if (!variant) throw new Error("no variant 'gantry-full' in benchmarks/apps/index.ts");
      return variant.load();
    },
  },
  {
    name: 'gantry-full-awaiting',
    description:
      'the same chain, routes that await 1-4 turns of the event loop (setImmediate), log a line and await again: invocations interleave inside the routes and finish out of order',
    bodyHasCorrelationId: true,
    routeLine: ROUTE_LINE,
    load: () => import('./awaiting-app.js'),
  },
];
