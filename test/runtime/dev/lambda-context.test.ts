import { createLambdaContext } from 'gantry/dev';
import { afterEach, describe, expect, it, vi } from 'vitest';

afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllEnvs();
});

describe('createLambdaContext', () => {
  it('has the fields the Lambda runtime gives a handler', () => {
    // Act
    const context = createLambdaContext({
      requestId: 'req-1',
      functionName: 'items',
      memoryMb: 512,
      region: 'eu-west-1',
    });

    // Assert
    expect(context).toMatchObject({
      awsRequestId: 'req-1',
      functionName: 'items',
      functionVersion: '$LATEST',
      invokedFunctionArn: 'arn:aws:lambda:eu-west-1:000000000000:function:items',
      memoryLimitInMB: '512',
      logGroupName: '/aws/lambda/items',
      logStreamName: 'local',
      callbackWaitsForEmptyEventLoop: true,
    });
  });

  it('defaults to gantry-local, 1024 MB and the region of AWS_REGION', () => {
    // Prepare
    vi.stubEnv('AWS_REGION', 'ap-south-1');

    // Act
    const context = createLambdaContext({ requestId: 'req-2' });

    // Assert
    expect(context.functionName).toBe('gantry-local');
    expect(context.memoryLimitInMB).toBe('1024');
    expect(context.invokedFunctionArn).toBe(
      'arn:aws:lambda:ap-south-1:000000000000:function:gantry-local',
    );
  });

  it('defaults to us-east-1 without AWS_REGION', () => {
    // Prepare
    vi.stubEnv('AWS_REGION', undefined);

    // Act
    const context = createLambdaContext({ requestId: 'req-3' });

    // Assert
    expect(context.invokedFunctionArn).toMatch(/^arn:aws:lambda:us-east-1:/);
  });

  it('counts the remaining time down from the timeout, to zero', () => {
    // Prepare
    vi.useFakeTimers({ now: new Date('2026-01-01T00:00:00Z') });
    const context = createLambdaContext({ requestId: 'req-4', timeoutMs: 5_000 });

    // Act
    const atStart = context.getRemainingTimeInMillis();
    vi.advanceTimersByTime(1_500);
    const later = context.getRemainingTimeInMillis();
    vi.advanceTimersByTime(10_000);
    const pastDeadline = context.getRemainingTimeInMillis();

    // Assert
    expect([atStart, later, pastDeadline]).toEqual([5_000, 3_500, 0]);
  });

  it('gives 30 seconds by default, as Lambda does for a new function', () => {
    // Prepare
    vi.useFakeTimers();

    // Act
    const context = createLambdaContext({ requestId: 'req-5' });

    // Assert
    expect(context.getRemainingTimeInMillis()).toBe(30_000);
  });

  it.each(['done', 'fail', 'succeed'] as const)(
    'throws on context.%s, which async handlers do not have',
    (method) => {
      // Prepare
      const context = createLambdaContext({ requestId: 'req-6' });

      // Act
      const call = () => (context[method] as () => void)();

      // Assert
      expect(call).toThrow(
        'context.done/fail/succeed are not supported: return or throw from the handler',
      );
    },
  );
});
