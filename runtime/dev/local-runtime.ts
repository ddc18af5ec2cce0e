/**
 * Invokes a handler the way the Lambda runtime does, so that local runs behave like Lambda:
 * a fresh context per invocation and, because invocations may overlap here as they do on
 * Lambda Managed Instances, each one inside its own invocation store (the `InvokeStore` of the
 * Lambda runtime, where Powertools keeps per-invocation state when `AWS_LAMBDA_MAX_CONCURRENCY`
 * is set).
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { InvokeStore, InvokeStoreBase } from '@aws/lambda-invoke-store';
import type { Context } from 'aws-lambda';
import { createLambdaContext } from './lambda-context.js';

// Installed as soon as `gantry/dev` is imported, before any handler module builds its Powertools
// utilities: with `AWS_LAMBDA_MAX_CONCURRENCY` set they need the store to exist from the start.
const store = await InvokeStore.getInstanceAsync(true);

/** A Lambda handler: what `createHandler` returns, or any `(event, context) => result`. */
export type LambdaHandler = (event: never, context: Context) => unknown;

/** Options of {@link createLocalRuntime}. */
export interface LocalRuntimeOptions {
  functionName?: string;
  memoryMb?: number;
  timeoutMs?: number;
  /** Invocations that may run at once (sets `AWS_LAMBDA_MAX_CONCURRENCY` when unset). Default 64. */
  maxConcurrency?: number;
}

/** Per-invocation overrides. */
export interface InvokeOptions {
  requestId?: string;
  /** An X-Ray trace header (`Root=1-...;Parent=...;Sampled=1`). */
  traceId?: string;
}

/** A handler ready to be invoked locally. */
export interface LocalRuntime {
  invoke(event: unknown, options?: InvokeOptions): Promise<unknown>;
}

/**
 * Prepares a handler for local invocations. Import `gantry/dev` before the handler's module
 * when `AWS_LAMBDA_MAX_CONCURRENCY` is already set.
 *
 * @example
 * ```ts
 * const runtime = await createLocalRuntime(handler, { functionName: 'items' });
 * const result = await runtime.invoke(apiGatewayV2Event);
 * ```
 */
export async function createLocalRuntime(
  handler: LambdaHandler,
  options: LocalRuntimeOptions = {},
): Promise<LocalRuntime> {
  process.env.AWS_LAMBDA_MAX_CONCURRENCY ??= String(options.maxConcurrency ?? 64);
  const keys = InvokeStoreBase.PROTECTED_KEYS;
  return {
    invoke(event, invokeOptions = {}) {
      const requestId = invokeOptions.requestId ?? randomUUID();
      const traceId = invokeOptions.traceId ?? newTraceId();
      const context = createLambdaContext({ ...options, requestId });
      return store.run({ [keys.REQUEST_ID]: requestId, [keys.X_RAY_TRACE_ID]: traceId }, async () =>
        handler(event as never, context),
      );
    },
  };
}

function newTraceId(): string {
  const epoch = Math.floor(Date.now() / 1000).toString(16);
  return `Root=1-${epoch}-${randomBytes(12).toString('hex')};Parent=${randomBytes(8).toString('hex')};Sampled=0`;
}
