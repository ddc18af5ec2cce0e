/**
 * The Lambda function of a Gantry service: the bundled handler, its log group, its role (only
 * what it needs) and active X-Ray tracing, with the Powertools environment.
 */
import { IamRole } from '@cdktf/provider-aws/lib/iam-role/index.js';
import { IamRolePolicy } from '@cdktf/provider-aws/lib/iam-role-policy/index.js';
import { LambdaFunction } from '@cdktf/provider-aws/lib/lambda-function/index.js';
import { AssetType, Fn, TerraformAsset } from 'cdktf';
import { Construct } from 'constructs';
import { DEFAULT_NAMESPACE } from 'gantry';
import { logGroup } from '../log-group.js';
import { bundleHandler } from './bundle.js';

/** An IAM policy statement to add to the function's role. */
export interface PolicyStatement {
  actions: string[];
  resources: string[];
}

/** Options of {@link GantryFunction}. */
export interface GantryFunctionProps {
  /** The handler module (exporting `handler`), e.g. `examples/items/handler.ts`. */
  entry: string;
  /** Service name: Powertools' service on logs, metrics and traces. */
  service: string;
  /** Default: the service name. */
  functionName?: string;
  /** MB. Default 1024 (more memory is more CPU: faster cold starts). */
  memorySize?: number;
  /** Seconds. Default 10. */
  timeout?: number;
  /** Reserved concurrency. Default: none (the account's pool). */
  reservedConcurrency?: number;
  /** Default `arm64`. */
  architecture?: 'arm64' | 'x86_64';
  /** Default `nodejs22.x`. */
  runtime?: 'nodejs22.x' | 'nodejs20.x';
  /** Powertools and Lambda application log level. Default `INFO`. */
  logLevel?: 'TRACE' | 'DEBUG' | 'INFO' | 'WARN' | 'ERROR';
  /** Default 30 days. */
  logRetentionDays?: number;
  /** Metrics namespace. Default `Gantry`. */
  namespace?: string;
  /** Extra environment variables. */
  environment?: Record<string, string>;
  /** Active X-Ray tracing. Default true. Off: no X-Ray permissions and no Tracer in the runtime. */
  tracing?: boolean;
  /** Permissions beyond logging and tracing, for what your handler calls. */
  policyStatements?: PolicyStatement[];
  /** Where the bundle is built. Default `.gantry/bundles/<construct path>`, one per function. */
  bundleDir?: string;
}

const ASSUME_LAMBDA = {
  Version: '2012-10-17',
  Statement: [
    { Effect: 'Allow', Principal: { Service: 'lambda.amazonaws.com' }, Action: 'sts:AssumeRole' },
  ],
};

/**
 * A Gantry service's Lambda function.
 *
 * @example
 * ```ts
 * const fn = new GantryFunction(this, 'function', { entry: 'examples/items/handler.ts', service: 'items' });
 * new GantryHttpApi(this, 'api', { function: fn });
 * ```
 */
export class GantryFunction extends Construct {
  readonly function: LambdaFunction;
  readonly role: IamRole;
  readonly logGroupName: string;
  readonly service: string;
  readonly namespace: string;

  constructor(scope: Construct, id: string, props: GantryFunctionProps) {
    super(scope, id);
    const name = props.functionName ?? props.service;
    const logLevel = props.logLevel ?? 'INFO';
    const tracing = props.tracing !== false;
    this.service = props.service;
    this.namespace = props.namespace ?? DEFAULT_NAMESPACE;

    const logs = logGroup(this, 'logs', `/aws/lambda/${name}`, props.logRetentionDays);
    this.logGroupName = logs.name;
    this.role = new IamRole(this, 'role', {
      name: `${name}-function`,
      assumeRolePolicy: JSON.stringify(ASSUME_LAMBDA),
    });
    new IamRolePolicy(this, 'policy', {
      name: 'logs-and-traces',
      role: this.role.id,
      policy: JSON.stringify({
        Version: '2012-10-17',
        Statement: [
          {
            Effect: 'Allow',
            Action: ['logs:CreateLogStream', 'logs:PutLogEvents'],
            Resource: `${logs.arn}:*`,
          },
          // X-Ray has no resource-level permissions: AWS requires "*" here.
          ...(tracing
            ? [
                {
                  Effect: 'Allow',
                  Action: ['xray:PutTraceSegments', 'xray:PutTelemetryRecords'],
                  Resource: '*',
                },
              ]
            : []),
          ...(props.policyStatements ?? []).map((statement) => ({
            Effect: 'Allow',
            Action: statement.actions,
            Resource: statement.resources,
          })),
        ],
      }),
    });

    const bundle = bundleHandler(
      props.entry,
      props.bundleDir ?? `.gantry/bundles/${this.node.path.replace(/[^\w-]+/g, '_')}`,
    );
    const asset = new TerraformAsset(this, 'code', { path: bundle, type: AssetType.ARCHIVE });
    this.function = new LambdaFunction(this, 'function', {
      functionName: name,
      role: this.role.arn,
      runtime: props.runtime ?? 'nodejs22.x',
      architectures: [props.architecture ?? 'arm64'],
      handler: 'index.handler',
      filename: asset.path,
      sourceCodeHash: Fn.filebase64sha256(asset.path),
      memorySize: props.memorySize ?? 1024,
      timeout: props.timeout ?? 10,
      reservedConcurrentExecutions: props.reservedConcurrency,
      environment: {
        variables: {
          POWERTOOLS_SERVICE_NAME: props.service,
          POWERTOOLS_METRICS_NAMESPACE: this.namespace,
          POWERTOOLS_LOG_LEVEL: logLevel,
          NODE_OPTIONS: '--enable-source-maps',
          // Without active tracing the runtime never loads the Tracer (nor needs X-Ray rights).
          ...(tracing ? {} : { POWERTOOLS_TRACE_ENABLED: 'false' }),
          ...props.environment,
        },
      },
      loggingConfig: {
        logFormat: 'JSON',
        logGroup: logs.name,
        applicationLogLevel: logLevel,
        systemLogLevel: 'WARN',
      },
      tracingConfig: { mode: tracing ? 'Active' : 'PassThrough' },
      dependsOn: [logs],
    });
  }
}
