/**
 * Rule no-wildcard-iam on every stack the app can produce, and on stacks broken on purpose.
 */
import { DataAwsIamPolicyDocument } from '@cdktf/provider-aws/lib/data-aws-iam-policy-document/index.js';
import { IamRole } from '@cdktf/provider-aws/lib/iam-role/index.js';
import { IamRolePolicy } from '@cdktf/provider-aws/lib/iam-role-policy/index.js';
import { IamRolePolicyAttachment } from '@cdktf/provider-aws/lib/iam-role-policy-attachment/index.js';
import { LambdaPermission } from '@cdktf/provider-aws/lib/lambda-permission/index.js';
import { describe, expect, it } from 'vitest';
import type { PolicyStatement } from '../../../infra/function/gantry-function.js';
import {
  awsStack,
  pingFunction,
  resourcesOf,
  synthJson,
  type TerraformJson,
  tempDirs,
  tf,
} from '../support/synth.js';
import { synthAppStacks } from './app-stacks.js';
import { noWildcardIam } from './rules/no-wildcard-iam.js';

const tempDir = tempDirs();
const appStacks = synthAppStacks(() => tempDir());

const LAMBDA_TRUST = JSON.stringify({
  Version: '2012-10-17',
  Statement: [
    { Effect: 'Allow', Principal: { Service: 'lambda.amazonaws.com' }, Action: 'sts:AssumeRole' },
  ],
});

/** A stack whose function's role also gets `statements`. */
function withPolicyStatements(statements: PolicyStatement[]): TerraformJson {
  const { stack } = awsStack();
  pingFunction(stack, tempDir(), { policyStatements: statements });
  return synthJson(stack);
}

/** A stack with one role carrying a raw inline policy document. */
function withInlinePolicy(statement: Record<string, unknown>): TerraformJson {
  const { stack } = awsStack();
  const role = new IamRole(stack, 'role', { name: 'raw', assumeRolePolicy: LAMBDA_TRUST });
  new IamRolePolicy(stack, 'policy', {
    role: role.id,
    policy: JSON.stringify({ Version: '2012-10-17', Statement: [statement] }),
  });
  return synthJson(stack);
}

const messages = (json: TerraformJson) => noWildcardIam(json).map((violation) => violation.message);

describe('rule no-wildcard-iam', () => {
  it.each(appStacks)('holds for the stack with %s', (_, json) => {
    // Act
    const violations = noWildcardIam(json);

    // Assert
    expect(violations).toEqual([]);
  });

  it('has policies to check in every stack the app produces (the rule is not vacuous)', () => {
    // Assert
    for (const [, json] of appStacks) {
      expect(Object.keys(resourcesOf(json, 'aws_iam_role_policy')).length).toBeGreaterThan(0);
    }
  });

  it('catches a policy statement with action "*" on resource "*", naming the role policy', () => {
    // Prepare
    const json = withPolicyStatements([{ actions: ['*'], resources: ['*'] }]);
    const policy = Object.keys(resourcesOf(json, 'aws_iam_role_policy'))[0];

    // Act
    const violations = noWildcardIam(json);

    // Assert
    expect(violations).toEqual([
      {
        rule: 'no-wildcard-iam',
        address: `aws_iam_role_policy.${policy}`,
        message: 'allows action "*"',
      },
      {
        rule: 'no-wildcard-iam',
        address: `aws_iam_role_policy.${policy}`,
        message: 'allows resource "*" for *',
      },
    ]);
  });

  it('catches a whole service granted (service:*), even on a named resource', () => {
    // Act
    const json = withPolicyStatements([
      { actions: ['s3:*'], resources: ['arn:aws:s3:::orders-bucket/*'] },
    ]);

    // Assert
    expect(messages(json)).toEqual(['allows action "s3:*"']);
  });

  it('catches resource "*" for anything but the X-Ray actions, even next to them', () => {
    // Act
    const json = withPolicyStatements([
      { actions: ['dynamodb:GetItem'], resources: ['*'] },
      { actions: ['xray:PutTraceSegments', 's3:GetObject'], resources: ['*'] },
    ]);

    // Assert
    expect(messages(json)).toEqual([
      'allows resource "*" for dynamodb:GetItem',
      'allows resource "*" for xray:PutTraceSegments, s3:GetObject',
    ]);
  });

  it('catches NotAction and NotResource in an Allow, and ignores wildcards in a Deny', () => {
    // Act
    const notAction = withInlinePolicy({
      Effect: 'Allow',
      NotAction: 'iam:*',
      Resource: 'arn:aws:s3:::b',
    });
    const notResource = withInlinePolicy({
      Effect: 'Allow',
      Action: 's3:GetObject',
      NotResource: 'arn:aws:s3:::b',
    });
    const deny = withInlinePolicy({ Effect: 'Deny', Action: '*', Resource: '*' });

    // Assert
    expect(messages(notAction)).toEqual(['allows every action but some (NotAction)']);
    expect(messages(notResource)).toEqual(['allows every resource but some (NotResource)']);
    expect(messages(deny)).toEqual([]);
  });

  it('catches wildcards in an aws_iam_policy_document and in an unreadable policy', () => {
    // Prepare
    const { stack } = awsStack();
    const role = new IamRole(stack, 'role', { name: 'raw', assumeRolePolicy: LAMBDA_TRUST });
    const document = new DataAwsIamPolicyDocument(stack, 'document', {
      statement: [{ effect: 'Allow', actions: ['sqs:*'], resources: ['*'] }],
    });
    new IamRolePolicy(stack, 'from-document', { role: role.id, policy: document.json });
    new IamRolePolicy(stack, 'unreadable', { role: role.id, policy: tf('var.policy') });

    // Act
    const violations = noWildcardIam(synthJson(stack));

    // Assert
    expect(
      violations.map(({ address, message }) => [
        address.split('.').slice(0, -1).join('.'),
        message,
      ]),
    ).toEqual([
      ['aws_iam_role_policy', 'has a policy that is not a readable JSON document'],
      ['data.aws_iam_policy_document', 'allows action "sqs:*"'],
      ['data.aws_iam_policy_document', 'allows resource "*" for sqs:*'],
    ]);
  });

  it('catches a role anyone may assume, an unreviewed AWS managed policy and a wildcard Lambda grant', () => {
    // Prepare
    const { stack } = awsStack();
    const role = new IamRole(stack, 'role', {
      name: 'open',
      assumeRolePolicy: JSON.stringify({
        Version: '2012-10-17',
        Statement: [{ Effect: 'Allow', Principal: { AWS: '*' }, Action: 'sts:AssumeRole' }],
      }),
    });
    new IamRolePolicyAttachment(stack, 'admin', {
      role: role.name,
      policyArn: 'arn:aws:iam::aws:policy/AdministratorAccess',
    });
    const fn = pingFunction(stack, tempDir());
    new LambdaPermission(stack, 'anything', {
      action: 'lambda:*',
      functionName: fn.function.functionName,
      principal: 'events.amazonaws.com',
    });

    // Act
    const found = messages(synthJson(stack));

    // Assert
    expect(found).toEqual([
      'lets anyone ("*") assume the role',
      'attaches the AWS managed policy arn:aws:iam::aws:policy/AdministratorAccess, whose grants are not reviewed here',
      'allows action "lambda:*" on the function',
    ]);
  });
});
