/**
 * ServiceStack: the function behind an HTTP API (default), a REST API or no API, optionally a
 * Function URL, with the dashboard and alarms; outputs the API, Function and dashboard URLs.
 */
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { ServiceStack, type ServiceStackProps } from '../../../../infra/stacks/service-stack.js';
import {
  PING_HANDLER,
  ref,
  resourcesOf,
  synthJson,
  type TerraformJson,
  tempDirs,
  testApp,
} from '../../support/synth.js';

const tempDir = tempDirs();

function synthService(props: Omit<ServiceStackProps, 'function'> = {}): TerraformJson {
  const stack = new ServiceStack(testApp(), 'orders', {
    ...props,
    function: { entry: PING_HANDLER, service: 'orders', bundleDir: tempDir() },
  });
  return synthJson(stack);
}

const API_TYPES = {
  http: 'aws_apigatewayv2_api',
  rest: 'aws_api_gateway_rest_api',
};

describe('ServiceStack', () => {
  let http: TerraformJson;
  let rest: TerraformJson;
  let none: TerraformJson;

  beforeAll(() => {
    http = synthService();
    rest = synthService({ api: 'rest' });
    none = synthService({ api: 'none' });
  });

  afterEach(() => {
    vi.unstubAllEnvs();
  });

  it('puts the function behind an HTTP API by default and outputs its URL', () => {
    // Assert
    expect(Object.keys(resourcesOf(http, API_TYPES.http))).toHaveLength(1);
    expect(resourcesOf(http, API_TYPES.rest)).toEqual({});
    expect(http.output?.api_url).toEqual({
      value: ref(http, 'aws_apigatewayv2_stage', 'invoke_url'),
      description: 'The API URL',
    });
  });

  it('puts the function behind a REST API when asked and outputs its URL', () => {
    // Assert
    expect(Object.keys(resourcesOf(rest, API_TYPES.rest))).toHaveLength(1);
    expect(resourcesOf(rest, API_TYPES.http)).toEqual({});
    expect(rest.output?.api_url?.value).toBe(ref(rest, 'aws_api_gateway_stage', 'invoke_url'));
  });

  it('creates no API, no API URL and no invoke permission with api "none"', () => {
    // Assert
    expect(resourcesOf(none, API_TYPES.http)).toEqual({});
    expect(resourcesOf(none, API_TYPES.rest)).toEqual({});
    expect(resourcesOf(none, 'aws_lambda_permission')).toEqual({});
    expect(none.output).not.toHaveProperty('api_url');
    expect(Object.keys(resourcesOf(none, 'aws_lambda_function'))).toHaveLength(1);
  });

  it.each([
    ['http', () => http],
    ['rest', () => rest],
    ['none', () => none],
  ])('with api %s: outputs the dashboard URL, has the alarms and no Function URL', (_, json) => {
    // Assert
    const stack = json();
    expect(stack.output?.dashboard_url?.value).toMatch(
      /^https:\/\/\$\{data\.aws_region\.\w+\.name\}\.console\.aws\.amazon\.com\/cloudwatch\/home\?region=.+#dashboards:name=\$\{aws_cloudwatch_dashboard\.\w+\.dashboard_name\}$/,
    );
    expect(Object.keys(resourcesOf(stack, 'aws_cloudwatch_dashboard'))).toHaveLength(1);
    expect(Object.keys(resourcesOf(stack, 'aws_cloudwatch_metric_alarm')).length).toBeGreaterThan(
      0,
    );
    expect(resourcesOf(stack, 'aws_lambda_function_url')).toEqual({});
    expect(stack.output).not.toHaveProperty('function_url');
  });

  it('adds an IAM-authenticated Function URL when configured and outputs it', () => {
    // Act
    const json = synthService({ functionUrl: { invokeMode: 'RESPONSE_STREAM' } });

    // Assert
    expect(Object.values(resourcesOf(json, 'aws_lambda_function_url'))).toEqual([
      expect.objectContaining({ authorization_type: 'AWS_IAM', invoke_mode: 'RESPONSE_STREAM' }),
    ]);
    expect(json.output?.function_url).toEqual({
      value: ref(json, 'aws_lambda_function_url', 'function_url'),
      description: 'The Function URL',
    });
  });

  it('records the reason of a public Function URL in the stack', () => {
    // Act
    const json = synthService({
      api: 'none',
      functionUrl: { authType: 'NONE', publicAccessReason: 'public status page' },
    });

    // Assert
    expect(json.locals).toEqual({
      'gantry_public_function_url_function-url': 'public status page',
    });
  });

  it('e-mails the alarms through an SNS topic when given an address', () => {
    // Act
    const json = synthService({ alarmEmail: 'oncall@example.com' });

    // Assert
    expect(Object.values(resourcesOf(json, 'aws_sns_topic_subscription'))).toEqual([
      {
        topic_arn: ref(json, 'aws_sns_topic', 'arn'),
        protocol: 'email',
        endpoint: 'oncall@example.com',
      },
    ]);
    expect(resourcesOf(http, 'aws_sns_topic')).toEqual({});
  });

  it('deploys to the given region, tagging everything with the service and gantry', () => {
    // Act
    const json = synthService({ region: 'eu-west-1' });

    // Assert
    expect(json.provider?.aws).toEqual([
      {
        region: 'eu-west-1',
        default_tags: [{ tags: { service: 'orders', 'managed-by': 'gantry' } }],
      },
    ]);
  });

  it('deploys to AWS_REGION when no region is given, else to us-east-1', () => {
    // Prepare
    vi.stubEnv('AWS_REGION', 'ap-southeast-2');

    // Act
    const fromEnv = synthService();
    vi.stubEnv('AWS_REGION', undefined);
    const fallback = synthService();

    // Assert
    expect(fromEnv.provider?.aws?.[0]?.region).toBe('ap-southeast-2');
    expect(fallback.provider?.aws?.[0]?.region).toBe('us-east-1');
  });
});
