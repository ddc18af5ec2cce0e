/**
 * GantryHttpApi: an HTTP API whose `$default` route proxies every request to the function
 * (payload 2.0), on an auto-deployed `$default` stage with JSON access logs in their own log
 * group and throttling, invocable by this API only.
 */
import { TerraformOutput } from 'cdktf';
import { beforeAll, describe, expect, it } from 'vitest';
import { GantryHttpApi } from '../../../../infra/api/http-api.js';
import {
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

describe('GantryHttpApi with defaults', () => {
  let json: TerraformJson;

  beforeAll(() => {
    const { stack } = awsStack();
    const fn = pingFunction(stack, tempDir());
    const api = new GantryHttpApi(stack, 'api', { function: fn });
    new TerraformOutput(stack, 'url', { value: api.url });
    json = synthJson(stack);
  });

  it('is an HTTP API named for the service, without CORS', () => {
    // Assert
    expect(onlyResource(json, 'aws_apigatewayv2_api')).toEqual({
      name: 'orders',
      protocol_type: 'HTTP',
    });
  });

  it('sends every request to the function through a $default proxy route with payload 2.0', () => {
    // Assert
    const apiId = ref(json, 'aws_apigatewayv2_api', 'id');
    expect(onlyResource(json, 'aws_apigatewayv2_integration')).toEqual({
      api_id: apiId,
      integration_type: 'AWS_PROXY',
      integration_uri: ref(json, 'aws_lambda_function', 'invoke_arn'),
      payload_format_version: '2.0',
    });
    expect(onlyResource(json, 'aws_apigatewayv2_route')).toEqual({
      api_id: apiId,
      route_key: '$default',
      target: `integrations/${ref(json, 'aws_apigatewayv2_integration', 'id')}`,
    });
  });

  it('serves on an auto-deployed $default stage, whose URL is the construct URL', () => {
    // Assert
    const stage = onlyResource(json, 'aws_apigatewayv2_stage');
    expect(stage).toMatchObject({
      api_id: ref(json, 'aws_apigatewayv2_api', 'id'),
      name: '$default',
      auto_deploy: true,
    });
    expect(json.output?.url?.value).toBe(ref(json, 'aws_apigatewayv2_stage', 'invoke_url'));
  });

  it('writes JSON access logs with the request id and route into their own log group, kept 30 days', () => {
    // Assert
    const groups = resourcesOf(json, 'aws_cloudwatch_log_group');
    const [accessName, accessGroup] = Object.entries(groups).find(
      ([, group]) => group.name === '/aws/apigateway/orders/access',
    ) ?? ['', {}];
    expect(accessGroup).toEqual({ name: '/aws/apigateway/orders/access', retention_in_days: 30 });
    const settings = onlyResource(json, 'aws_apigatewayv2_stage').access_log_settings;
    expect(settings.destination_arn).toBe(`\${aws_cloudwatch_log_group.${accessName}.arn}`);
    expect(JSON.parse(settings.format)).toMatchObject({
      requestId: '$context.requestId',
      routeKey: '$context.routeKey',
      status: '$context.status',
      integrationError: '$context.integrationErrorMessage',
    });
  });

  it('throttles every route at 1000 requests per second with bursts of 500', () => {
    // Assert
    expect(onlyResource(json, 'aws_apigatewayv2_stage').default_route_settings).toEqual({
      throttling_rate_limit: 1000,
      throttling_burst_limit: 500,
    });
  });

  it('lets only this API invoke the function', () => {
    // Assert
    expect(onlyResource(json, 'aws_lambda_permission')).toEqual({
      statement_id: 'AllowHttpApiInvoke',
      action: 'lambda:InvokeFunction',
      function_name: ref(json, 'aws_lambda_function', 'function_name'),
      principal: 'apigateway.amazonaws.com',
      source_arn: `${ref(json, 'aws_apigatewayv2_api', 'execution_arn')}/*/*`,
    });
  });
});

describe('GantryHttpApi with options', () => {
  let json: TerraformJson;

  beforeAll(() => {
    const { stack } = awsStack();
    const fn = pingFunction(stack, tempDir());
    new GantryHttpApi(stack, 'api', {
      function: fn,
      name: 'orders-public',
      throttling: { rateLimit: 50 },
      logRetentionDays: 7,
      cors: {
        allowOrigins: ['https://shop.example.com'],
        allowMethods: ['GET', 'POST'],
        allowHeaders: ['content-type'],
        exposeHeaders: ['x-correlation-id'],
        allowCredentials: true,
        maxAge: 600,
      },
    });
    json = synthJson(stack);
  });

  it('takes the given name for the API and its access log group', () => {
    // Assert
    expect(onlyResource(json, 'aws_apigatewayv2_api').name).toBe('orders-public');
    expect(Object.values(resourcesOf(json, 'aws_cloudwatch_log_group'))).toContainEqual({
      name: '/aws/apigateway/orders-public/access',
      retention_in_days: 7,
    });
  });

  it('applies the given rate and keeps the default burst', () => {
    // Assert
    expect(onlyResource(json, 'aws_apigatewayv2_stage').default_route_settings).toEqual({
      throttling_rate_limit: 50,
      throttling_burst_limit: 500,
    });
  });

  it('answers CORS preflights as configured', () => {
    // Assert
    expect(onlyResource(json, 'aws_apigatewayv2_api').cors_configuration).toEqual({
      allow_origins: ['https://shop.example.com'],
      allow_methods: ['GET', 'POST'],
      allow_headers: ['content-type'],
      expose_headers: ['x-correlation-id'],
      allow_credentials: true,
      max_age: 600,
    });
  });
});
