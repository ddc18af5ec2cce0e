import middy from '@middy/core';
import { describe, expect, it } from 'vitest';
import { composeMiddlewares } from '../../../runtime/observability/compose-middlewares.js';
import type {
  GantryMiddleware,
  MiddyRequest,
} from '../../../runtime/observability/middleware-types.js';

const CONTEXT = { getRemainingTimeInMillis: () => 1000 } as never;

/** A middleware that records each of its hooks as `name.phase`. */
function recorder(
  name: string,
  seen: string[],
  hooks: Partial<GantryMiddleware> = {},
): GantryMiddleware {
  return {
    before: hooks.before ?? (() => void seen.push(`${name}.before`)),
    after: hooks.after ?? (() => void seen.push(`${name}.after`)),
    onError: hooks.onError ?? (() => void seen.push(`${name}.onError`)),
  };
}

/** The same middlewares run by Middy one by one, and composed into one. */
async function both(
  build: (seen: string[]) => GantryMiddleware[],
  base: () => unknown = () => 'base',
): Promise<{
  chained: { seen: string[]; result: unknown };
  composed: { seen: string[]; result: unknown };
}> {
  const run = async (compose: boolean) => {
    const seen: string[] = [];
    const middlewares = build(seen);
    const handler = middy(async () => base(), { timeoutEarlyInMillis: 0 });
    if (compose) handler.use(composeMiddlewares(middlewares));
    else for (const middleware of middlewares) handler.use(middleware);
    const result = await handler({}, CONTEXT).then(
      (value) => value,
      (error: Error) => `threw ${error.message}`,
    );
    return { seen, result };
  };
  return { chained: await run(false), composed: await run(true) };
}

describe('composeMiddlewares: one middleware, the rules of a Middy chain', () => {
  it('runs before hooks in order, after hooks in reverse', async () => {
    // Act
    const { chained, composed } = await both((seen) => [
      recorder('a', seen),
      recorder('b', seen),
      recorder('c', seen),
    ]);

    // Assert
    expect(composed).toEqual(chained);
    expect(composed.seen).toEqual([
      'a.before',
      'b.before',
      'c.before',
      'c.after',
      'b.after',
      'a.after',
    ]);
  });

  it('waits for a before hook that returns a promise, then goes on', async () => {
    // Act
    const { chained, composed } = await both((seen) => [
      recorder('a', seen, {
        before: () =>
          new Promise<void>((resolve) => setTimeout(() => resolve(void seen.push('a.before')), 5)),
      }),
      recorder('b', seen),
    ]);

    // Assert
    expect(composed).toEqual(chained);
    expect(composed.seen.slice(0, 2)).toEqual(['a.before', 'b.before']);
  });

  it.each([
    ['returns a value', () => 'early'],
    ['resolves to a value', async () => 'early'],
    [
      'sets request.earlyResponse',
      (request: MiddyRequest) => {
        request.earlyResponse = 'early';
      },
    ],
  ])('ends the request early when a before hook %s', async (_, before) => {
    // Act
    const { chained, composed } = await both((seen) => [
      recorder('a', seen),
      recorder('b', seen, { before }),
      recorder('c', seen),
    ]);

    // Assert
    expect(composed).toEqual(chained);
    expect(composed.result).toBe('early');
    expect(composed.seen).toEqual(['a.before']);
  });

  it('runs every onError hook, in reverse, when the base handler throws', async () => {
    // Act
    const { chained, composed } = await both(
      (seen) => [
        recorder('a', seen),
        recorder('b', seen, {
          onError: (request) => {
            seen.push('b.onError');
            request.response = 'recovered';
          },
        }),
      ],
      () => {
        throw new Error('boom');
      },
    );

    // Assert
    expect(composed).toEqual(chained);
    expect(composed.seen).toEqual(['a.before', 'b.before', 'b.onError', 'a.onError']);
    expect(composed.result).toBe('recovered');
  });

  it('stops a phase at a hook that throws, and Middy runs the onError hooks', async () => {
    // Act
    const { chained, composed } = await both((seen) => [
      recorder('a', seen),
      recorder('b', seen, {
        after: () => {
          throw new Error('after failed');
        },
      }),
      recorder('c', seen),
    ]);

    // Assert
    expect(composed).toEqual(chained);
    expect(composed.seen).toEqual([
      'a.before',
      'b.before',
      'c.before',
      'c.after',
      'c.onError',
      'b.onError',
      'a.onError',
    ]);
    expect(composed.result).toBe('threw after failed');
  });

  it('skips middlewares without a hook for a phase', async () => {
    // Act
    const { chained, composed } = await both((seen) => [
      { before: () => void seen.push('only.before') },
      { after: () => void seen.push('only.after') },
    ]);

    // Assert
    expect(composed).toEqual(chained);
    expect(composed.seen).toEqual(['only.before', 'only.after']);
  });
});
