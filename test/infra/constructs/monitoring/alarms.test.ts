/**
 * GantryAlarms: 5xx rate and p99 latency of the service, errors and throttles of the function,
 * e-mailed through an SNS topic when an address is given.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { GantryAlarms, type GantryAlarmsProps } from '../../../../infra/monitoring/alarms.js';
import {
  awsStack,
  pingFunction,
  ref,
  resourcesOf,
  synthJson,
  type TerraformBlock,
  type TerraformJson,
  tempDirs,
} from '../../support/synth.js';

const tempDir = tempDirs();

function synthAlarms(props: Omit<GantryAlarmsProps, 'function'> = {}): TerraformJson {
  const { stack } = awsStack();
  const fn = pingFunction(stack, tempDir());
  new GantryAlarms(stack, 'alarms', { function: fn, ...props });
  return synthJson(stack);
}

function alarmsByName(json: TerraformJson): Record<string, TerraformBlock> {
  return Object.fromEntries(
    Object.values(resourcesOf(json, 'aws_cloudwatch_metric_alarm')).map((alarm) => [
      alarm.alarm_name,
      alarm,
    ]),
  );
}

describe('GantryAlarms', () => {
  let defaults: TerraformJson;
  let tuned: TerraformJson;

  beforeAll(() => {
    defaults = synthAlarms();
    tuned = synthAlarms({
      faultRatePercent: 5,
      p99LatencyMs: 250,
      period: 300,
      evaluationPeriods: 3,
      datapointsToAlarm: 2,
      email: 'oncall@example.com',
    });
  });

  it('alarms on the 5xx rate, p99 latency, function errors and throttles', () => {
    // Assert
    expect(Object.keys(alarmsByName(defaults)).sort()).toEqual([
      'orders-5xx-rate',
      'orders-function-errors',
      'orders-p99-latency',
      'orders-throttles',
    ]);
  });

  it('fires above 1% 5xx or 1000 ms p99, on 3 of 5 one-minute data points, by default', () => {
    // Assert
    const alarms = alarmsByName(defaults);
    expect(alarms['orders-5xx-rate']?.threshold).toBe(1);
    expect(alarms['orders-p99-latency']).toMatchObject({
      threshold: 1000,
      extended_statistic: 'p99',
      period: 60,
    });
    for (const alarm of Object.values(alarms)) {
      expect(alarm).toMatchObject({
        evaluation_periods: 5,
        datapoints_to_alarm: 3,
        comparison_operator: 'GreaterThanThreshold',
        treat_missing_data: 'notBreaching',
      });
    }
  });

  it('computes the 5xx rate from the service roll-up, safe when there are no requests', () => {
    // Assert
    const queries = alarmsByName(defaults)['orders-5xx-rate']?.metric_query;
    expect(queries).toHaveLength(3);
    expect(queries[2]).toMatchObject({
      expression: 'IF(requests > 0, 100 * faults / requests, 0)',
      return_data: true,
    });
    for (const query of queries.slice(0, 2)) {
      expect(query.metric).toMatchObject({
        namespace: 'Gantry',
        dimensions: { service: 'orders' },
      });
    }
  });

  it('watches the function errors and throttles by function name', () => {
    // Assert
    const alarms = alarmsByName(defaults);
    for (const [name, metric] of [
      ['orders-function-errors', 'Errors'],
      ['orders-throttles', 'Throttles'],
    ]) {
      expect(alarms[name as string]).toMatchObject({
        namespace: 'AWS/Lambda',
        metric_name: metric,
        dimensions: { FunctionName: ref(defaults, 'aws_lambda_function', 'function_name') },
        threshold: 0,
      });
    }
  });

  it('notifies no one without an e-mail address', () => {
    // Assert
    expect(resourcesOf(defaults, 'aws_sns_topic')).toEqual({});
    for (const alarm of Object.values(alarmsByName(defaults))) {
      expect(alarm).not.toHaveProperty('alarm_actions');
    }
  });

  it('applies the given thresholds, period and evaluation', () => {
    // Assert
    const alarms = alarmsByName(tuned);
    expect(alarms['orders-5xx-rate']?.threshold).toBe(5);
    expect(alarms['orders-p99-latency']).toMatchObject({ threshold: 250, period: 300 });
    for (const alarm of Object.values(alarms)) {
      expect(alarm).toMatchObject({ evaluation_periods: 3, datapoints_to_alarm: 2 });
    }
  });

  it('e-mails every alarm and recovery through one SNS topic when given an address', () => {
    // Assert
    const topic = ref(tuned, 'aws_sns_topic', 'arn');
    expect(Object.values(resourcesOf(tuned, 'aws_sns_topic_subscription'))).toEqual([
      { topic_arn: topic, protocol: 'email', endpoint: 'oncall@example.com' },
    ]);
    for (const alarm of Object.values(alarmsByName(tuned))) {
      expect(alarm).toMatchObject({ alarm_actions: [topic], ok_actions: [topic] });
    }
  });
});
