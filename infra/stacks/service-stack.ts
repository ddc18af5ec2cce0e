/**
 * The stack that ships examples/items: the function, an API in front of it (HTTP API by default,
 * or a REST API), optionally a Function URL, the dashboard and the alarms.
 */
import { AwsProvider } from '@cdktf/provider-aws/lib/provider/index.js';
import { TerraformOutput, TerraformStack } from 'cdktf';
import type { Construct } from 'constructs';
import { GantryFunctionUrl, type GantryFunctionUrlProps } from '../api/function-url.js';
import { GantryHttpApi } from '../api/http-api.js';
import { GantryRestApi } from '../api/rest-api.js';
import { GantryFunction, type GantryFunctionProps } from '../function/gantry-function.js';
import { GantryAlarms } from '../monitoring/alarms.js';
import { GantryDashboard } from '../monitoring/dashboard.js';

/** `Omit` for each member of a union (the plain `Omit` keeps only the keys all members share). */
type OmitEach<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;

/** Options of {@link ServiceStack}. */
export interface ServiceStackProps {
  /** Default: `AWS_REGION`, else `us-east-1`. */
  region?: string;
  function: GantryFunctionProps;
  /** The API in front of the function. Default `http`. */
  api?: 'http' | 'rest' | 'none';
  /** A Function URL as well (IAM auth unless said otherwise; `NONE` needs a `publicAccessReason`). */
  functionUrl?: OmitEach<GantryFunctionUrlProps, 'function'>;
  /** E-mail address for the alarms. */
  alarmEmail?: string;
}

/**
 * One Gantry service, deployable with `cdktf deploy`: outputs the API URL and the dashboard URL.
 *
 * @example
 * ```ts
 * const app = new App();
 * new ServiceStack(app, 'items', { function: { entry: 'examples/items/handler.ts', service: 'items' } });
 * app.synth();
 * ```
 */
export class ServiceStack extends TerraformStack {
  readonly function: GantryFunction;

  constructor(scope: Construct, id: string, props: ServiceStackProps) {
    super(scope, id);
    const service = props.function.service;
    new AwsProvider(this, 'aws', {
      region: props.region ?? process.env.AWS_REGION ?? 'us-east-1',
      defaultTags: [{ tags: { service, 'managed-by': 'gantry' } }],
    });
    this.function = new GantryFunction(this, 'function', props.function);
    const kind = props.api ?? 'http';
    const api =
      kind === 'http'
        ? new GantryHttpApi(this, 'http-api', { function: this.function })
        : kind === 'rest'
          ? new GantryRestApi(this, 'rest-api', { function: this.function })
          : undefined;
    if (api) new TerraformOutput(this, 'api_url', { value: api.url, description: 'The API URL' });
    if (props.functionUrl) {
      const url = new GantryFunctionUrl(this, 'function-url', {
        ...props.functionUrl,
        function: this.function,
      });
      new TerraformOutput(this, 'function_url', {
        value: url.url,
        description: 'The Function URL',
      });
    }
    const dashboard = new GantryDashboard(this, 'dashboard', { function: this.function, api });
    new TerraformOutput(this, 'dashboard_url', {
      value: dashboard.url,
      description: 'The CloudWatch dashboard',
    });
    new GantryAlarms(this, 'alarms', { function: this.function, email: props.alarmEmail });
  }
}
