/**
 * The CloudWatch dashboard of a Gantry service: per-route traffic, latency and errors (from the
 * runtime's own metrics), cold starts, the Lambda function, the API in front of it, and the
 * latest errors with their correlation ids.
 */
import { CloudwatchDashboard } from '@cdktf/provider-aws/lib/cloudwatch-dashboard/index.js';
import { DataAwsRegion } from '@cdktf/provider-aws/lib/data-aws-region/index.js';
import { Construct } from 'constructs';
import { LOG_KEYS } from 'gantry';
import { GantryHttpApi } from '../api/http-api.js';
import type { GantryRestApi } from '../api/rest-api.js';
import type { GantryFunction } from '../function/gantry-function.js';
import { type MetricScope, routeSearch, serviceMetric } from './metric-refs.js';

/** Options of {@link GantryDashboard}. */
export interface GantryDashboardProps {
  function: GantryFunction;
  /** The API in front of the function, for its own metrics. */
  api?: GantryHttpApi | GantryRestApi;
  /** Default: the service name. */
  name?: string;
  /** Seconds per data point. Default 60. */
  period?: number;
}

type Widget = Record<string, unknown>;

/**
 * A dashboard for one Gantry service.
 *
 * @example
 * ```ts
 * const dashboard = new GantryDashboard(this, 'dashboard', { function: fn, api });
 * new TerraformOutput(this, 'dashboard_url', { value: dashboard.url });
 * ```
 */
export class GantryDashboard extends Construct {
  readonly dashboard: CloudwatchDashboard;
  readonly url: string;

  constructor(scope: Construct, id: string, props: GantryDashboardProps) {
    super(scope, id);
    const fn = props.function;
    const name = props.name ?? fn.service;
    const region = new DataAwsRegion(this, 'region').name;
    const period = props.period ?? 60;
    const metrics: MetricScope = { namespace: fn.namespace, service: fn.service };
    const lambda = (metric: string, stat: string) => [
      'AWS/Lambda',
      metric,
      'FunctionName',
      fn.function.functionName,
      { stat },
    ];
    const search = (metric: Parameters<typeof routeSearch>[1], stat: string) => [
      [{ expression: routeSearch(metrics, metric, stat, period), id: 'e1', period }],
    ];
    const chart = (title: string, rows: unknown[], extra: Widget = {}): Widget => ({
      type: 'metric',
      width: 8,
      height: 6,
      properties: {
        title,
        region,
        period,
        view: 'timeSeries',
        stacked: false,
        metrics: rows,
        ...extra,
      },
    });

    const widgets: Widget[] = [
      chart('Requests by route', search('requests', 'Sum')),
      ...['p50', 'p90', 'p99'].map((stat) =>
        chart(`Latency ${stat} by route (ms)`, search('latency', stat)),
      ),
      chart(
        'Latency (ms)',
        ['p50', 'p90', 'p99'].map((stat) =>
          serviceMetric(metrics, 'latency', { stat, label: stat }),
        ),
      ),
      chart('4xx by route', search('errors4xx', 'Sum')),
      chart('5xx by route', search('faults5xx', 'Sum')),
      chart('Cold starts and init duration', [
        serviceMetric(metrics, 'coldStart', { stat: 'Sum', label: 'cold starts' }),
        serviceMetric(metrics, 'initDuration', {
          stat: 'Average',
          label: 'init ms (avg)',
          yAxis: 'right',
        }),
        serviceMetric(metrics, 'initDuration', {
          stat: 'Maximum',
          label: 'init ms (max)',
          yAxis: 'right',
        }),
      ]),
      chart('Lambda invocations, errors, throttles', [
        lambda('Invocations', 'Sum'),
        lambda('Errors', 'Sum'),
        lambda('Throttles', 'Sum'),
      ]),
      chart('Lambda duration (ms)', [lambda('Duration', 'p50'), lambda('Duration', 'p99')]),
      chart('Lambda concurrency', [lambda('ConcurrentExecutions', 'Maximum')]),
      ...(props.api ? apiWidgets(props.api, chart) : []),
      {
        type: 'log',
        width: 24,
        height: 8,
        properties: {
          title: 'Latest errors',
          region,
          view: 'table',
          query: `SOURCE '${fn.logGroupName}' | fields @timestamp, ${LOG_KEYS.correlationId}, ${LOG_KEYS.route}, ${LOG_KEYS.status}, message, ${LOG_KEYS.error}.message | filter level = 'ERROR' | sort @timestamp desc | limit 50`,
        },
      },
    ];
    this.dashboard = new CloudwatchDashboard(this, 'dashboard', {
      dashboardName: name,
      dashboardBody: JSON.stringify({ widgets }),
    });
    this.url = `https://${region}.console.aws.amazon.com/cloudwatch/home?region=${region}#dashboards:name=${this.dashboard.dashboardName}`;
  }
}

function apiWidgets(
  api: GantryHttpApi | GantryRestApi,
  chart: (title: string, rows: unknown[]) => Widget,
): Widget[] {
  // HTTP APIs report by ApiId and Stage with names 4xx/5xx; REST APIs by ApiName and Stage.
  const http = api instanceof GantryHttpApi;
  const dimensions = http
    ? ['ApiId', api.api.id, 'Stage', '$default']
    : ['ApiName', api.name, 'Stage', (api as GantryRestApi).stageName];
  const metric = (name: string, stat: string, label: string) => [
    'AWS/ApiGateway',
    name,
    ...dimensions,
    { stat, label },
  ];
  return [
    chart('API 4xx and 5xx', [
      metric(http ? '4xx' : '4XXError', 'Sum', '4xx'),
      metric(http ? '5xx' : '5XXError', 'Sum', '5xx'),
    ]),
    chart('API latency vs integration latency (ms)', [
      metric('Latency', 'p99', 'latency p99'),
      metric('IntegrationLatency', 'p99', 'integration p99'),
      metric('Latency', 'p50', 'latency p50'),
      metric('IntegrationLatency', 'p50', 'integration p50'),
    ]),
  ];
}
