/**
 * Powertools for AWS Lambda's event-handler Router alone: it detects REST API (v1), HTTP API
 * (v2, also Function URLs) and ALB events, turns them into Web `Request`s and answers in the
 * event's own format.
 */
import type { Context } from 'aws-lambda';
import { createItemsRouter } from './shared/items-router.js';

const app = createItemsRouter();

export const handler = (event: unknown, context: Context) => app.resolve(event, context);
