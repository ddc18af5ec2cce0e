/**
 * The environment of a benchmark process, as Lambda sets it: nothing of the harness's own
 * environment leaks in. Tracing rows add what an active-tracing function sees.
 */
import { randomBytes } from 'node:crypto';

/** Where the X-Ray daemon of a tracing row listens, and the function's code directory. */
export interface TracingEnv {
  readonly daemonPort: number;
  /** `LAMBDA_TASK_ROOT`: the directory the handler was loaded from. */
  readonly taskRoot: string;
}

/**
 * A Lambda-like environment. Without `tracing`: `POWERTOOLS_TRACE_ENABLED=false` and no
 * `AWS_EXECUTION_ENV`, so no variant traces. With it: `AWS_EXECUTION_ENV`, `LAMBDA_TASK_ROOT`, a
 * sampled `_X_AMZN_TRACE_ID` and `AWS_XRAY_DAEMON_ADDRESS` on loopback.
 *
 * @example
 * ```ts
 * spawn(process.execPath, [script], { env: lambdaEnv({ daemonPort: 2000, taskRoot: dir }) });
 * ```
 */
export function lambdaEnv(tracing?: TracingEnv): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    LANG: 'en_US.UTF-8',
    TZ: ':UTC',
    AWS_REGION: 'us-east-1',
    AWS_DEFAULT_REGION: 'us-east-1',
    AWS_LAMBDA_FUNCTION_NAME: 'bench',
    AWS_LAMBDA_FUNCTION_VERSION: '$LATEST',
    AWS_LAMBDA_FUNCTION_MEMORY_SIZE: '1024',
    AWS_LAMBDA_INITIALIZATION_TYPE: 'on-demand',
    AWS_LAMBDA_LOG_GROUP_NAME: '/aws/lambda/bench',
    AWS_LAMBDA_LOG_STREAM_NAME: '2025/01/01/[$LATEST]0123456789abcdef',
    POWERTOOLS_SERVICE_NAME: 'bench',
    POWERTOOLS_METRICS_NAMESPACE: 'GantryBench',
    POWERTOOLS_LOG_LEVEL: 'INFO',
  };
  if (!tracing) return { ...env, POWERTOOLS_TRACE_ENABLED: 'false' };
  const daemon = `127.0.0.1:${tracing.daemonPort}`;
  return {
    ...env,
    AWS_EXECUTION_ENV: 'AWS_Lambda_nodejs22.x',
    LAMBDA_TASK_ROOT: tracing.taskRoot,
    _X_AMZN_TRACE_ID: traceHeader(0),
    AWS_XRAY_DAEMON_ADDRESS: daemon,
    _AWS_XRAY_DAEMON_ADDRESS: '127.0.0.1',
    _AWS_XRAY_DAEMON_PORT: String(tracing.daemonPort),
    AWS_XRAY_CONTEXT_MISSING: 'LOG_ERROR',
  };
}

const EPOCH = Math.floor(Date.now() / 1000)
  .toString(16)
  .padStart(8, '0');
const PARENT = randomBytes(8).toString('hex');

/**
 * The `_X_AMZN_TRACE_ID` of invocation `n`: a sampled trace of its own, as Lambda gives each
 * invocation of an active-tracing function.
 *
 * @example
 * ```ts
 * traceHeader(7); // 'Root=1-65f0a1b2-000000000000000000000007;Parent=…;Sampled=1'
 * ```
 */
export function traceHeader(n: number): string {
  return `Root=1-${EPOCH}-${n.toString(16).padStart(24, '0')};Parent=${PARENT};Sampled=1`;
}
