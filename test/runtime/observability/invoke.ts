/**
 * Sends events to a handler as the Lambda runtime would, one invocation at a time, and reads
 * what the observability tests look at in the output.
 */
import { type GantryHandler, LOG_MESSAGES } from 'gantry';
import { createLambdaContext } from 'gantry/dev';
import { apigwV2Event, type RequestSpec } from '../../support/events.js';
import type { Captured, EmfDocument } from '../../support/output.js';

/** The fields of an HTTP API (payload 2.0) answer the tests read. */
export interface Answer {
  statusCode: number;
  headers: Record<string, string>;
  body: string;
}

/** Invokes a handler with any event and a fresh Lambda context. */
export async function invokeEvent(
  handler: GantryHandler,
  event: unknown,
  requestId = 'lambda-request-id',
): Promise<Answer> {
  const context = createLambdaContext({ requestId, functionName: 'probe-function' });
  return (await handler(event, context)) as Answer;
}

/** Sends an HTTP API (v2) request. */
export function invoke(
  handler: GantryHandler,
  spec: RequestSpec,
  requestId?: string,
): Promise<Answer> {
  return invokeEvent(handler, apigwV2Event(spec), requestId);
}

/** Structured log lines with a given message. */
export function linesWith(output: Captured, message: string): Record<string, unknown>[] {
  return output.logs().filter((line) => line.message === message);
}

/** The access lines (`request completed`). */
export function accessLines(output: Captured): Record<string, unknown>[] {
  return linesWith(output, LOG_MESSAGES.access);
}

/** EMF documents of route metrics (those holding `Requests`). */
export function routeDocuments(output: Captured): EmfDocument[] {
  return output.emf().filter((doc) => 'Requests' in doc);
}

/** EMF documents of cold starts (those holding `ColdStart`). */
export function coldStartDocuments(output: Captured): EmfDocument[] {
  return output.emf().filter((doc) => 'ColdStart' in doc);
}

/** Everything written to stdout and stderr, one string per line, JSON re-serialised. */
export function allOutput(output: Captured): string[] {
  return [...output.documents.map((doc) => JSON.stringify(doc)), ...output.text];
}
