/**
 * Every stack the app can produce: ServiceStack with each API, with a Function URL (IAM and
 * public), with alarm e-mail and with the function's options, synthesized once per suite.
 */
import { ServiceStack, type ServiceStackProps } from '../../../infra/stacks/service-stack.js';
import { PING_HANDLER, synthJson, type TerraformJson, testApp } from '../support/synth.js';

type Variant = Omit<ServiceStackProps, 'function'> & {
  function?: Partial<ServiceStackProps['function']>;
};

const VARIANTS: Record<string, Variant> = {
  'HTTP API (default)': {},
  'REST API': { api: 'rest' },
  'no API': { api: 'none' },
  'HTTP API and an IAM Function URL': { functionUrl: { invokeMode: 'RESPONSE_STREAM' } },
  'a public Function URL with its reason': {
    api: 'none',
    functionUrl: {
      authType: 'NONE',
      publicAccessReason: 'public webhook for the payment provider',
    },
  },
  'alarms e-mailed': { alarmEmail: 'oncall@example.com' },
  'every function option': {
    api: 'rest',
    function: {
      functionName: 'orders-api',
      memorySize: 256,
      timeout: 29,
      reservedConcurrency: 10,
      architecture: 'x86_64',
      logLevel: 'DEBUG',
      logRetentionDays: 14,
      namespace: 'Shop',
      tracing: false,
      environment: {
        TABLE_NAME: 'orders',
        DB_PASSWORD_SECRET_ARN: 'arn:aws:secretsmanager:us-east-1:123456789012:secret:orders-db',
        API_KEY_PARAMETER: '/orders/payment-api-key',
      },
      policyStatements: [
        {
          actions: ['dynamodb:GetItem', 'dynamodb:PutItem', 'dynamodb:Query'],
          resources: ['arn:aws:dynamodb:us-east-1:123456789012:table/orders'],
        },
      ],
    },
  },
};

/** Synthesizes every variant, each bundling into its own directory from `bundleDir()`. */
export function synthAppStacks(bundleDir: () => string): [string, TerraformJson][] {
  const app = testApp();
  return Object.entries(VARIANTS).map(([name, variant], index) => {
    const stack = new ServiceStack(app, `service-${index}`, {
      ...variant,
      function: {
        entry: PING_HANDLER,
        service: 'orders',
        bundleDir: bundleDir(),
        ...variant.function,
      },
    });
    return [name, synthJson(stack)];
  });
}
