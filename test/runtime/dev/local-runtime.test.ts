import { InvokeStore } from '@aws/lambda-invoke-store';
import type { Context } from 'aws-lambda';
import { createLocalRuntime } from 'gantry/dev';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

const TRACE_HEADER = /^Root=1-[0-9a-f]{8}-[0-9a-f]{24};Parent=[0-9a-f]{16};Sampled=0$/;

beforeEach(() => {
  vi.stubEnv('AWS_LAMBDA_MAX_CONCURRENCY', undefined);
});
afterEach(() => {
  vi.unstubAllEnvs();
});

/** What a handler saw of one invocation: its arguments and the invocation store. */
interface Seen {
  event: unknown;
  context: Context;
  storeRequestId: string;
  storeTraceId: unknown;
}

async function look(event: unknown, context: Context): Promise<Seen> {
  const store = await InvokeStore.getInstanceAsync();
  return {
    event,
    context,
    storeRequestId: store.getRequestId(),
    storeTraceId: store.getXRayTraceId(),
  };
}

describe('createLocalRuntime', () => {
  it('passes the event and a fresh context with a new request id to each invocation', async () => {
    // Prepare
    const runtime = await createLocalRuntime(look, { functionName: 'items', memoryMb: 256 });

    // Act
    const first = (await runtime.invoke({ n: 1 })) as Seen;
    const second = (await runtime.invoke({ n: 2 })) as Seen;

    // Assert
    expect(first.event).toEqual({ n: 1 });
    expect(second.event).toEqual({ n: 2 });
    expect(first.context).not.toBe(second.context);
    expect(first.context.awsRequestId).toMatch(/^[0-9a-f-]{36}$/);
    expect(first.context.awsRequestId).not.toBe(second.context.awsRequestId);
    expect(first.context).toMatchObject({ functionName: 'items', memoryLimitInMB: '256' });
  });

  it('runs each invocation in the invocation store with its request id and a trace id', async () => {
    // Prepare
    const runtime = await createLocalRuntime(look);

    // Act
    const seen = (await runtime.invoke({})) as Seen;

    // Assert
    expect(seen.storeRequestId).toBe(seen.context.awsRequestId);
    expect(seen.storeTraceId).toMatch(TRACE_HEADER);
  });

  it('uses the request id and trace id it is given', async () => {
    // Prepare
    const runtime = await createLocalRuntime(look);
    const traceId = 'Root=1-5759e988-bd862e3fe1be46a994272793;Parent=557abcec3ee5a047;Sampled=1';

    // Act
    const seen = (await runtime.invoke({}, { requestId: 'req-given', traceId })) as Seen;

    // Assert
    expect(seen.context.awsRequestId).toBe('req-given');
    expect(seen.storeRequestId).toBe('req-given');
    expect(seen.storeTraceId).toBe(traceId);
  });

  it('keeps the store of each invocation apart while invocations overlap', async () => {
    // Prepare: both invocations read the store only once both have started.
    let release!: () => void;
    const bothStarted = new Promise<void>((resolve) => {
      release = resolve;
    });
    let started = 0;
    const runtime = await createLocalRuntime(async (event: never, context: Context) => {
      if (++started === 2) release();
      await bothStarted;
      return look(event, context);
    });

    // Act
    const [a, b] = (await Promise.all([
      runtime.invoke('a', { requestId: 'req-a' }),
      runtime.invoke('b', { requestId: 'req-b' }),
    ])) as Seen[];

    // Assert
    expect(a?.storeRequestId).toBe('req-a');
    expect(b?.storeRequestId).toBe('req-b');
  });

  it('sets AWS_LAMBDA_MAX_CONCURRENCY to 64 when it is not set', async () => {
    // Act
    await createLocalRuntime(look);

    // Assert
    expect(process.env.AWS_LAMBDA_MAX_CONCURRENCY).toBe('64');
  });

  it('sets AWS_LAMBDA_MAX_CONCURRENCY to the maxConcurrency option when it is not set', async () => {
    // Act
    await createLocalRuntime(look, { maxConcurrency: 8 });

    // Assert
    expect(process.env.AWS_LAMBDA_MAX_CONCURRENCY).toBe('8');
  });

  it('keeps an AWS_LAMBDA_MAX_CONCURRENCY already set', async () => {
    // Prepare
    vi.stubEnv('AWS_LAMBDA_MAX_CONCURRENCY', '4');

    // Act
    await createLocalRuntime(look, { maxConcurrency: 8 });

    // Assert
    expect(process.env.AWS_LAMBDA_MAX_CONCURRENCY).toBe('4');
  });

  it('rejects when the handler throws, even synchronously', async () => {
    // Prepare
    const runtime = await createLocalRuntime(() => {
      throw new Error('broken handler');
    });

    // Act
    const invocation = runtime.invoke({});

    // Assert
    await expect(invocation).rejects.toThrow('broken handler');
  });
});
