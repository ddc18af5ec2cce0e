/**
 * Gantry as users deploy it: translation, routing and the whole observability chain
 * (correlation id, access log, route metrics, cold start; tracing when the environment turns it
 * on, as in Lambda: `AWS_EXECUTION_ENV` set and `POWERTOOLS_TRACE_ENABLED` not `false`).
 */
import { createHandler } from 'gantry';
import { ItemsController } from './shared/items-controller.js';

export const handler = createHandler({ controllers: [ItemsController], service: 'bench' });
