/**
 * Rule log-retention on every stack the app can produce, and on stacks broken on purpose.
 */
import { CloudwatchLogGroup } from '@cdktf/provider-aws/lib/cloudwatch-log-group/index.js';
import { describe, expect, it } from 'vitest';
import { ServiceStack } from '../../../infra/stacks/service-stack.js';
import { PING_HANDLER, resourcesOf, synthJson, tempDirs, testApp } from '../support/synth.js';
import { synthAppStacks } from './app-stacks.js';
import { logRetention } from './rules/log-retention.js';

const tempDir = tempDirs();
const appStacks = synthAppStacks(() => tempDir());

describe('rule log-retention', () => {
  it.each(appStacks)('holds for the stack with %s', (_, json) => {
    // Act
    const violations = logRetention(json);

    // Assert
    expect(violations).toEqual([]);
  });

  it('has log groups to check in every stack the app produces (the rule is not vacuous)', () => {
    // Assert
    for (const [, json] of appStacks) {
      expect(Object.keys(resourcesOf(json, 'aws_cloudwatch_log_group')).length).toBeGreaterThan(0);
    }
  });

  it('catches the one log group added to a service without a retention, or kept forever', () => {
    // Prepare
    const stack = new ServiceStack(testApp(), 'orders', {
      function: { entry: PING_HANDLER, service: 'orders', bundleDir: tempDir() },
    });
    new CloudwatchLogGroup(stack, 'audit', { name: '/orders/audit' });
    new CloudwatchLogGroup(stack, 'forever', { name: '/orders/forever', retentionInDays: 0 });

    // Act
    const violations = logRetention(synthJson(stack));

    // Assert
    expect(violations).toEqual([
      {
        rule: 'log-retention',
        address: 'aws_cloudwatch_log_group.audit',
        message: 'has no retention_in_days: it keeps events forever',
      },
      {
        rule: 'log-retention',
        address: 'aws_cloudwatch_log_group.forever',
        message: 'has retention_in_days 0, not a positive number of days',
      },
    ]);
  });
});
