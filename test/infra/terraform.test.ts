/**
 * The synthesized stacks are real Terraform: `terraform init` installs hashicorp/aws from the
 * machine's filesystem mirror, `validate` passes with no warning, and `plan` (offline, fake
 * credentials) creates exactly the resources each stack is meant to have.
 *
 * Without terraform or the mirror this suite is skipped, loudly; with GANTRY_REQUIRE_TERRAFORM=1
 * (as .ci/run sets) it fails instead.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  STACK_CASES,
  type StackCase,
  type Synthesized,
  synthesizeStacks,
} from './support/service-stacks.js';
import {
  mirrorHolds,
  type PlanJson,
  type TerraformWorkspace,
  terraformSetup,
  terraformWorkspace,
} from './support/terraform.js';

const setup = terraformSetup();
const required = process.env.GANTRY_REQUIRE_TERRAFORM === '1';
if (!setup.ok && !required) {
  console.warn(
    `\n*** SKIPPED test/infra/terraform.test.ts (terraform validate/plan of the stacks): ${setup.reason}. ` +
      'Set GANTRY_REQUIRE_TERRAFORM=1 to fail instead, GANTRY_TF_PROVIDER_MIRROR to point at a mirror. ***\n',
  );
}

/** The resources a function brings: role, its policy, log group, the function. */
const FUNCTION = {
  aws_iam_role: 1,
  aws_iam_role_policy: 1,
  aws_cloudwatch_log_group: 1,
  aws_lambda_function: 1,
};
const MONITORING = { aws_cloudwatch_dashboard: 1, aws_cloudwatch_metric_alarm: 4 };

interface Expected {
  stack: StackCase;
  resources: Record<string, number>;
  outputs: string[];
  region: string;
  /** Planned attributes every resource of a type must have. */
  attributes?: Record<string, Record<string, unknown>>;
}

const expectations: Expected[] = [
  {
    stack: STACK_CASES.http,
    resources: {
      ...FUNCTION,
      ...MONITORING,
      aws_cloudwatch_log_group: 2,
      aws_apigatewayv2_api: 1,
      aws_apigatewayv2_integration: 1,
      aws_apigatewayv2_route: 1,
      aws_apigatewayv2_stage: 1,
      aws_lambda_permission: 1,
    },
    outputs: ['api_url', 'dashboard_url'],
    region: 'us-east-1',
  },
  {
    stack: STACK_CASES.rest,
    resources: {
      ...FUNCTION,
      ...MONITORING,
      aws_cloudwatch_log_group: 2,
      aws_api_gateway_rest_api: 1,
      aws_api_gateway_resource: 1,
      aws_api_gateway_method: 2,
      aws_api_gateway_integration: 2,
      aws_api_gateway_deployment: 1,
      aws_api_gateway_stage: 1,
      aws_api_gateway_method_settings: 1,
      aws_api_gateway_account: 1,
      aws_iam_role: 2,
      aws_iam_role_policy_attachment: 1,
      aws_lambda_permission: 1,
      aws_lambda_function_url: 1,
    },
    outputs: ['api_url', 'dashboard_url', 'function_url'],
    region: 'us-east-1',
    attributes: {
      aws_lambda_function_url: { authorization_type: 'AWS_IAM', invoke_mode: 'RESPONSE_STREAM' },
      aws_lambda_function: {
        environment: [
          { variables: expect.objectContaining({ POWERTOOLS_METRICS_NAMESPACE: 'ItemsRest' }) },
        ],
      },
    },
  },
  {
    stack: STACK_CASES.public,
    resources: {
      ...FUNCTION,
      ...MONITORING,
      aws_lambda_function_url: 1,
      aws_lambda_permission: 1,
      aws_sns_topic: 1,
      aws_sns_topic_subscription: 1,
    },
    outputs: ['dashboard_url', 'function_url'],
    region: 'eu-west-1',
    attributes: {
      aws_lambda_function_url: { authorization_type: 'NONE', invoke_mode: 'BUFFERED' },
      aws_lambda_permission: {
        action: 'lambda:InvokeFunctionUrl',
        principal: '*',
        function_url_auth_type: 'NONE',
      },
      aws_sns_topic_subscription: { protocol: 'email', endpoint: 'oncall@example.com' },
    },
  },
];

const total = (resources: Record<string, number>) =>
  Object.values(resources).reduce((sum, count) => sum + count, 0);

function countByType(changes: PlanJson['resource_changes']): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const change of changes) counts[change.type] = (counts[change.type] ?? 0) + 1;
  return counts;
}

describe.skipIf(!setup.ok && !required)('terraform, offline, on the synthesized stacks', () => {
  let synthesized: Synthesized;
  let scratch: string;
  beforeAll(() => {
    if (!setup.ok)
      throw new Error(`GANTRY_REQUIRE_TERRAFORM=1 but terraform cannot run: ${setup.reason}`);
    scratch = mkdtempSync(join(tmpdir(), 'gantry-terraform-'));
    synthesized = synthesizeStacks(expectations.map(({ stack }) => stack));
  }, 60_000);
  afterAll(() => {
    synthesized?.remove();
    if (scratch) rmSync(scratch, { recursive: true, force: true });
  });

  // One stack after the other: on two cores, terraform runs gain nothing from overlapping, and
  // the plugin cache is not safe for concurrent inits.
  describe.each(expectations)('$stack.id', (expected) => {
    const { id } = expected.stack;
    let workspace: TerraformWorkspace;

    beforeAll(async () => {
      const stack = synthesized.stacks[id];
      if (!setup.ok) throw new Error(setup.reason);
      if (!stack) throw new Error(`${id} was not synthesized`);
      const version = stack.json.terraform.required_providers.aws.version;
      if (!mirrorHolds(setup.mirror, version))
        throw new Error(
          `${id} requires hashicorp/aws ${version}; ${setup.mirror} does not hold it`,
        );
      workspace = terraformWorkspace(setup, stack.dir, join(scratch, id));
      await workspace.terraform('init', '-input=false', '-no-color');
    }, 60_000);

    it('validates with no error and no warning', async () => {
      // Act
      const result = JSON.parse(await workspace.terraform('validate', '-json', '-no-color'));

      // Assert
      expect(result).toMatchObject({ valid: true, error_count: 0, warning_count: 0 });
      expect(result.diagnostics).toEqual([]);
    }, 60_000);

    it(`plans exactly ${total(expected.resources)} resources to create, outputs ${expected.outputs.join(', ')}, in ${expected.region}`, async () => {
      // Prepare
      const planFile = join(scratch, id, 'plan.tfplan');

      // Act
      const output = await workspace.terraform(
        'plan',
        '-input=false',
        '-lock=false',
        '-no-color',
        `-out=${planFile}`,
      );
      const plan = JSON.parse(
        await workspace.terraform('show', '-json', '-no-color', planFile),
      ) as PlanJson;

      // Assert
      const line = output.split('\n').find((text) => text.startsWith('Plan:'));
      console.log(`${id}: ${line}`);
      expect(line).toBe(`Plan: ${total(expected.resources)} to add, 0 to change, 0 to destroy.`);
      const managed = plan.resource_changes.filter((change) => change.mode === 'managed');
      expect(countByType(managed)).toEqual(expected.resources);
      expect(managed.filter((change) => change.change.actions.join() !== 'create')).toEqual([]);
      for (const [type, attributes] of Object.entries(expected.attributes ?? {})) {
        for (const change of managed.filter((candidate) => candidate.type === type))
          expect(change.change.after, change.address).toMatchObject(attributes);
      }
      expect(Object.keys(plan.planned_values.outputs ?? {}).sort()).toEqual(expected.outputs);
      expect(plan.configuration.provider_config.aws?.expressions?.region?.constant_value).toBe(
        expected.region,
      );
      expect(plan.planned_values.outputs?.dashboard_url?.value).toBe(
        `https://${expected.region}.console.aws.amazon.com/cloudwatch/home?region=${expected.region}#dashboards:name=items`,
      );
    }, 60_000);
  });
});
