/**
 * Rule public-function-url on every stack the app can produce, and on stacks broken on purpose.
 */
import { LambdaFunctionUrl } from '@cdktf/provider-aws/lib/lambda-function-url/index.js';
import { LambdaPermission } from '@cdktf/provider-aws/lib/lambda-permission/index.js';
import { TerraformLocal } from 'cdktf';
import { describe, expect, it } from 'vitest';
import { GantryFunctionUrl } from '../../../infra/api/function-url.js';
import { ServiceStack } from '../../../infra/stacks/service-stack.js';
import { PING_HANDLER, resourcesOf, synthJson, tempDirs, testApp, tf } from '../support/synth.js';
import { synthAppStacks } from './app-stacks.js';
import { publicFunctionUrl } from './rules/public-function-url.js';

const tempDir = tempDirs();
const appStacks = synthAppStacks(() => tempDir());

function serviceStack() {
  return new ServiceStack(testApp(), 'orders', {
    api: 'none',
    function: { entry: PING_HANDLER, service: 'orders', bundleDir: tempDir() },
  });
}

describe('rule public-function-url', () => {
  it.each(appStacks)('holds for the stack with %s', (_, json) => {
    // Act
    const violations = publicFunctionUrl(json);

    // Assert
    expect(violations).toEqual([]);
  });

  it('sees the public Function URL and its grant in the app stack that has one (the rule is not vacuous)', () => {
    // Assert
    const [, json] = appStacks.find(([name]) => name.includes('public')) ?? [];
    expect(Object.values(resourcesOf(json ?? {}, 'aws_lambda_function_url'))).toEqual([
      expect.objectContaining({ authorization_type: 'NONE' }),
    ]);
  });

  it('catches a raw Function URL with NONE and no recorded reason, and the grant that opens it', () => {
    // Prepare
    const stack = serviceStack();
    const name = stack.function.function.functionName;
    new LambdaFunctionUrl(stack, 'raw-url', { functionName: name, authorizationType: 'NONE' });
    new LambdaPermission(stack, 'raw-grant', {
      action: 'lambda:InvokeFunctionUrl',
      functionName: name,
      principal: '*',
      functionUrlAuthType: 'NONE',
    });

    // Act
    const violations = publicFunctionUrl(synthJson(stack));

    // Assert
    expect(violations).toEqual([
      {
        rule: 'public-function-url',
        address: 'aws_lambda_function_url.raw-url',
        message:
          'is public (authorization_type NONE) without a recorded opt-in (locals.gantry_public_function_url_*)',
      },
      {
        rule: 'public-function-url',
        address: 'aws_lambda_permission.raw-grant',
        message:
          'opens a Function URL to anyone without a recorded opt-in (locals.gantry_public_function_url_*)',
      },
    ]);
  });

  it('needs one recorded reason per public URL, and a blank reason is none', () => {
    // Prepare
    const stack = serviceStack();
    new GantryFunctionUrl(stack, 'reviewed', {
      function: stack.function,
      authType: 'NONE',
      publicAccessReason: 'status page',
    });
    const name = stack.function.function.functionName;
    new LambdaFunctionUrl(stack, 'unreviewed', { functionName: name, authorizationType: 'NONE' });
    new TerraformLocal(stack, 'blank', '  ').overrideLogicalId('gantry_public_function_url_blank');

    // Act
    const violations = publicFunctionUrl(synthJson(stack));

    // Assert
    expect(violations.map((violation) => violation.message)).toEqual([
      'is public (authorization_type NONE) without a recorded opt-in (locals.gantry_public_function_url_*)',
    ]);
  });

  it('catches anyone ("*") granted lambda:InvokeFunction, opt-in or not', () => {
    // Prepare
    const stack = serviceStack();
    new GantryFunctionUrl(stack, 'reviewed', {
      function: stack.function,
      authType: 'NONE',
      publicAccessReason: 'status page',
    });
    new LambdaPermission(stack, 'invoke-anyone', {
      action: 'lambda:InvokeFunction',
      functionName: stack.function.function.functionName,
      principal: '*',
    });

    // Act
    const violations = publicFunctionUrl(synthJson(stack));

    // Assert
    expect(violations).toEqual([
      {
        rule: 'public-function-url',
        address: 'aws_lambda_permission.invoke-anyone',
        message: 'lets anyone ("*") call lambda:InvokeFunction, not only a public Function URL',
      },
    ]);
  });

  it('catches an authorization type that is neither AWS_IAM nor NONE', () => {
    // Prepare
    const stack = serviceStack();
    new LambdaFunctionUrl(stack, 'odd', {
      functionName: stack.function.function.functionName,
      authorizationType: tf('var.auth'),
    });

    // Act
    const violations = publicFunctionUrl(synthJson(stack));

    // Assert
    expect(violations.map((violation) => violation.message)).toEqual([
      `has authorization_type "${tf('var.auth')}"`,
    ]);
  });
});
