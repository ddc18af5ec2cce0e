/**
 * GantryFunction: the bundled handler zipped at synth time, Node 22 on arm64, the Powertools
 * environment, JSON logs into its own log group with a retention, active X-Ray tracing, and a role
 * with only what it needs.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { DEFAULT_NAMESPACE, LOG_KEYS, LOG_MESSAGES } from 'gantry';
import { beforeAll, describe, expect, it } from 'vitest';
import { GantryFunction } from '../../../../infra/function/gantry-function.js';
import { apigwV2Event } from '../../../support/events.js';
import { runBundle } from '../../support/run-bundle.js';
import {
  addressOf,
  awsStack,
  onlyResource,
  PING_HANDLER,
  ref,
  resourcesOf,
  synthJson,
  synthToDisk,
  type TerraformBlock,
  type TerraformJson,
  tempDirs,
} from '../../support/synth.js';
import { readZip } from './zip.js';

const tempDir = tempDirs();

const sha256 = (data: Buffer | undefined) =>
  data && createHash('sha256').update(data).digest('hex');

function policyOf(json: TerraformJson) {
  return JSON.parse(onlyResource(json, 'aws_iam_role_policy').policy);
}

describe('GantryFunction with defaults', () => {
  let json: TerraformJson;
  let lambda: TerraformBlock;

  beforeAll(() => {
    const { stack } = awsStack();
    new GantryFunction(stack, 'function', {
      entry: PING_HANDLER,
      service: 'orders',
      bundleDir: join(tempDir(), 'bundle'),
    });
    json = synthJson(stack);
    lambda = onlyResource(json, 'aws_lambda_function');
  });

  it('runs Node 22 on arm64 with 1024 MB, 10 s and no reserved concurrency, named for the service', () => {
    // Assert
    expect(lambda).toMatchObject({
      function_name: 'orders',
      runtime: 'nodejs22.x',
      architectures: ['arm64'],
      handler: 'index.handler',
      memory_size: 1024,
      timeout: 10,
    });
    expect(lambda).not.toHaveProperty('reserved_concurrent_executions');
  });

  it('gives Powertools its service name, metrics namespace and log level, and enables source maps', () => {
    // Assert
    expect(lambda.environment.variables).toEqual({
      POWERTOOLS_SERVICE_NAME: 'orders',
      POWERTOOLS_METRICS_NAMESPACE: DEFAULT_NAMESPACE,
      POWERTOOLS_LOG_LEVEL: 'INFO',
      NODE_OPTIONS: '--enable-source-maps',
    });
  });

  it('logs JSON into its own log group, which keeps events 30 days and exists before the function', () => {
    // Assert
    expect(onlyResource(json, 'aws_cloudwatch_log_group')).toEqual({
      name: '/aws/lambda/orders',
      retention_in_days: 30,
    });
    expect(lambda.logging_config).toEqual({
      log_format: 'JSON',
      log_group: ref(json, 'aws_cloudwatch_log_group', 'name'),
      application_log_level: 'INFO',
      system_log_level: 'WARN',
    });
    expect(lambda.depends_on).toEqual([addressOf(json, 'aws_cloudwatch_log_group')]);
  });

  it('traces actively with X-Ray', () => {
    // Assert
    expect(lambda.tracing_config).toEqual({ mode: 'Active' });
    expect(lambda.environment.variables).not.toHaveProperty('POWERTOOLS_TRACE_ENABLED');
  });

  it('runs as a role that only Lambda can assume', () => {
    // Assert
    const role = onlyResource(json, 'aws_iam_role');
    expect(role.name).toBe('orders-function');
    expect(JSON.parse(role.assume_role_policy)).toEqual({
      Version: '2012-10-17',
      Statement: [
        {
          Effect: 'Allow',
          Principal: { Service: 'lambda.amazonaws.com' },
          Action: 'sts:AssumeRole',
        },
      ],
    });
    expect(lambda.role).toBe(ref(json, 'aws_iam_role', 'arn'));
  });

  it('may write to its own log group and send traces, and nothing else', () => {
    // Assert
    expect(onlyResource(json, 'aws_iam_role_policy').role).toBe(ref(json, 'aws_iam_role', 'id'));
    expect(policyOf(json).Statement).toEqual([
      {
        Effect: 'Allow',
        Action: ['logs:CreateLogStream', 'logs:PutLogEvents'],
        Resource: `${ref(json, 'aws_cloudwatch_log_group', 'arn')}:*`,
      },
      {
        Effect: 'Allow',
        Action: ['xray:PutTraceSegments', 'xray:PutTelemetryRecords'],
        Resource: '*',
      },
    ]);
    expect(resourcesOf(json, 'aws_iam_role_policy_attachment')).toEqual({});
    expect(resourcesOf(json, 'aws_iam_policy')).toEqual({});
  });

  it('deploys the zipped bundle, keyed by its content hash', () => {
    // Assert
    expect(lambda.filename).toMatch(
      /^assets\/function_code_[0-9A-F]{8}\/[0-9A-F]{32}\/archive\.zip$/,
    );
    expect(lambda.source_code_hash).toBe(`\${filebase64sha256("${lambda.filename}")}`);
  });
});

describe('GantryFunction with every option', () => {
  let json: TerraformJson;
  let lambda: TerraformBlock;

  beforeAll(() => {
    const { stack } = awsStack();
    new GantryFunction(stack, 'function', {
      entry: PING_HANDLER,
      service: 'orders',
      functionName: 'orders-api',
      memorySize: 512,
      timeout: 30,
      reservedConcurrency: 5,
      architecture: 'x86_64',
      runtime: 'nodejs20.x',
      logLevel: 'DEBUG',
      logRetentionDays: 7,
      namespace: 'Shop',
      environment: { TABLE_NAME: 'orders' },
      tracing: false,
      policyStatements: [
        {
          actions: ['dynamodb:GetItem', 'dynamodb:PutItem'],
          resources: ['arn:aws:dynamodb:us-east-1:123456789012:table/orders'],
        },
      ],
      bundleDir: join(tempDir(), 'bundle'),
    });
    json = synthJson(stack);
    lambda = onlyResource(json, 'aws_lambda_function');
  });

  it('takes the given name, memory, timeout, reserved concurrency, architecture and runtime', () => {
    // Assert
    expect(lambda).toMatchObject({
      function_name: 'orders-api',
      memory_size: 512,
      timeout: 30,
      reserved_concurrent_executions: 5,
      architectures: ['x86_64'],
      runtime: 'nodejs20.x',
    });
  });

  it('names its log group and role after the function, and keeps logs the given number of days', () => {
    // Assert
    expect(onlyResource(json, 'aws_cloudwatch_log_group')).toEqual({
      name: '/aws/lambda/orders-api',
      retention_in_days: 7,
    });
    expect(onlyResource(json, 'aws_iam_role').name).toBe('orders-api-function');
  });

  it('keeps the service name for Powertools and applies the namespace, log level and extra variables', () => {
    // Assert
    expect(lambda.environment.variables).toMatchObject({
      POWERTOOLS_SERVICE_NAME: 'orders',
      POWERTOOLS_METRICS_NAMESPACE: 'Shop',
      POWERTOOLS_LOG_LEVEL: 'DEBUG',
      TABLE_NAME: 'orders',
    });
    expect(lambda.logging_config.application_log_level).toBe('DEBUG');
  });

  it('without tracing: passes traces through, drops the X-Ray permissions and turns the Tracer off', () => {
    // Assert
    expect(lambda.tracing_config).toEqual({ mode: 'PassThrough' });
    expect(lambda.environment.variables.POWERTOOLS_TRACE_ENABLED).toBe('false');
    const actions = policyOf(json).Statement.flatMap((statement: { Action: string[] }) =>
      statement.Action.filter((action) => action.startsWith('xray:')),
    );
    expect(actions).toEqual([]);
  });

  it('adds each policy statement as an Allow after the logging permissions', () => {
    // Assert
    expect(policyOf(json).Statement).toEqual([
      expect.objectContaining({ Action: ['logs:CreateLogStream', 'logs:PutLogEvents'] }),
      {
        Effect: 'Allow',
        Action: ['dynamodb:GetItem', 'dynamodb:PutItem'],
        Resource: ['arn:aws:dynamodb:us-east-1:123456789012:table/orders'],
      },
    ]);
  });
});

describe('GantryFunction asset', () => {
  let stackDir: string;
  let lambda: TerraformBlock;
  let bundleDir: string;

  beforeAll(() => {
    const { app, stack } = awsStack('items');
    bundleDir = join(tempDir(), 'bundle');
    new GantryFunction(stack, 'function', {
      entry: 'examples/items/handler.ts',
      service: 'items',
      bundleDir,
    });
    const synth = synthToDisk(app, 'items');
    stackDir = synth.dir;
    lambda = onlyResource(synth.json, 'aws_lambda_function');
  });

  it('is zipped at synth time next to the stack, holding exactly the bundle, its chunks and source maps', () => {
    // Prepare
    const built = readdirSync(bundleDir, { recursive: true, encoding: 'utf8' })
      .filter((name) => name.includes('.'))
      .sort();

    // Act
    const files = readZip(join(stackDir, lambda.filename));

    // Assert
    expect([...files.keys()].sort()).toEqual(built);
    expect(built).toEqual(expect.arrayContaining(['index.mjs', 'index.mjs.map']));
    // The X-Ray Tracer, loaded on demand, is a chunk of its own.
    expect(built.filter((name) => /^chunks\/.+\.mjs$/.test(name)).length).toBeGreaterThan(0);
    for (const name of built) {
      expect(sha256(files.get(name))).toBe(sha256(readFileSync(join(bundleDir, name))));
    }
  });

  it('holds a handler that answers an API Gateway request with 200 and its access log', async () => {
    // Prepare
    const unzipped = tempDir('unzipped');
    for (const [name, data] of readZip(join(stackDir, lambda.filename))) {
      mkdirSync(dirname(join(unzipped, name)), { recursive: true });
      writeFileSync(join(unzipped, name), data);
    }

    // Act
    const run = await runBundle(unzipped, lambda.environment.variables, [
      apigwV2Event({ path: '/items' }),
    ]);

    // Assert
    const [answer] = run.answers as { statusCode: number; body: string }[];
    expect(answer?.statusCode).toBe(200);
    expect(JSON.parse(answer?.body ?? '')).toEqual({ items: [] });
    expect(run.documents).toContainEqual(
      expect.objectContaining({
        message: LOG_MESSAGES.access,
        service: 'items',
        [LOG_KEYS.route]: 'GET /items',
        [LOG_KEYS.status]: 200,
      }),
    );
  });
});

describe('GantryFunction content hash', () => {
  // Each handler in its own directory, laid out alike, so only its source tells the bundles apart.
  function assetPathFor(source: string): string {
    const dir = tempDir('hash');
    mkdirSync(join(dir, 'src'));
    writeFileSync(join(dir, 'src', 'handler.ts'), source);
    const { stack } = awsStack();
    new GantryFunction(stack, 'function', {
      entry: join(dir, 'src', 'handler.ts'),
      service: 'hash',
      bundleDir: join(dir, 'bundle'),
    });
    return onlyResource(synthJson(stack), 'aws_lambda_function').filename;
  }
  const v1 = 'export const handler = async () => ({ statusCode: 200, body: "v1" });';
  const v2 = 'export const handler = async () => ({ statusCode: 200, body: "v2" });';

  it('stays the same when the handler source does not change', () => {
    // Act
    const first = assetPathFor(v1);
    const second = assetPathFor(v1);

    // Assert
    expect(second).toBe(first);
  });

  it('changes when the handler source changes', () => {
    // Act
    const before = assetPathFor(v1);
    const after = assetPathFor(v2);

    // Assert
    expect(after).not.toBe(before);
    expect(after.split('/').slice(0, 2)).toEqual(before.split('/').slice(0, 2));
  });
});
