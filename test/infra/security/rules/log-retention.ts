/**
 * Every CloudWatch log group states how long it keeps events: a positive `retention_in_days`
 * (missing or 0 means forever, and a bill that only grows).
 */
import { blocksOf, type SecurityRule } from './violation.js';

const RULE = 'log-retention';

/** The rule: see the module comment. */
export const logRetention: SecurityRule = (json) =>
  blocksOf(json, ['aws_cloudwatch_log_group']).flatMap(({ address, block }) => {
    const days = block.retention_in_days;
    if (typeof days === 'number' && Number.isInteger(days) && days > 0) return [];
    const message =
      days === undefined
        ? 'has no retention_in_days: it keeps events forever'
        : `has retention_in_days ${JSON.stringify(days)}, not a positive number of days`;
    return [{ rule: RULE, address, message }];
  });
