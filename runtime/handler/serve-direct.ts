/**
 * The whole request without a middleware chain: what `httpEvent` and `dispatch` do inside Middy,
 * in one function, for a handler with nothing else to run.
 */
import type { Context } from 'aws-lambda';
import type { HttpResponse } from '../events/types.js';
import type { App } from './app.js';
import { dispatch } from './dispatch.js';
import { answer, answerError, openExchange } from './http-event.js';
import type { DirectHandler } from './middy-on-demand.js';

/**
 * A Lambda handler serving `app` directly: translate, route, dispatch, write the source's format;
 * errors become answers exactly as in the chain (an event that is not HTTP is thrown to Lambda).
 *
 * @example
 * ```ts
 * export const handler = serveDirect(createApp({ controllers: [ItemsController] }), false);
 * ```
 */
export function serveDirect(app: App, dev: boolean): DirectHandler {
  return async (event: unknown, context: Context): Promise<unknown> => {
    const exchange = openExchange(app, event, context);
    let response: HttpResponse;
    try {
      const pending = dispatch(exchange, app);
      response = pending instanceof Promise ? await pending : pending;
    } catch (error) {
      return answerError(exchange, error, dev, false);
    }
    return answer(exchange, response, dev);
  };
}
