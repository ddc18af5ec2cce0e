/**
 * What the Lambda runtime of a Managed Instance does for concurrent invocations in one process:
 * `AWS_LAMBDA_MAX_CONCURRENCY` in the environment, the invocation store
 * (`@aws/lambda-invoke-store`, one context per invocation) installed before the handler's module
 * loads, and every invocation run inside a context of its own holding its request id and trace
 * id, where Powertools keeps per-invocation state.
 */
import { InvokeStore, InvokeStoreBase } from '@aws/lambda-invoke-store';
import type { InvocationScope } from './invoke-concurrently.js';

/**
 * The environment a Managed Instance gives the function, beside the usual Lambda variables.
 *
 * @example
 * ```ts
 * spawn(process.execPath, [worker], { env: { ...lambdaEnv(), ...managedInstanceEnv(1_000) } });
 * ```
 */
export function managedInstanceEnv(maxConcurrency: number): Record<string, string> {
  return {
    AWS_LAMBDA_MAX_CONCURRENCY: String(maxConcurrency),
    AWS_LAMBDA_INITIALIZATION_TYPE: 'lambda-managed-instances',
  };
}

/**
 * Installs the invocation store (call it before importing the handler's module) and gives the
 * scope every invocation runs in.
 *
 * @example
 * ```ts
 * const scope = await managedInstanceScope();
 * const { handler } = await import('./apps/gantry-full.js');
 * await invokeConcurrently(handler, plan, { scope });
 * ```
 */
export async function managedInstanceScope(): Promise<InvocationScope> {
  const store = await InvokeStore.getInstanceAsync(true);
  const keys = InvokeStoreBase.PROTECTED_KEYS;
  return (request, invoke) =>
    store.run(
      { [keys.REQUEST_ID]: request.awsRequestId, [keys.X_RAY_TRACE_ID]: request.traceId },
      invoke,
    );
}
