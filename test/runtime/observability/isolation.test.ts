/**
 * Lambda Managed Instances run many invocations at once in one process: nothing of one request
 * (correlation id, Lambda context, metrics, cold start) may show up on another's output.
 */
import { InvokeStore } from '@aws/lambda-invoke-store';
import { LOG_MESSAGES } from 'gantry';
import { createLocalRuntime } from 'gantry/dev';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { apigwV2Event } from '../../support/events.js';
import { captureOutput } from '../../support/output.js';
import {
  type Answer,
  accessLines,
  coldStartDocuments,
  linesWith,
  routeDocuments,
} from './invoke.js';
import { probeHandler } from './probe-controller.js';

const output = captureOutput();

afterEach(() => {
  vi.unstubAllEnvs();
});

const IN_FLIGHT = 200;

/** Sets up the process as the Lambda runtime of a managed instance does before loading the handler. */
async function managedInstanceRuntime(): Promise<void> {
  vi.stubEnv('AWS_LAMBDA_MAX_CONCURRENCY', '64');
  vi.stubEnv('AWS_LAMBDA_INITIALIZATION_TYPE', 'lambda-managed-instances');
  await InvokeStore.getInstanceAsync(true);
}

describe(`${IN_FLIGHT} invocations in flight at once on one handler`, () => {
  it('keeps every answer, log line and EMF document on its own correlation id and Lambda context', async () => {
    // Prepare
    await managedInstanceRuntime();
    const handler = probeHandler();
    const runtime = await createLocalRuntime(handler);
    const ids = Array.from({ length: IN_FLIGHT }, (_, index) => String(index));

    // Act
    const answers = (await Promise.all(
      ids.map((id) =>
        runtime.invoke(
          apigwV2Event({ path: `/items/${id}/slow`, headers: { 'x-correlation-id': `iso-${id}` } }),
          { requestId: `aws-${id}` },
        ),
      ),
    )) as Answer[];

    // Assert: answers
    answers.forEach((answer, index) => {
      expect(answer.statusCode).toBe(200);
      expect(answer.headers['x-correlation-id']).toBe(`iso-${index}`);
      expect(JSON.parse(answer.body)).toEqual({ id: String(index), correlationId: `iso-${index}` });
    });

    // Assert: the route's own log lines
    const routeLines = linesWith(output, 'slow item read');
    expect(routeLines).toHaveLength(IN_FLIGHT);
    for (const line of routeLines) {
      expect(line.correlation_id).toBe(`iso-${line.item_id}`);
      expect(line.function_request_id).toBe(`aws-${line.item_id}`);
    }
    expect(new Set(routeLines.map((line) => line.item_id)).size).toBe(IN_FLIGHT);

    // Assert: access lines
    const access = accessLines(output);
    expect(access).toHaveLength(IN_FLIGHT);
    for (const line of access) {
      const id = /^\/items\/(\d+)\/slow$/.exec(line.path as string)?.[1];
      expect(line.correlation_id).toBe(`iso-${id}`);
      expect(line.function_request_id).toBe(`aws-${id}`);
    }
    expect(new Set(access.map((line) => line.correlation_id)).size).toBe(IN_FLIGHT);

    // Assert: metrics, one document per invocation, each counting its own request
    const documents = routeDocuments(output);
    expect(documents).toHaveLength(IN_FLIGHT);
    for (const document of documents) {
      expect(document).toMatchObject({ route: 'GET /items/:id/slow', Requests: 1, Faults5xx: 0 });
    }
    expect(new Set(documents.map((doc) => doc.correlation_id))).toEqual(
      new Set(ids.map((id) => `iso-${id}`)),
    );

    // Assert: no line without a correlation id
    for (const line of output.logs()) expect(line.correlation_id).toMatch(/^iso-\d+$/);
  });

  it('reports exactly one cold start, on every line of one invocation only', async () => {
    // Prepare
    await managedInstanceRuntime();
    const handler = probeHandler();
    const runtime = await createLocalRuntime(handler);

    // Act
    await Promise.all(
      Array.from({ length: IN_FLIGHT }, (_, index) =>
        runtime.invoke(
          apigwV2Event({
            path: `/items/${index}/slow`,
            headers: { 'x-correlation-id': `cs-${index}` },
          }),
        ),
      ),
    );

    // Assert
    const coldStarts = coldStartDocuments(output);
    expect(coldStarts).toEqual([
      expect.objectContaining({ ColdStart: 1, init_type: 'lambda-managed-instances' }),
    ]);
    const coldId = coldStarts[0]?.correlation_id;
    const coldLines = output.logs().filter((line) => line.cold_start === true);
    expect(coldLines.map((line) => line.message).sort()).toEqual(
      [LOG_MESSAGES.access, LOG_MESSAGES.coldStart, 'slow item read'].sort(),
    );
    for (const line of coldLines) expect(line.correlation_id).toBe(coldId);
    const warmAccess = accessLines(output).filter((line) => line.correlation_id !== coldId);
    expect(warmAccess).toHaveLength(IN_FLIGHT - 1);
    for (const line of warmAccess) expect(line.cold_start).toBe(false);
  });

  it('keeps the keys a route appends to its logger on that request only', async () => {
    // Prepare
    await managedInstanceRuntime();
    const handler = probeHandler();
    const runtime = await createLocalRuntime(handler);

    // Act
    await Promise.all(
      Array.from({ length: IN_FLIGHT }, (_, index) =>
        runtime.invoke(
          apigwV2Event({
            path: `/items/${index}/tenant`,
            headers: { 'x-correlation-id': `keys-${index}`, 'x-tenant': `tenant-${index}` },
          }),
        ),
      ),
    );

    // Assert
    const routeLines = linesWith(output, 'tenant item read');
    const access = accessLines(output);
    expect(routeLines).toHaveLength(IN_FLIGHT);
    expect(access).toHaveLength(IN_FLIGHT);
    for (const line of [...routeLines, ...access]) {
      expect(line.tenant).toBe(`tenant-${(line.correlation_id as string).slice('keys-'.length)}`);
    }
  });
});
