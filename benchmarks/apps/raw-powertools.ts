/**
 * The floor with Powertools observability added by hand: the raw handler wrapped in Middy with
 * Powertools' own middlewares, and inside it what Gantry emits per request (a correlation id on
 * the logger, one access line, the four route metrics).
 */
import type { Context } from 'aws-lambda';
import { type RawExchange, serve } from './raw.js';
import {
  appendCorrelationId,
  createPowertools,
  recordRequest,
  withPowertools,
} from './shared/powertools-observability.js';

const powertools = createPowertools('bench');

/** A request header, whatever the case of its name, from a single- or multi-value map. */
function header(event: unknown, name: string): string | undefined {
  const { headers, multiValueHeaders } = event as {
    headers?: Record<string, string | undefined> | null;
    multiValueHeaders?: Record<string, string[] | undefined> | null;
  };
  for (const [key, value] of Object.entries(headers ?? {}))
    if (key.toLowerCase() === name) return value;
  for (const [key, values] of Object.entries(multiValueHeaders ?? {}))
    if (key.toLowerCase() === name) return values?.join(', ');
  return undefined;
}

async function handle(event: unknown, context: Context): Promise<RawExchange['result']> {
  const start = performance.now();
  const requestId = (event as { requestContext?: { requestId?: string } }).requestContext
    ?.requestId;
  appendCorrelationId(powertools, header(event, 'x-correlation-id'), requestId, context);
  const exchange = serve(event);
  recordRequest(powertools, { ...exchange, durationMs: performance.now() - start });
  return exchange.result;
}

export const handler = withPowertools(handle, powertools);
