/**
 * logGroup: every log group Gantry creates has a retention, 30 days unless told otherwise, and
 * only one CloudWatch offers.
 */
import { describe, expect, it } from 'vitest';
import { logGroup } from '../../../infra/log-group.js';
import { awsStack, onlyResource, synthJson } from '../support/synth.js';

describe('logGroup', () => {
  it('keeps events 30 days by default', () => {
    // Prepare
    const { stack } = awsStack();

    // Act
    logGroup(stack, 'logs', '/aws/lambda/orders');

    // Assert
    expect(onlyResource(synthJson(stack), 'aws_cloudwatch_log_group')).toEqual({
      name: '/aws/lambda/orders',
      retention_in_days: 30,
    });
  });

  it('keeps events the given number of days', () => {
    // Prepare
    const { stack } = awsStack();

    // Act
    logGroup(stack, 'logs', '/aws/lambda/orders', 365);

    // Assert
    expect(onlyResource(synthJson(stack), 'aws_cloudwatch_log_group').retention_in_days).toBe(365);
  });

  it.each([
    [45, 'a retention CloudWatch does not offer'],
    [0, 'never expire'],
    [-1, 'a negative retention'],
  ])('refuses %i days (%s) at synth', (days) => {
    // Prepare
    const { stack } = awsStack();

    // Act
    const create = () => logGroup(stack, 'logs', '/aws/lambda/orders', days);

    // Assert
    expect(create).toThrow(`Log group /aws/lambda/orders: a retention of ${days} days is not one`);
  });
});
