/**
 * No secret in a Lambda environment, where anyone who can read the function's configuration sees
 * it: no AWS access key id, no private key, no long high-entropy string, and no literal value for
 * a variable named like a secret (*SECRET*, *PASSWORD*, *TOKEN*, *API_KEY*, ...), and no secret
 * copied in from Secrets Manager or SSM at deploy time. Pass secrets by
 * reference (a Secrets Manager or SSM parameter ARN or name) and read them at runtime.
 */
import { blocksOf, listOf, type SecurityRule, type Violation } from './violation.js';

const RULE = 'no-secrets-in-env';

const ACCESS_KEY_ID = /\b(?:AKIA|ASIA)[A-Z0-9]{16}\b/;
const PRIVATE_KEY = /-----BEGIN (?:[A-Z0-9]+ )*PRIVATE KEY-----/;
const SECRET_NAME = /SECRET|PASSWORD|PASSWD|TOKEN|API_?KEY|PRIVATE_?KEY|CREDENTIAL/i;
/** Names that hold a pointer to a secret, not the secret. */
const POINTER_NAME = /_(?:ARN|NAME|PARAM|PARAMETER|PATH|ID|URL)$/i;
/** References that copy a secret's value (not its name) into the environment. */
const SECRET_VALUE_REFERENCE =
  /\$\{[^}]*(?:\.secret_string|\.secret_binary|aws_ssm_parameter\.[\w-]+\.value)\b[^}]*\}/;
const TOKEN_RUN = /[A-Za-z0-9+/=_-]{20,}/g;
const MIN_ENTROPY_BITS = 4;

/** Shannon entropy of a string, in bits per character. */
export function entropy(text: string): number {
  const counts = new Map<string, number>();
  for (const char of text) counts.set(char, (counts.get(char) ?? 0) + 1);
  let bits = 0;
  for (const count of counts.values()) {
    const p = count / text.length;
    bits -= p * Math.log2(p);
  }
  return bits;
}

/** Why an environment variable looks like a secret, or undefined when it does not. */
export function secretReason(name: string, value: string): string | undefined {
  if (SECRET_VALUE_REFERENCE.test(value)) return "copies a secret's value in at deploy time";
  // Other Terraform expressions are references, not literals: only the literal text can leak.
  const literal = value.replace(/\$\{[^}]*\}/g, '');
  if (ACCESS_KEY_ID.test(literal)) return 'holds an AWS access key id';
  if (PRIVATE_KEY.test(literal)) return 'holds a private key';
  for (const run of literal.match(TOKEN_RUN) ?? []) {
    if (/[A-Za-z]/.test(run) && /\d/.test(run) && entropy(run) >= MIN_ENTROPY_BITS)
      return 'holds a long high-entropy string (a key or token?)';
  }
  const pointer =
    POINTER_NAME.test(name) ||
    literal.startsWith('arn:') ||
    literal.startsWith('/') ||
    /^(?:\d+|true|false)?$/i.test(literal.trim());
  if (SECRET_NAME.test(name) && !pointer) return 'is named like a secret and has a literal value';
  return undefined;
}

/** The rule: see the module comment. */
export const noSecretsInEnv: SecurityRule = (json) => {
  const violations: Violation[] = [];
  for (const { address, block } of blocksOf(json, ['aws_lambda_function'])) {
    for (const environment of listOf(block.environment)) {
      for (const [name, value] of Object.entries(environment.variables ?? {})) {
        const reason = typeof value === 'string' ? secretReason(name, value) : undefined;
        if (reason) violations.push({ rule: RULE, address, message: `${name} ${reason}` });
      }
    }
  }
  return violations;
};
