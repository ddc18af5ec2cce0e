/**
 * A CloudWatch log group that always has a retention.
 */
import { CloudwatchLogGroup } from '@cdktf/provider-aws/lib/cloudwatch-log-group/index.js';
import type { Construct } from 'constructs';

/** Days a log group keeps its events unless told otherwise. */
export const DEFAULT_LOG_RETENTION_DAYS = 30;

/** The retentions CloudWatch Logs offers, in days (0, "never expire", is not one Gantry sets). */
export const LOG_RETENTION_DAYS = [
  1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288,
  3653,
] as const;

/**
 * Creates a log group with a retention (default {@link DEFAULT_LOG_RETENTION_DAYS} days). A
 * retention CloudWatch does not offer is refused here, at synth, rather than at deploy.
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
  if (!(LOG_RETENTION_DAYS as readonly number[]).includes(retentionInDays)) {
    throw new Error(
      `Log group ${name}: a retention of ${retentionInDays} days is not one CloudWatch offers (${LOG_RETENTION_DAYS.join(', ')})`,
    );
  }
  return new CloudwatchLogGroup(scope, id, { name, retentionInDays });
}
