/**
 * Several Middy middlewares as one: the order and error rules of a Middy chain, with one await
 * per phase instead of one per middleware (each await is a promise, and under the X-Ray SDK's
 * async hooks every promise costs).
 */
import type { GantryMiddleware, MiddyRequest } from './middleware-types.js';

type Hook = (request: MiddyRequest) => unknown;

/**
 * Composes middlewares as `.use(a).use(b)` would chain them: `before` hooks in order, `after`
 * and `onError` hooks in reverse; a `before` that returns a value ends the request early with it,
 * as in Middy (so does one that sets `request.earlyResponse`); a hook that throws stops the
 * phase, and Middy then runs the `onError` hooks.
 * Hooks that return nothing run synchronously, with no promise in between.
 *
 * @example
 * ```ts
 * handler.use(composeMiddlewares([correlationId({ logger }), accessLog({ logger })]));
 * ```
 */
export function composeMiddlewares(middlewares: readonly GantryMiddleware[]): GantryMiddleware {
  const befores = hooks(middlewares, 'before');
  const afters = hooks(middlewares, 'after').reverse();
  const onErrors = hooks(middlewares, 'onError').reverse();
  return {
    before: (request) => runHooks(befores, 0, request),
    after: (request) => runHooks(afters, 0, request),
    onError: (request) => runHooks(onErrors, 0, request),
  };
}

function hooks(middlewares: readonly GantryMiddleware[], phase: keyof GantryMiddleware): Hook[] {
  return middlewares.flatMap((middleware) => {
    const hook = middleware[phase];
    return hook ? [hook as Hook] : [];
  });
}

/** Runs `list` from `start`; synchronous until a hook returns a promise, then awaits it. */
function runHooks(list: readonly Hook[], start: number, request: MiddyRequest): unknown {
  for (let index = start; index < list.length; index++) {
    const result = (list[index] as Hook)(request);
    if (result instanceof Promise) {
      return result.then((value) =>
        value === undefined && !endedEarly(request) ? runHooks(list, index + 1, request) : value,
      );
    }
    if (result !== undefined || endedEarly(request)) return result;
  }
  return undefined;
}

/** Middy's other way to end a chain: a hook that sets `request.earlyResponse` itself. */
function endedEarly(request: MiddyRequest): boolean {
  return Object.hasOwn(request, 'earlyResponse');
}
