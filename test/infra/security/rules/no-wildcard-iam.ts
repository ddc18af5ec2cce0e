/**
 * IAM grants name their actions and resources: no action `*` or `service:*`, no NotAction or
 * NotResource in an Allow, no resource `*` except for the X-Ray actions (which have no
 * resource-level permissions), no `*` principal in a trust policy, and no AWS managed policy
 * beyond the ones Gantry deliberately attaches.
 */
import type { TerraformJson } from '../../support/synth.js';
import { blocksOf, isReference, listOf, type SecurityRule, type Violation } from './violation.js';

const RULE = 'no-wildcard-iam';

/** Actions AWS only grants on resource `*`. */
const STAR_RESOURCE_ACTIONS = new Set(['xray:PutTraceSegments', 'xray:PutTelemetryRecords']);

/** AWS managed policies Gantry attaches on purpose (the API Gateway account logging role). */
const ALLOWED_MANAGED_POLICIES = new Set([
  'arn:aws:iam::aws:policy/service-role/AmazonAPIGatewayPushToCloudWatchLogs',
]);

const POLICY_RESOURCES = [
  'aws_iam_role_policy',
  'aws_iam_policy',
  'aws_iam_user_policy',
  'aws_iam_group_policy',
];
const ATTACHMENTS = [
  'aws_iam_role_policy_attachment',
  'aws_iam_user_policy_attachment',
  'aws_iam_group_policy_attachment',
  'aws_iam_policy_attachment',
];

interface Statement {
  Effect?: string;
  Action?: string | string[];
  NotAction?: string | string[];
  Resource?: string | string[];
  NotResource?: string | string[];
  Principal?: unknown;
}

const isWildcardAction = (action: string) => action === '*' || /^[\w-]+:\*$/.test(action);

/** Problems of one Allow statement of an identity policy, as messages. */
export function statementProblems(statement: Statement): string[] {
  if (statement.Effect === 'Deny') return [];
  const problems: string[] = [];
  const actions = listOf(statement.Action);
  for (const action of actions.filter(isWildcardAction)) problems.push(`allows action "${action}"`);
  if (statement.NotAction !== undefined) problems.push('allows every action but some (NotAction)');
  if (statement.NotResource !== undefined)
    problems.push('allows every resource but some (NotResource)');
  const starOnly =
    actions.length > 0 && actions.every((action) => STAR_RESOURCE_ACTIONS.has(action));
  if (listOf(statement.Resource).includes('*') && !starOnly) {
    problems.push(`allows resource "*" for ${actions.join(', ') || 'its actions'}`);
  }
  return problems;
}

function parsePolicy(policy: unknown): { Statement?: Statement | Statement[] } | undefined {
  if (typeof policy !== 'string') return undefined;
  try {
    return JSON.parse(policy);
  } catch {
    return undefined;
  }
}

type Report = (address: string, message: string) => void;

const POLICY_DOCUMENT_REFERENCE = /^\$\{data\.aws_iam_policy_document\.[\w-]+\.json\}$/;

/** Identity policies written as JSON: role, user, group and managed policies, inline policies. */
function checkPolicies(json: TerraformJson, report: Report): void {
  const policies = [
    ...blocksOf(json, POLICY_RESOURCES).map(({ address, block }) => ({
      address,
      policy: block.policy,
    })),
    ...blocksOf(json, ['aws_iam_role']).flatMap(({ address, block }) =>
      listOf(block.inline_policy).map((inline: { policy?: string }) => ({
        address,
        policy: inline.policy,
      })),
    ),
  ];
  for (const { address, policy } of policies) {
    // A policy built by an aws_iam_policy_document is checked where it is declared.
    if (typeof policy === 'string' && POLICY_DOCUMENT_REFERENCE.test(policy)) continue;
    const document = parsePolicy(policy);
    if (!document) {
      report(address, 'has a policy that is not a readable JSON document');
      continue;
    }
    for (const statement of listOf(document.Statement)) {
      for (const problem of statementProblems(statement)) report(address, problem);
    }
  }
}

/** Identity policies built with the aws_iam_policy_document data source. */
function checkPolicyDocuments(json: TerraformJson, report: Report): void {
  for (const { address, block } of blocksOf(json, ['aws_iam_policy_document'], 'data')) {
    for (const statement of listOf(block.statement) as Record<string, unknown>[]) {
      const problems = statementProblems({
        Effect: statement.effect as string | undefined,
        Action: statement.actions as string[] | undefined,
        NotAction: statement.not_actions as string[] | undefined,
        Resource: statement.resources as string[] | undefined,
        NotResource: statement.not_resources as string[] | undefined,
      });
      for (const problem of problems) report(address, problem);
    }
  }
}

/** Trust policies: who may assume each role. */
function checkTrust(json: TerraformJson, report: Report): void {
  for (const { address, block } of blocksOf(json, ['aws_iam_role'])) {
    const trust = parsePolicy(block.assume_role_policy);
    for (const statement of listOf(trust?.Statement)) {
      const principal = statement.Principal;
      const principals =
        typeof principal === 'object' && principal !== null
          ? Object.values(principal).flatMap((value) => listOf(value as string | string[]))
          : listOf(principal as string | undefined);
      if (statement.Effect !== 'Deny' && principals.includes('*'))
        report(address, 'lets anyone ("*") assume the role');
    }
  }
}

/** AWS managed policies, whose grants the stack does not show. */
function checkManagedPolicies(json: TerraformJson, report: Report): void {
  const attached = [
    ...blocksOf(json, ATTACHMENTS).map(({ address, block }) => ({
      address,
      arn: block.policy_arn,
    })),
    ...blocksOf(json, ['aws_iam_role']).flatMap(({ address, block }) =>
      listOf(block.managed_policy_arns as string[] | undefined).map((arn) => ({ address, arn })),
    ),
  ];
  for (const { address, arn } of attached) {
    const managed =
      typeof arn === 'string' && !isReference(arn) && arn.startsWith('arn:aws:iam::aws:policy/');
    if (managed && !ALLOWED_MANAGED_POLICIES.has(arn)) {
      report(address, `attaches the AWS managed policy ${arn}, whose grants are not reviewed here`);
    }
  }
}

/** The rule: see the module comment. */
export const noWildcardIam: SecurityRule = (json) => {
  const violations: Violation[] = [];
  const report: Report = (address, message) => {
    violations.push({ rule: RULE, address, message });
  };
  checkPolicies(json, report);
  checkPolicyDocuments(json, report);
  checkTrust(json, report);
  checkManagedPolicies(json, report);
  for (const { address, block } of blocksOf(json, ['aws_lambda_permission'])) {
    if (typeof block.action === 'string' && isWildcardAction(block.action))
      report(address, `allows action "${block.action}" on the function`);
  }
  return violations;
};
