/**
 * The alarms of a Gantry service: 5xx rate and p99 latency (from the runtime's metrics, rolled
 * up per service), function errors and throttles; optionally e-mailed through an SNS topic.
 */
import { CloudwatchMetricAlarm } from '@cdktf/provider-aws/lib/cloudwatch-metric-alarm/index.js';
import { SnsTopic } from '@cdktf/provider-aws/lib/sns-topic/index.js';
import { SnsTopicSubscription } from '@cdktf/provider-aws/lib/sns-topic-subscription/index.js';
import { Construct } from 'constructs';
import { DIMENSIONS, METRICS } from 'gantry';
import type { GantryFunction } from '../function/gantry-function.js';
import { type MetricScope, serviceQuery } from './metric-refs.js';

/** Options of {@link GantryAlarms}. */
export interface GantryAlarmsProps {
  function: GantryFunction;
  /** Alarm when more than this percentage of requests are 5xx. Default 1. */
  faultRatePercent?: number;
  /** Alarm when p99 latency exceeds this many milliseconds. Default 1000. */
  p99LatencyMs?: number;
  /** Seconds per evaluated data point. Default 60. */
  period?: number;
  /** Data points evaluated, and how many must breach. Default 5 and 3. */
  evaluationPeriods?: number;
  datapointsToAlarm?: number;
  /** E-mail address subscribed to a new SNS topic that receives every alarm and recovery. */
  email?: string;
}

/**
 * Alarms for one Gantry service.
 *
 * @example
 * ```ts
 * new GantryAlarms(this, 'alarms', { function: fn, p99LatencyMs: 500, email: 'oncall@example.com' });
 * ```
 */
export class GantryAlarms extends Construct {
  readonly alarms: CloudwatchMetricAlarm[];
  readonly topic: SnsTopic | undefined;

  constructor(scope: Construct, id: string, props: GantryAlarmsProps) {
    super(scope, id);
    const fn = props.function;
    const period = props.period ?? 60;
    const metrics: MetricScope = { namespace: fn.namespace, service: fn.service };
    if (props.email) {
      this.topic = new SnsTopic(this, 'topic', { name: `${fn.service}-alarms` });
      new SnsTopicSubscription(this, 'email', {
        topicArn: this.topic.arn,
        protocol: 'email',
        endpoint: props.email,
      });
    }
    const actions = this.topic ? [this.topic.arn] : undefined;
    const common = {
      evaluationPeriods: props.evaluationPeriods ?? 5,
      datapointsToAlarm: props.datapointsToAlarm ?? 3,
      comparisonOperator: 'GreaterThanThreshold',
      treatMissingData: 'notBreaching',
      alarmActions: actions,
      okActions: actions,
    };
    const lambda = (metricName: string) => ({
      namespace: 'AWS/Lambda',
      metricName,
      dimensions: { FunctionName: fn.function.functionName },
      statistic: 'Sum',
      period,
      threshold: 0,
    });
    const faultRate = props.faultRatePercent ?? 1;
    const p99 = props.p99LatencyMs ?? 1000;
    this.alarms = [
      new CloudwatchMetricAlarm(this, 'fault-rate', {
        ...common,
        alarmName: `${fn.service}-5xx-rate`,
        alarmDescription: `More than ${faultRate}% of ${fn.service} requests answered 5xx`,
        threshold: faultRate,
        metricQuery: [
          serviceQuery(metrics, 'faults', 'faults5xx', 'Sum', period),
          serviceQuery(metrics, 'requests', 'requests', 'Sum', period),
          {
            id: 'rate',
            expression: 'IF(requests > 0, 100 * faults / requests, 0)',
            label: '5xx %',
            returnData: true,
          },
        ],
      }),
      new CloudwatchMetricAlarm(this, 'p99-latency', {
        ...common,
        alarmName: `${fn.service}-p99-latency`,
        alarmDescription: `${fn.service} p99 latency above ${p99} ms`,
        namespace: metrics.namespace,
        metricName: METRICS.latency.name,
        dimensions: { [DIMENSIONS.service]: fn.service },
        extendedStatistic: 'p99',
        period,
        threshold: p99,
      }),
      new CloudwatchMetricAlarm(this, 'function-errors', {
        ...common,
        ...lambda('Errors'),
        alarmName: `${fn.service}-function-errors`,
        alarmDescription: `${fn.service} Lambda invocations failed (crashes, timeouts, unsupported events)`,
      }),
      new CloudwatchMetricAlarm(this, 'throttles', {
        ...common,
        ...lambda('Throttles'),
        alarmName: `${fn.service}-throttles`,
        alarmDescription: `${fn.service} Lambda invocations were throttled`,
      }),
    ];
  }
}
