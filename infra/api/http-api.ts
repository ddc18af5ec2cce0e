/**
 * An API Gateway HTTP API (v2) in front of a Gantry function: one `$default` proxy route
 * (payload 2.0), an auto-deployed `$default` stage with JSON access logs and throttling.
 */
import { Apigatewayv2Api } from '@cdktf/provider-aws/lib/apigatewayv2-api/index.js';
import { Apigatewayv2Integration } from '@cdktf/provider-aws/lib/apigatewayv2-integration/index.js';
import { Apigatewayv2Route } from '@cdktf/provider-aws/lib/apigatewayv2-route/index.js';
import { Apigatewayv2Stage } from '@cdktf/provider-aws/lib/apigatewayv2-stage/index.js';
import { LambdaPermission } from '@cdktf/provider-aws/lib/lambda-permission/index.js';
import { Construct } from 'constructs';
import type { GantryFunction } from '../function/gantry-function.js';
import { logGroup } from '../log-group.js';
import { HTTP_API_ACCESS_LOG_FORMAT } from './access-log-format.js';
import { type Throttling, withThrottlingDefaults } from './throttling.js';

/** CORS of an HTTP API. */
export interface Cors {
  allowOrigins: string[];
  allowMethods?: string[];
  allowHeaders?: string[];
  exposeHeaders?: string[];
  allowCredentials?: boolean;
  maxAge?: number;
}

/** Options of {@link GantryHttpApi}. */
export interface GantryHttpApiProps {
  function: GantryFunction;
  /** Default: the function's service name. */
  name?: string;
  throttling?: Throttling;
  /** Access-log retention. Default 30 days. */
  logRetentionDays?: number;
  cors?: Cors;
}

/**
 * An HTTP API (v2) that sends every request to the function.
 *
 * @example
 * ```ts
 * const api = new GantryHttpApi(this, 'api', { function: fn, throttling: { rateLimit: 200 } });
 * new TerraformOutput(this, 'api_url', { value: api.url });
 * ```
 */
export class GantryHttpApi extends Construct {
  readonly api: Apigatewayv2Api;
  readonly stage: Apigatewayv2Stage;
  /** The invoke URL of the stage. */
  readonly url: string;
  readonly name: string;

  constructor(scope: Construct, id: string, props: GantryHttpApiProps) {
    super(scope, id);
    const fn = props.function.function;
    this.name = props.name ?? props.function.service;
    const throttling = withThrottlingDefaults(props.throttling);
    this.api = new Apigatewayv2Api(this, 'api', {
      name: this.name,
      protocolType: 'HTTP',
      corsConfiguration: props.cors,
    });
    const integration = new Apigatewayv2Integration(this, 'integration', {
      apiId: this.api.id,
      integrationType: 'AWS_PROXY',
      integrationUri: fn.invokeArn,
      payloadFormatVersion: '2.0',
    });
    new Apigatewayv2Route(this, 'route', {
      apiId: this.api.id,
      routeKey: '$default',
      target: `integrations/${integration.id}`,
    });
    const accessLogs = logGroup(
      this,
      'access-logs',
      `/aws/apigateway/${this.name}/access`,
      props.logRetentionDays,
    );
    this.stage = new Apigatewayv2Stage(this, 'stage', {
      apiId: this.api.id,
      name: '$default',
      autoDeploy: true,
      accessLogSettings: { destinationArn: accessLogs.arn, format: HTTP_API_ACCESS_LOG_FORMAT },
      defaultRouteSettings: {
        throttlingRateLimit: throttling.rateLimit,
        throttlingBurstLimit: throttling.burstLimit,
      },
    });
    new LambdaPermission(this, 'invoke', {
      statementId: 'AllowHttpApiInvoke',
      action: 'lambda:InvokeFunction',
      functionName: fn.functionName,
      principal: 'apigateway.amazonaws.com',
      sourceArn: `${this.api.executionArn}/*/*`,
    });
    this.url = this.stage.invokeUrl;
  }
}
