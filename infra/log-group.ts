/**
 * A CloudWatch log group that always has a retention.
 */
import { CloudwatchLogGroup } from '@cdktf/provider-aws/lib/cloudwatch-log-group/index.js';
import type { Construct } from 'constructs';

/** Days a log group keeps its events unless told otherwise. */
export const DEFAULT_LOG_RETENTION_DAYS = 30;

/**
 * Creates a log group with a retention (default {@link DEFAULT_LOG_RETENTION_DAYS} days).
 *
 * @example
 * ```ts
 * const logs = logGroup(this, 'logs', '/aws/lambda/items', 14);
 * ```
 */
export function logGroup(
  scope: Construct,
  id: string,
  name: string,
  retentionInDays: number = DEFAULT_LOG_RETENTION_DAYS,
): CloudwatchLogGroup {
  return new CloudwatchLogGroup(scope, id, { name, retentionInDays });
}
