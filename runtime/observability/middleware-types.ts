/**
 * The Middy middleware shape Gantry's middlewares share: they read the exchange from the
 * request, so any event type goes in and any result comes out.
 */
import type { MiddlewareObj, Request } from '@middy/core';
import type { Context } from 'aws-lambda';

// biome-ignore lint/suspicious/noExplicitAny: the event is the raw Lambda event, then Gantry's exchange.
export type GantryMiddleware = MiddlewareObj<any, any, Error, Context>;
// biome-ignore lint/suspicious/noExplicitAny: as above.
export type MiddyRequest = Request<any, any, Error, Context>;
