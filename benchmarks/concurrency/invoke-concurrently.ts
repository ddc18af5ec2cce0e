/**
 * A burst: every request of a plan invoked at once on one handler, as a Lambda Managed Instance
 * runs concurrent invocations in one process, with what the handler wrote to stdout meanwhile.
 */
import { invokeHandler, type LambdaHandler } from '../app-check.js';
import { lambdaContext } from '../lambda-context.js';
import { type ConcurrentRequest, concurrentEvent } from './concurrent-requests.js';

/** Runs one invocation inside whatever per-invocation scope the runtime gives it. */
export type InvocationScope = (request: ConcurrentRequest, invoke: () => unknown) => unknown;

/** No scope: every invocation shares the process's state (what a runtime without stores does). */
export const UNSCOPED: InvocationScope = (_request, invoke) => invoke();

/** A finished burst. */
export interface Burst {
  /** Per request, in the plan's order: the answer, or `{ rejected }` when the handler threw. */
  readonly answers: readonly unknown[];
  /** Every line written to stdout during the burst. */
  readonly lines: readonly string[];
  /** The most invocations started and not yet settled at one moment. */
  readonly peakInFlight: number;
  /** Invocations that settled in another position than the one they were started in. */
  readonly outOfOrder: number;
  readonly durationMs: number;
}

/** Options of {@link invokeConcurrently}. */
export interface BurstOptions {
  readonly scope?: InvocationScope;
  /** Also write the captured lines to the real stdout (the worker does; tests do not). */
  readonly tee?: boolean;
}

type Write = (chunk: string | Uint8Array, ...rest: unknown[]) => boolean;

/** Captures stdout until `stop()` (writing through when `tee`); gives back whole lines. */
function captureStdout(tee: boolean): { stop: () => string[] } {
  const stdout = process.stdout;
  const original = stdout.write;
  let text = '';
  stdout.write = ((chunk: string | Uint8Array, ...rest: unknown[]) => {
    text += typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8');
    return tee ? (original as Write).apply(stdout, [chunk, ...rest]) : true;
  }) as typeof stdout.write;
  return {
    stop() {
      stdout.write = original;
      return text.split('\n').filter((line) => line.trim() !== '');
    },
  };
}

/**
 * Starts every request of `plan` before any has answered (each with a fresh Lambda context and
 * event, inside `scope`), waits for all, and gives back the answers and the stdout lines.
 *
 * @example
 * ```ts
 * const burst = await invokeConcurrently(handler, plan, { scope: await managedInstanceScope() });
 * checkIsolation(plan, burst, { coldStart: true });
 * ```
 */
export async function invokeConcurrently(
  handler: LambdaHandler,
  plan: readonly ConcurrentRequest[],
  options: BurstOptions = {},
): Promise<Burst> {
  const lines: string[] = [];
  const scope = options.scope ?? UNSCOPED;
  const capture = captureStdout(options.tee ?? false);
  let inFlight = 0;
  let peakInFlight = 0;
  const settled: number[] = [];
  const started = performance.now();
  let results: PromiseSettledResult<unknown>[];
  try {
    const invocations = plan.map((request) => {
      const event = concurrentEvent(request);
      const context = lambdaContext(request.awsRequestId);
      inFlight++;
      peakInFlight = Math.max(peakInFlight, inFlight);
      let answer: Promise<unknown>;
      try {
        answer = Promise.resolve(scope(request, () => invokeHandler(handler, event, context)));
      } catch (error) {
        answer = Promise.reject(error);
      }
      return answer.finally(() => {
        inFlight--;
        settled.push(request.index);
      });
    });
    results = await Promise.allSettled(invocations);
  } finally {
    lines.push(...capture.stop());
  }
  const durationMs = performance.now() - started;
  const answers = results.map((result) =>
    result.status === 'fulfilled' ? result.value : { rejected: String(result.reason) },
  );
  const outOfOrder = settled.filter((index, position) => index !== position).length;
  return { answers, lines, peakInFlight, outOfOrder, durationMs };
}
