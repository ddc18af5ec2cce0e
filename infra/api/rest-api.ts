/**
 * An API Gateway REST API (v1) in front of a Gantry function, as the blog posts build it: `ANY`
 * on the root and on `{proxy+}`, a deployment, a stage with X-Ray tracing, JSON access logs,
 * metrics and throttling.
 */
import { ApiGatewayAccount } from '@cdktf/provider-aws/lib/api-gateway-account/index.js';
import { ApiGatewayDeployment } from '@cdktf/provider-aws/lib/api-gateway-deployment/index.js';
import { ApiGatewayIntegration } from '@cdktf/provider-aws/lib/api-gateway-integration/index.js';
import { ApiGatewayMethod } from '@cdktf/provider-aws/lib/api-gateway-method/index.js';
import { ApiGatewayMethodSettings } from '@cdktf/provider-aws/lib/api-gateway-method-settings/index.js';
import { ApiGatewayResource } from '@cdktf/provider-aws/lib/api-gateway-resource/index.js';
import { ApiGatewayRestApi } from '@cdktf/provider-aws/lib/api-gateway-rest-api/index.js';
import { ApiGatewayStage } from '@cdktf/provider-aws/lib/api-gateway-stage/index.js';
import { IamRole } from '@cdktf/provider-aws/lib/iam-role/index.js';
import { IamRolePolicyAttachment } from '@cdktf/provider-aws/lib/iam-role-policy-attachment/index.js';
import { LambdaPermission } from '@cdktf/provider-aws/lib/lambda-permission/index.js';
import { Fn } from 'cdktf';
import { Construct } from 'constructs';
import type { GantryFunction } from '../function/gantry-function.js';
import { logGroup } from '../log-group.js';
import { REST_API_ACCESS_LOG_FORMAT } from './access-log-format.js';
import { type Throttling, withThrottlingDefaults } from './throttling.js';

/** Options of {@link GantryRestApi}. */
export interface GantryRestApiProps {
  function: GantryFunction;
  /** Default: the function's service name. */
  name?: string;
  /** Default `api`. */
  stageName?: string;
  throttling?: Throttling;
  /** Access-log retention. Default 30 days. */
  logRetentionDays?: number;
  /**
   * Set the region's API Gateway CloudWatch role, which REST API access logs need. It is one
   * setting per account and region: turn it off when something else manages it. Default true.
   */
  accountLogsRole?: boolean;
}

const ASSUME_API_GATEWAY = {
  Version: '2012-10-17',
  Statement: [
    {
      Effect: 'Allow',
      Principal: { Service: 'apigateway.amazonaws.com' },
      Action: 'sts:AssumeRole',
    },
  ],
};

/**
 * A REST API (v1) that sends every request to the function.
 *
 * @example
 * ```ts
 * const api = new GantryRestApi(this, 'api', { function: fn, stageName: 'prod' });
 * new TerraformOutput(this, 'api_url', { value: api.url });
 * ```
 */
export class GantryRestApi extends Construct {
  readonly api: ApiGatewayRestApi;
  readonly stage: ApiGatewayStage;
  /** The invoke URL of the stage. */
  readonly url: string;
  readonly name: string;
  readonly stageName: string;

  constructor(scope: Construct, id: string, props: GantryRestApiProps) {
    super(scope, id);
    const fn = props.function.function;
    this.name = props.name ?? props.function.service;
    this.stageName = props.stageName ?? 'api';
    const throttling = withThrottlingDefaults(props.throttling);
    this.api = new ApiGatewayRestApi(this, 'api', {
      name: this.name,
      endpointConfiguration: { types: ['REGIONAL'] },
    });
    const proxy = new ApiGatewayResource(this, 'proxy', {
      restApiId: this.api.id,
      parentId: this.api.rootResourceId,
      pathPart: '{proxy+}',
    });
    const integrations = [
      ['root', this.api.rootResourceId],
      ['proxy', proxy.id],
    ].map(([name, resourceId]) => {
      const method = new ApiGatewayMethod(this, `${name}-method`, {
        restApiId: this.api.id,
        resourceId: resourceId as string,
        httpMethod: 'ANY',
        authorization: 'NONE',
      });
      return new ApiGatewayIntegration(this, `${name}-integration`, {
        restApiId: this.api.id,
        resourceId: resourceId as string,
        httpMethod: method.httpMethod,
        type: 'AWS_PROXY',
        integrationHttpMethod: 'POST',
        uri: fn.invokeArn,
      });
    });
    const deployment = new ApiGatewayDeployment(this, 'deployment', {
      restApiId: this.api.id,
      // A new deployment whenever the routes or their targets change (a deployment is a snapshot:
      // an integration updated in place, e.g. to a renamed function, is live only once redeployed).
      triggers: {
        redeployment: Fn.sha1(
          Fn.jsonencode([
            proxy.id,
            ...integrations.flatMap((integration) => [integration.id, integration.uri]),
          ]),
        ),
      },
      lifecycle: { createBeforeDestroy: true },
      dependsOn: integrations,
    });
    const accessLogs = logGroup(
      this,
      'access-logs',
      `/aws/apigateway/${this.name}/access`,
      props.logRetentionDays,
    );
    const account = props.accountLogsRole === false ? undefined : this.accountLogsRole();
    this.stage = new ApiGatewayStage(this, 'stage', {
      restApiId: this.api.id,
      deploymentId: deployment.id,
      stageName: this.stageName,
      xrayTracingEnabled: true,
      accessLogSettings: { destinationArn: accessLogs.arn, format: REST_API_ACCESS_LOG_FORMAT },
      dependsOn: account ? [account] : undefined,
    });
    new ApiGatewayMethodSettings(this, 'settings', {
      restApiId: this.api.id,
      stageName: this.stage.stageName,
      methodPath: '*/*',
      settings: {
        metricsEnabled: true,
        throttlingRateLimit: throttling.rateLimit,
        throttlingBurstLimit: throttling.burstLimit,
      },
    });
    new LambdaPermission(this, 'invoke', {
      statementId: 'AllowRestApiInvoke',
      action: 'lambda:InvokeFunction',
      functionName: fn.functionName,
      principal: 'apigateway.amazonaws.com',
      sourceArn: `${this.api.executionArn}/*/*`,
    });
    this.url = this.stage.invokeUrl;
  }

  /** The account-level role API Gateway writes access logs with (AWS's managed policy). */
  private accountLogsRole(): ApiGatewayAccount {
    const role = new IamRole(this, 'cloudwatch-role', {
      name: `${this.name}-apigateway-logs`,
      assumeRolePolicy: JSON.stringify(ASSUME_API_GATEWAY),
    });
    new IamRolePolicyAttachment(this, 'cloudwatch-policy', {
      role: role.name,
      policyArn: 'arn:aws:iam::aws:policy/service-role/AmazonAPIGatewayPushToCloudWatchLogs',
    });
    return new ApiGatewayAccount(this, 'account', { cloudwatchRoleArn: role.arn });
  }
}
