/**
 * Calls a Gantry handler the way API Gateway HTTP API (v2) does, and reads its answer.
 */
import {
  type ControllerInput,
  createHandler,
  type GantryHandler,
  type HandlerOptions,
} from 'gantry';
import { createLambdaContext } from 'gantry/dev';
import { apigwV2Event, type RequestSpec } from '../../support/events.js';

/** An HTTP API (payload 2.0) answer. */
export interface HttpApiAnswer {
  statusCode: number;
  headers: Record<string, string>;
  cookies?: string[];
  body: string;
  isBase64Encoded: boolean;
}

/** A handler for `controllers` without the observability chain (no output), unless overridden. */
export function handlerFor(
  controllers: readonly ControllerInput[],
  options: Partial<HandlerOptions> = {},
): GantryHandler {
  return createHandler({ controllers, service: 'test', observability: false, ...options });
}

/** Sends one HTTP API request to a handler. */
export async function invoke(
  handler: GantryHandler,
  spec: RequestSpec = {},
): Promise<HttpApiAnswer> {
  const context = createLambdaContext({ requestId: spec.requestId ?? 'test-request-id' });
  return (await handler(apigwV2Event(spec), context)) as HttpApiAnswer;
}

/** The answer's body parsed as JSON. */
// biome-ignore lint/suspicious/noExplicitAny: tests read arbitrary JSON bodies.
export function jsonOf(answer: HttpApiAnswer): any {
  return JSON.parse(answer.body);
}

/** The answer's body as bytes, whichever way it was encoded. */
export function bytesOf(answer: HttpApiAnswer): Buffer {
  return Buffer.from(answer.body, answer.isBase64Encoded ? 'base64' : 'utf8');
}

export { captureConsoleError } from '../../support/console.js';
