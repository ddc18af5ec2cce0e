/**
 * Nothing is public by accident: a Function URL without authentication (authorization_type NONE)
 * needs an opt-in recorded in the stack (a non-empty `locals.gantry_public_function_url_*`, the
 * reason), one per public URL; a Lambda permission for principal `*` may only open such a URL.
 */
import { blocksOf, type SecurityRule, type Violation } from './violation.js';

const RULE = 'public-function-url';

/** Prefix of the locals that record why a Function URL is public. */
export const PUBLIC_URL_OPT_IN_PREFIX = 'gantry_public_function_url_';

/** The rule: see the module comment. */
export const publicFunctionUrl: SecurityRule = (json) => {
  const violations: Violation[] = [];
  const optIns = Object.entries(json.locals ?? {}).filter(
    ([name, reason]) =>
      name.startsWith(PUBLIC_URL_OPT_IN_PREFIX) &&
      typeof reason === 'string' &&
      reason.trim() !== '',
  ).length;

  const publicUrls: string[] = [];
  for (const { address, block } of blocksOf(json, ['aws_lambda_function_url'])) {
    if (block.authorization_type === 'NONE') publicUrls.push(address);
    else if (block.authorization_type !== 'AWS_IAM') {
      const type = JSON.stringify(block.authorization_type);
      violations.push({ rule: RULE, address, message: `has authorization_type ${type}` });
    }
  }
  for (const address of publicUrls.slice(optIns)) {
    violations.push({
      rule: RULE,
      address,
      message: `is public (authorization_type NONE) without a recorded opt-in (locals.${PUBLIC_URL_OPT_IN_PREFIX}*)`,
    });
  }

  for (const { address, block } of blocksOf(json, ['aws_lambda_permission'])) {
    if (block.principal !== '*') continue;
    const opensUrl =
      block.action === 'lambda:InvokeFunctionUrl' && block.function_url_auth_type === 'NONE';
    if (!opensUrl) {
      violations.push({
        rule: RULE,
        address,
        message: `lets anyone ("*") call ${block.action}, not only a public Function URL`,
      });
    } else if (optIns === 0) {
      violations.push({
        rule: RULE,
        address,
        message: `opens a Function URL to anyone without a recorded opt-in (locals.${PUBLIC_URL_OPT_IN_PREFIX}*)`,
      });
    }
  }
  return violations;
};
