/**
 * The Powertools Router with Powertools observability added by hand: the same three Powertools
 * Middy middlewares as `raw-powertools`, and a Router middleware that puts a correlation id on
 * the logger and, once the answer is known, writes the access line and the four route metrics.
 */
import { HttpError } from '@aws-lambda-powertools/event-handler/http';
import type { Context } from 'aws-lambda';
import { createItemsRouter } from './shared/items-router.js';
import {
  appendCorrelationId,
  createPowertools,
  recordRequest,
  withPowertools,
} from './shared/powertools-observability.js';

const powertools = createPowertools('bench');
const app = createItemsRouter();

app.use(async ({ reqCtx, next }) => {
  const start = performance.now();
  const { requestId } = reqCtx.event.requestContext as { requestId?: string };
  appendCorrelationId(
    powertools,
    reqCtx.req.headers.get('x-correlation-id'),
    requestId,
    reqCtx.context,
  );
  // A route that throws skips what follows `next()`: its status is the error's.
  let thrown: number | undefined;
  try {
    await next();
  } catch (error) {
    thrown = error instanceof HttpError ? error.statusCode : 500;
    throw error;
  } finally {
    recordRequest(powertools, {
      method: reqCtx.req.method,
      route: reqCtx.route ?? 'unmatched',
      path: new URL(reqCtx.req.url).pathname,
      status: thrown ?? reqCtx.res.status,
      durationMs: performance.now() - start,
    });
  }
});

export const handler = withPowertools(
  (event: unknown, context: Context) => app.resolve(event, context),
  powertools,
);
