/**
 * A Lambda `context` for local runs: the fields the Lambda runtime gives a handler.
 */
import type { Context } from 'aws-lambda';

/** What a local context is built from. */
export interface LocalContextOptions {
  requestId: string;
  functionName?: string;
  memoryMb?: number;
  timeoutMs?: number;
  region?: string;
}

/**
 * Builds a Lambda context for one local invocation.
 *
 * @example
 * ```ts
 * const context = createLambdaContext({ requestId: randomUUID(), functionName: 'items' });
 * context.getRemainingTimeInMillis(); // ~30000
 * ```
 */
export function createLambdaContext(options: LocalContextOptions): Context {
  const functionName = options.functionName ?? 'gantry-local';
  const region = options.region ?? process.env.AWS_REGION ?? 'us-east-1';
  const deadline = Date.now() + (options.timeoutMs ?? 30_000);
  const unsupported = (): never => {
    throw new Error(
      'context.done/fail/succeed are not supported: return or throw from the handler',
    );
  };
  return {
    callbackWaitsForEmptyEventLoop: true,
    functionName,
    functionVersion: '$LATEST',
    invokedFunctionArn: `arn:aws:lambda:${region}:000000000000:function:${functionName}`,
    memoryLimitInMB: String(options.memoryMb ?? 1024),
    awsRequestId: options.requestId,
    logGroupName: `/aws/lambda/${functionName}`,
    logStreamName: 'local',
    getRemainingTimeInMillis: () => Math.max(0, deadline - Date.now()),
    done: unsupported,
    fail: unsupported,
    succeed: unsupported,
  };
}
