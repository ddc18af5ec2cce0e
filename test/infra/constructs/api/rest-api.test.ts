/**
 * GantryRestApi: `ANY` on the root and on `{proxy+}` to the function, a deployment and a stage
 * with X-Ray tracing, JSON access logs, metrics and throttling, invocable by this API only, and
 * (unless turned off) the account's API Gateway logging role.
 */
import { TerraformOutput } from 'cdktf';
import { beforeAll, describe, expect, it } from 'vitest';
import { GantryRestApi } from '../../../../infra/api/rest-api.js';
import {
  addressOf,
  awsStack,
  onlyResource,
  pingFunction,
  ref,
  resourcesOf,
  synthJson,
  type TerraformJson,
  tempDirs,
} from '../../support/synth.js';

const tempDir = tempDirs();

describe('GantryRestApi with defaults', () => {
  let json: TerraformJson;

  beforeAll(() => {
    const { stack } = awsStack();
    const fn = pingFunction(stack, tempDir());
    const api = new GantryRestApi(stack, 'api', { function: fn });
    new TerraformOutput(stack, 'url', { value: api.url });
    json = synthJson(stack);
  });

  it('is a regional REST API named for the service', () => {
    // Assert
    expect(onlyResource(json, 'aws_api_gateway_rest_api')).toEqual({
      name: 'orders',
      endpoint_configuration: { types: ['REGIONAL'] },
    });
  });

  it('routes ANY on the root and on {proxy+} to the function as a Lambda proxy', () => {
    // Assert
    const restApiId = ref(json, 'aws_api_gateway_rest_api', 'id');
    const root = ref(json, 'aws_api_gateway_rest_api', 'root_resource_id');
    expect(onlyResource(json, 'aws_api_gateway_resource')).toEqual({
      rest_api_id: restApiId,
      parent_id: root,
      path_part: '{proxy+}',
    });
    const proxy = ref(json, 'aws_api_gateway_resource', 'id');
    const methods = Object.values(resourcesOf(json, 'aws_api_gateway_method'));
    expect(methods.map((method) => method.resource_id).sort()).toEqual([proxy, root].sort());
    for (const method of methods) {
      expect(method).toMatchObject({ http_method: 'ANY', rest_api_id: restApiId });
    }
    const integrations = Object.values(resourcesOf(json, 'aws_api_gateway_integration'));
    expect(integrations.map((integration) => integration.resource_id).sort()).toEqual(
      [proxy, root].sort(),
    );
    for (const integration of integrations) {
      expect(integration).toMatchObject({
        type: 'AWS_PROXY',
        integration_http_method: 'POST',
        uri: ref(json, 'aws_lambda_function', 'invoke_arn'),
      });
    }
  });

  it('deploys again whenever the routes or their targets change, creating the new deployment first', () => {
    // Assert
    const deployment = onlyResource(json, 'aws_api_gateway_deployment');
    const integrations = Object.keys(resourcesOf(json, 'aws_api_gateway_integration')).map(
      (name) => `aws_api_gateway_integration.${name}`,
    );
    expect(deployment.depends_on.sort()).toEqual(integrations.sort());
    expect(deployment.lifecycle).toEqual({ create_before_destroy: true });
    expect(deployment.triggers.redeployment).toMatch(/^\$\{sha1\(jsonencode\(\[.+\]\)\)\}$/);
    for (const address of [addressOf(json, 'aws_api_gateway_resource'), ...integrations]) {
      expect(deployment.triggers.redeployment).toContain(`${address}.id`);
    }
    for (const address of integrations) {
      expect(deployment.triggers.redeployment).toContain(`${address}.uri`);
    }
  });

  it('serves the deployment on stage "api" with X-Ray tracing, whose URL is the construct URL', () => {
    // Assert
    expect(onlyResource(json, 'aws_api_gateway_stage')).toMatchObject({
      rest_api_id: ref(json, 'aws_api_gateway_rest_api', 'id'),
      deployment_id: ref(json, 'aws_api_gateway_deployment', 'id'),
      stage_name: 'api',
      xray_tracing_enabled: true,
    });
    expect(json.output?.url?.value).toBe(ref(json, 'aws_api_gateway_stage', 'invoke_url'));
  });

  it('writes JSON access logs with the request id and resource path into their own log group', () => {
    // Assert
    const groups = resourcesOf(json, 'aws_cloudwatch_log_group');
    const [accessName, accessGroup] = Object.entries(groups).find(
      ([, group]) => group.name === '/aws/apigateway/orders/access',
    ) ?? ['', {}];
    expect(accessGroup).toEqual({ name: '/aws/apigateway/orders/access', retention_in_days: 30 });
    const settings = onlyResource(json, 'aws_api_gateway_stage').access_log_settings;
    expect(settings.destination_arn).toBe(`\${aws_cloudwatch_log_group.${accessName}.arn}`);
    expect(JSON.parse(settings.format)).toMatchObject({
      requestId: '$context.requestId',
      resourcePath: '$context.resourcePath',
      status: '$context.status',
      xrayTraceId: '$context.xrayTraceId',
    });
  });

  it('sends metrics and throttles every method at 1000 requests per second with bursts of 500', () => {
    // Assert
    expect(onlyResource(json, 'aws_api_gateway_method_settings')).toEqual({
      rest_api_id: ref(json, 'aws_api_gateway_rest_api', 'id'),
      stage_name: ref(json, 'aws_api_gateway_stage', 'stage_name'),
      method_path: '*/*',
      settings: { metrics_enabled: true, throttling_rate_limit: 1000, throttling_burst_limit: 500 },
    });
  });

  it("sets the account's logging role, trusted by API Gateway only, before the stage logs", () => {
    // Assert
    const [roleName, role] = Object.entries(resourcesOf(json, 'aws_iam_role')).find(
      ([, candidate]) => candidate.name === 'orders-apigateway-logs',
    ) ?? ['', { assume_role_policy: '{}' }];
    expect(JSON.parse(role.assume_role_policy).Statement).toEqual([
      {
        Effect: 'Allow',
        Principal: { Service: 'apigateway.amazonaws.com' },
        Action: 'sts:AssumeRole',
      },
    ]);
    expect(onlyResource(json, 'aws_iam_role_policy_attachment')).toEqual({
      role: `\${aws_iam_role.${roleName}.name}`,
      policy_arn: 'arn:aws:iam::aws:policy/service-role/AmazonAPIGatewayPushToCloudWatchLogs',
    });
    expect(onlyResource(json, 'aws_api_gateway_account')).toEqual({
      cloudwatch_role_arn: `\${aws_iam_role.${roleName}.arn}`,
    });
    expect(onlyResource(json, 'aws_api_gateway_stage').depends_on).toEqual([
      addressOf(json, 'aws_api_gateway_account'),
    ]);
  });

  it('lets only this API invoke the function', () => {
    // Assert
    expect(onlyResource(json, 'aws_lambda_permission')).toEqual({
      statement_id: 'AllowRestApiInvoke',
      action: 'lambda:InvokeFunction',
      function_name: ref(json, 'aws_lambda_function', 'function_name'),
      principal: 'apigateway.amazonaws.com',
      source_arn: `${ref(json, 'aws_api_gateway_rest_api', 'execution_arn')}/*/*`,
    });
  });
});

describe('GantryRestApi with options', () => {
  let json: TerraformJson;

  beforeAll(() => {
    const { stack } = awsStack();
    const fn = pingFunction(stack, tempDir());
    new GantryRestApi(stack, 'api', {
      function: fn,
      name: 'orders-v1',
      stageName: 'prod',
      throttling: { rateLimit: 20, burstLimit: 10 },
      logRetentionDays: 90,
      accountLogsRole: false,
    });
    json = synthJson(stack);
  });

  it('takes the given name, stage name and access-log retention', () => {
    // Assert
    expect(onlyResource(json, 'aws_api_gateway_rest_api').name).toBe('orders-v1');
    expect(onlyResource(json, 'aws_api_gateway_stage').stage_name).toBe('prod');
    expect(Object.values(resourcesOf(json, 'aws_cloudwatch_log_group'))).toContainEqual({
      name: '/aws/apigateway/orders-v1/access',
      retention_in_days: 90,
    });
  });

  it('applies the given throttling', () => {
    // Assert
    expect(onlyResource(json, 'aws_api_gateway_method_settings').settings).toEqual({
      metrics_enabled: true,
      throttling_rate_limit: 20,
      throttling_burst_limit: 10,
    });
  });

  it("leaves the account's logging role alone when told something else manages it", () => {
    // Assert
    expect(resourcesOf(json, 'aws_api_gateway_account')).toEqual({});
    expect(resourcesOf(json, 'aws_iam_role_policy_attachment')).toEqual({});
    expect(Object.values(resourcesOf(json, 'aws_iam_role')).map((role) => role.name)).toEqual([
      'orders-function',
    ]);
    expect(onlyResource(json, 'aws_api_gateway_stage')).not.toHaveProperty('depends_on');
  });
});
