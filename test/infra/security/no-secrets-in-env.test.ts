/**
 * Rule no-secrets-in-env on every stack the app can produce, on a stack broken on purpose, and
 * on the values it must and must not flag.
 */
import { describe, expect, it } from 'vitest';
import { ServiceStack } from '../../../infra/stacks/service-stack.js';
import {
  addressOf,
  PING_HANDLER,
  resourcesOf,
  synthJson,
  tempDirs,
  testApp,
  tf,
} from '../support/synth.js';
import { synthAppStacks } from './app-stacks.js';
import { noSecretsInEnv, secretReason } from './rules/no-secrets-in-env.js';

const tempDir = tempDirs();
const appStacks = synthAppStacks(() => tempDir());

const PRIVATE_KEY =
  '-----BEGIN RSA PRIVATE KEY-----\nMIIEowIBAAKCAQEA0Z3VS5JJcds3xfn/ygWyF8PbnGy\n-----END RSA PRIVATE KEY-----';

describe('rule no-secrets-in-env', () => {
  it.each(appStacks)('holds for the stack with %s', (_, json) => {
    // Act
    const violations = noSecretsInEnv(json);

    // Assert
    expect(violations).toEqual([]);
  });

  it('has Lambda environments to check in every stack the app produces (the rule is not vacuous)', () => {
    // Assert
    for (const [, json] of appStacks) {
      const functions = Object.values(resourcesOf(json, 'aws_lambda_function'));
      expect(functions.map((fn) => Object.keys(fn.environment.variables).length)).toEqual([
        expect.any(Number),
      ]);
      expect(functions[0]?.environment.variables).toHaveProperty('POWERTOOLS_SERVICE_NAME');
    }
  });

  it('catches secrets a user put in the function environment, and names each variable', () => {
    // Prepare
    const stack = new ServiceStack(testApp(), 'orders', {
      function: {
        entry: PING_HANDLER,
        service: 'orders',
        bundleDir: tempDir(),
        environment: {
          TABLE_NAME: 'orders',
          UPLOAD_KEY: 'AKIAIOSFODNN7EXAMPLE',
          SIGNING_KEY: PRIVATE_KEY,
          STRIPE: 'sk_live_4eC39HqLyjWDarjtT1zdp7dc',
          DB_PASSWORD: 'hunter2',
        },
      },
    });

    // Act
    const json = synthJson(stack);
    const violations = noSecretsInEnv(json);

    // Assert
    // (Variables in the synthesized stack's order: alphabetical.)
    expect(violations.map((violation) => violation.message)).toEqual([
      'DB_PASSWORD is named like a secret and has a literal value',
      'SIGNING_KEY holds a private key',
      'STRIPE holds a long high-entropy string (a key or token?)',
      'UPLOAD_KEY holds an AWS access key id',
    ]);
    expect(new Set(violations.map(({ rule, address }) => `${rule} ${address}`))).toEqual(
      new Set([`no-secrets-in-env ${addressOf(json, 'aws_lambda_function')}`]),
    );
  });

  it.each([
    ['SESSION_KEY', 'ASIAJEXAMPLEXEG2JICA', 'holds an AWS access key id'],
    [
      'GITHUB',
      'ghp_16C7e42F292c6912E7710c838347Ae178B4a',
      'holds a long high-entropy string (a key or token?)',
    ],
    [
      'CALLBACK',
      'https://hooks.example.com/services/T0A1B2C3D/q8Rz3LkP0vXw9Yb2Nc7Mj5Ht',
      'holds a long high-entropy string (a key or token?)',
    ],
    ['API_KEY', 'letmein', 'is named like a secret and has a literal value'],
    ['ApiKey', 'letmein', 'is named like a secret and has a literal value'],
    ['SLACK_TOKEN', 'abc', 'is named like a secret and has a literal value'],
    [
      'CLIENT_SECRET',
      `prefix-${tf('var.suffix')}`,
      'is named like a secret and has a literal value',
    ],
    [
      'DB_PASSWORD',
      tf('aws_secretsmanager_secret_version.db.secret_string'),
      "copies a secret's value in at deploy time",
    ],
    [
      'API_KEY_VALUE',
      tf('data.aws_ssm_parameter.api_key.value'),
      "copies a secret's value in at deploy time",
    ],
  ])('flags %s=%s: it %s', (name, value, reason) => {
    // Act
    const found = secretReason(name, value);

    // Assert
    expect(found).toBe(reason);
  });

  it.each([
    ['NODE_OPTIONS', '--enable-source-maps'],
    ['POWERTOOLS_METRICS_NAMESPACE', 'Gantry'],
    ['TABLE_NAME', 'orders-table-production-eu-west-1'],
    ['REQUEST_ID', '123e4567-e89b-12d3-a456-426614174000'],
    ['GIT_SHA', 'da39a3ee5e6b4b0d3255bfef95601890afd80709'],
    ['DB_PASSWORD_SECRET_ARN', 'arn:aws:secretsmanager:us-east-1:123456789012:secret:db'],
    ['API_KEY_PARAMETER', '/orders/api-key'],
    ['DB_SECRET', 'arn:aws:secretsmanager:us-east-1:123456789012:secret:db'],
    ['TOKEN_TTL_SECONDS', '3600'],
    ['TOKEN_CACHE', 'false'],
    ['DB_PASSWORD', tf('aws_secretsmanager_secret.db.arn')],
    ['AUTH_TOKEN_URL', 'https://auth.example.com/oauth2/token'],
  ])('lets %s=%s through', (name, value) => {
    // Act
    const found = secretReason(name, value);

    // Assert
    expect(found).toBeUndefined();
  });
});
