/**
 * Sends one fuzz case through the handler, as Lambda would, and gathers what the properties
 * judge: the event, the answer or rejection, the output documents and the duration.
 */
import type { GantryHandler } from 'gantry';
import { createLambdaContext } from 'gantry/dev';
import type { Captured } from '../support/output.js';
import { eventOf } from './apply-mutation.js';
import { detectedFormats, type ResultFormat } from './detected-format.js';
import type { FuzzCase } from './event-mutations.js';
import type { FuzzSource } from './fuzz-sources.js';
import type { PrototypeGuard } from './prototype-guard.js';

/** What one invocation of a fuzz case did. */
export interface Outcome {
  event: unknown;
  /** The formats the event's identifying keys call for (empty: no source's event). */
  formats: ResultFormat[];
  answered: boolean;
  answer: unknown;
  /** The rejection, when the handler's promise rejected. */
  error: unknown;
  /** JSON documents written to stdout/stderr during the invocation. */
  documents: Record<string, unknown>[];
  /** What the invocation changed on `Object.prototype` (restored since). */
  prototypeChanges: string[];
  ms: number;
}

let invocations = 0;

/**
 * Builds a fuzz case's event and invokes the handler with it; output is cleared first.
 *
 * @example
 * ```ts
 * const outcome = await invokeCase(handler, source, fuzzCase, output, guard);
 * if (outcome.answered) outcome.answer; // the Lambda result
 * ```
 */
export async function invokeCase(
  handler: GantryHandler,
  source: FuzzSource,
  fuzzCase: FuzzCase,
  output: Captured,
  guard: PrototypeGuard,
): Promise<Outcome> {
  const event = eventOf(source, fuzzCase);
  const formats = detectedFormats(event);
  const context = createLambdaContext({
    requestId: `fuzz-request-${++invocations}`,
    functionName: 'fuzz',
  });
  output.clear();
  const started = performance.now();
  let answered = true;
  let answer: unknown;
  let error: unknown;
  try {
    answer = await handler(event, context);
  } catch (thrown) {
    answered = false;
    error = thrown;
  }
  const ms = performance.now() - started;
  const prototypeChanges = guard.changes();
  const documents = [...output.documents];
  return { event, formats, answered, answer, error, documents, prototypeChanges, ms };
}
