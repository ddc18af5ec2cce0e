/**
 * GantryFunctionUrl: IAM-authenticated by default; public (authType NONE) only with a recorded
 * reason; buffered unless streaming is asked for; CORS as configured.
 */
import { TerraformOutput } from 'cdktf';
import { describe, expect, it } from 'vitest';
import {
  GantryFunctionUrl,
  type GantryFunctionUrlProps,
  PUBLIC_URL_LOCAL_PREFIX,
} from '../../../../infra/api/function-url.js';
import type { ServiceStackProps } from '../../../../infra/stacks/service-stack.js';
import {
  awsStack,
  onlyResource,
  pingFunction,
  ref,
  resourcesOf,
  synthJson,
  type TerraformJson,
  tempDirs,
} from '../../support/synth.js';

const tempDir = tempDirs();

/** A Function URL's options without its function, as ServiceStack takes them. */
type FunctionUrlOptions = NonNullable<ServiceStackProps['functionUrl']>;

/** Synthesizes a stack with a function and a Function URL built from `props`. */
function synthUrl(props: FunctionUrlOptions, id = 'url'): TerraformJson {
  const { stack } = awsStack();
  const fn = pingFunction(stack, tempDir());
  const url = new GantryFunctionUrl(stack, id, {
    ...props,
    function: fn,
  } as GantryFunctionUrlProps);
  new TerraformOutput(stack, 'function_url', { value: url.url });
  return synthJson(stack);
}

describe('GantryFunctionUrl', () => {
  it('by default requires signed (AWS_IAM) requests and buffers responses, with no public grant', () => {
    // Act
    const json = synthUrl({});

    // Assert
    expect(onlyResource(json, 'aws_lambda_function_url')).toEqual({
      function_name: ref(json, 'aws_lambda_function', 'function_name'),
      authorization_type: 'AWS_IAM',
      invoke_mode: 'BUFFERED',
    });
    expect(resourcesOf(json, 'aws_lambda_permission')).toEqual({});
    expect(json.locals).toBeUndefined();
    expect(json.output?.function_url?.value).toBe(
      ref(json, 'aws_lambda_function_url', 'function_url'),
    );
  });

  it('streams responses when asked for', () => {
    // Act
    const json = synthUrl({ invokeMode: 'RESPONSE_STREAM' });

    // Assert
    expect(onlyResource(json, 'aws_lambda_function_url')).toMatchObject({
      authorization_type: 'AWS_IAM',
      invoke_mode: 'RESPONSE_STREAM',
    });
  });

  it('answers CORS as configured', () => {
    // Act
    const json = synthUrl({
      cors: {
        allowOrigins: ['https://shop.example.com'],
        allowMethods: ['GET'],
        allowHeaders: ['content-type'],
        exposeHeaders: ['x-correlation-id'],
        allowCredentials: true,
        maxAge: 300,
      },
    });

    // Assert
    expect(onlyResource(json, 'aws_lambda_function_url').cors).toEqual({
      allow_origins: ['https://shop.example.com'],
      allow_methods: ['GET'],
      allow_headers: ['content-type'],
      expose_headers: ['x-correlation-id'],
      allow_credentials: true,
      max_age: 300,
    });
  });

  it('is public (NONE) when asked with a reason: records the reason and lets anyone invoke the URL', () => {
    // Act
    const json = synthUrl({ authType: 'NONE', publicAccessReason: 'Stripe webhook' }, 'webhook');

    // Assert
    expect(onlyResource(json, 'aws_lambda_function_url').authorization_type).toBe('NONE');
    expect(json.locals).toEqual({ [`${PUBLIC_URL_LOCAL_PREFIX}webhook`]: 'Stripe webhook' });
    expect(onlyResource(json, 'aws_lambda_permission')).toEqual({
      statement_id: 'AllowPublicFunctionUrl',
      action: 'lambda:InvokeFunctionUrl',
      function_name: ref(json, 'aws_lambda_function', 'function_name'),
      principal: '*',
      function_url_auth_type: 'NONE',
    });
  });

  it.each([
    ['no reason', undefined],
    ['a blank reason', '   '],
  ])('refuses to be public with %s, and creates no URL', (_, reason) => {
    // Prepare
    const { stack } = awsStack();
    const fn = pingFunction(stack, tempDir());
    const props = { function: fn, authType: 'NONE', publicAccessReason: reason };

    // Act
    const create = () => new GantryFunctionUrl(stack, 'url', props as GantryFunctionUrlProps);

    // Assert
    expect(create).toThrow('A Function URL with authType NONE needs a publicAccessReason');
    const json = synthJson(stack);
    expect(resourcesOf(json, 'aws_lambda_function_url')).toEqual({});
    expect(resourcesOf(json, 'aws_lambda_permission')).toEqual({});
  });
});
