/**
 * GantryDashboard: the service's own metrics, the Lambda function, the API in front of it (HTTP or
 * REST, by its own dimensions) and the latest errors from the function's log group.
 */
import { TerraformOutput } from 'cdktf';
import { beforeAll, describe, expect, it } from 'vitest';
import { GantryHttpApi } from '../../../../infra/api/http-api.js';
import { GantryRestApi } from '../../../../infra/api/rest-api.js';
import { GantryDashboard } from '../../../../infra/monitoring/dashboard.js';
import {
  awsStack,
  onlyResource,
  pingFunction,
  ref,
  synthJson,
  type TerraformJson,
  tempDirs,
} from '../../support/synth.js';

const tempDir = tempDirs();

interface Widget {
  type: string;
  properties: { title: string; period?: number; metrics?: unknown[][]; query?: string };
}

function synthDashboard(
  api: 'http' | 'rest' | 'none',
  options: { name?: string; period?: number } = {},
) {
  const { stack } = awsStack();
  const fn = pingFunction(stack, tempDir());
  const front =
    api === 'http'
      ? new GantryHttpApi(stack, 'api', { function: fn })
      : api === 'rest'
        ? new GantryRestApi(stack, 'api', { function: fn, stageName: 'prod' })
        : undefined;
  const dashboard = new GantryDashboard(stack, 'dashboard', {
    function: fn,
    api: front,
    ...options,
  });
  new TerraformOutput(stack, 'dashboard_url', { value: dashboard.url });
  const json = synthJson(stack);
  const body = JSON.parse(onlyResource(json, 'aws_cloudwatch_dashboard').dashboard_body);
  return { json, widgets: body.widgets as Widget[] };
}

const apiRows = (widgets: Widget[]) =>
  widgets.flatMap((widget) =>
    (widget.properties.metrics ?? []).filter((row) => row[0] === 'AWS/ApiGateway'),
  );

describe('GantryDashboard', () => {
  let http: { json: TerraformJson; widgets: Widget[] };
  let rest: { json: TerraformJson; widgets: Widget[] };
  let none: { json: TerraformJson; widgets: Widget[] };

  beforeAll(() => {
    http = synthDashboard('http');
    rest = synthDashboard('rest');
    none = synthDashboard('none', { name: 'orders-ops', period: 300 });
  });

  it('is named for the service and linked from its console URL', () => {
    // Assert
    expect(onlyResource(http.json, 'aws_cloudwatch_dashboard').dashboard_name).toBe('orders');
    expect(http.json.output?.dashboard_url?.value).toContain(
      `#dashboards:name=${ref(http.json, 'aws_cloudwatch_dashboard', 'dashboard_name')}`,
    );
  });

  it('charts requests, latency p50/p90/p99, 4xx and 5xx per route, whatever the routes', () => {
    // Assert
    const searches = http.widgets.flatMap((widget) =>
      (widget.properties.metrics ?? []).flatMap((row) =>
        row.flatMap((cell) =>
          typeof cell === 'object' && cell !== null && 'expression' in cell
            ? [String((cell as { expression: string }).expression)]
            : [],
        ),
      ),
    );
    const perRoute = searches.map((expression) => {
      const match = /MetricName="(\w+)" service="orders"', '(\w+)'/.exec(expression);
      return match ? `${match[1]} ${match[2]}` : expression;
    });
    expect(perRoute).toEqual([
      'Requests Sum',
      'Latency p50',
      'Latency p90',
      'Latency p99',
      'Errors4xx Sum',
      'Faults5xx Sum',
    ]);
    for (const expression of searches) {
      expect(expression).toMatch(/^SEARCH\('\{"Gantry",service,route\} /);
    }
  });

  it('charts the Lambda function by its name', () => {
    // Assert
    const lambdaRows = http.widgets.flatMap((widget) =>
      (widget.properties.metrics ?? []).filter((row) => row[0] === 'AWS/Lambda'),
    );
    expect(lambdaRows.map((row) => row[1])).toEqual(
      expect.arrayContaining([
        'Invocations',
        'Errors',
        'Throttles',
        'Duration',
        'ConcurrentExecutions',
      ]),
    );
    for (const row of lambdaRows) {
      expect(row.slice(2, 4)).toEqual([
        'FunctionName',
        ref(http.json, 'aws_lambda_function', 'function_name'),
      ]);
    }
  });

  it('charts an HTTP API by its id and $default stage', () => {
    // Assert
    const rows = apiRows(http.widgets);
    expect(rows.map((row) => row[1])).toEqual(
      expect.arrayContaining(['4xx', '5xx', 'Latency', 'IntegrationLatency']),
    );
    for (const row of rows) {
      expect(row.slice(2, 6)).toEqual([
        'ApiId',
        ref(http.json, 'aws_apigatewayv2_api', 'id'),
        'Stage',
        '$default',
      ]);
    }
  });

  it('charts a REST API by its name and stage', () => {
    // Assert
    const rows = apiRows(rest.widgets);
    expect(rows.map((row) => row[1])).toEqual(
      expect.arrayContaining(['4XXError', '5XXError', 'Latency', 'IntegrationLatency']),
    );
    for (const row of rows) expect(row.slice(2, 6)).toEqual(['ApiName', 'orders', 'Stage', 'prod']);
  });

  it('has no API charts without an API, and takes the given name and period', () => {
    // Assert
    expect(apiRows(none.widgets)).toEqual([]);
    expect(onlyResource(none.json, 'aws_cloudwatch_dashboard').dashboard_name).toBe('orders-ops');
    const periods = none.widgets.flatMap((widget) => widget.properties.period ?? []);
    expect(new Set(periods)).toEqual(new Set([300]));
  });

  it("lists the latest errors from the function's log group", () => {
    // Assert
    const logs = none.widgets.find((widget) => widget.type === 'log');
    expect(logs?.properties.query).toMatch(
      new RegExp(
        `^SOURCE '${escapeRegExp(ref(none.json, 'aws_cloudwatch_log_group', 'name'))}' .*filter level = 'ERROR'`,
      ),
    );
  });
});

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
