/**
 * A Lambda `context` for benchmark invocations: the fields the Lambda runtime gives a handler.
 * Written here rather than taken from `gantry/dev`, whose import installs a global invocation
 * store that would change how Powertools behaves in the benchmark process.
 */
import type { Context } from 'aws-lambda';

/** A fresh context for one invocation of the benchmark function. */
export function lambdaContext(requestId = 'bench-request-id'): Context {
  const unsupported = (): never => {
    throw new Error('context.done/fail/succeed are not supported: return from the handler');
  };
  return {
    callbackWaitsForEmptyEventLoop: true,
    functionName: 'bench',
    functionVersion: '$LATEST',
    invokedFunctionArn: 'arn:aws:lambda:us-east-1:123456789012:function:bench',
    memoryLimitInMB: '1024',
    awsRequestId: requestId,
    logGroupName: '/aws/lambda/bench',
    logStreamName: 'bench',
    getRemainingTimeInMillis: () => 30_000,
    done: unsupported,
    fail: unsupported,
    succeed: unsupported,
  };
}
