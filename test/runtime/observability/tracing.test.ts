/**
 * X-Ray tracing against a real UDP listener standing in for the daemon: the assertions are on
 * the segment documents aws-xray-sdk-core really sends in Lambda mode.
 */
import type { Tracer } from '@aws-lambda-powertools/tracer';
import type { GantryHandler } from 'gantry';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { apigwV2Event, type RequestSpec } from '../../support/events.js';
import { captureOutput } from '../../support/output.js';
import { type Answer, invoke } from './invoke.js';
import {
  newTraceHeader,
  type SegmentDocument,
  startXRayDaemon,
  type XRayDaemon,
} from './xray-daemon.js';

const output = captureOutput();

let daemon: XRayDaemon;
let gantry: typeof import('gantry');
let gantryDev: typeof import('gantry/dev');
let probe: typeof import('./probe-controller.js');

beforeAll(async () => {
  daemon = await startXRayDaemon();
  // What the Lambda runtime sets; read when aws-xray-sdk-core loads, so before any import of it.
  vi.stubEnv('AWS_XRAY_DAEMON_ADDRESS', daemon.address);
  vi.stubEnv('LAMBDA_TASK_ROOT', '/var/task');
  vi.stubEnv('AWS_EXECUTION_ENV', 'AWS_Lambda_nodejs20.x');
  vi.stubEnv('AWS_XRAY_CONTEXT_MISSING', 'IGNORE_ERROR');
  gantry = await import('gantry');
  gantryDev = await import('gantry/dev');
  probe = await import('./probe-controller.js');
});

afterAll(async () => {
  vi.unstubAllEnvs();
  await daemon.close();
});

/** Invokes like the Lambda runtime: a fresh sampled trace header per invocation. */
async function tracedInvoke(
  handler: GantryHandler,
  spec: RequestSpec,
  sampled = true,
): Promise<{ answer: Answer; root: string; parent: string }> {
  const trace = newTraceHeader(sampled);
  vi.stubEnv('_X_AMZN_TRACE_ID', trace.header);
  const answer = await invoke(handler, spec);
  return { answer, root: trace.root, parent: trace.parent };
}

/** The one document the SDK sends for a traced invocation. */
async function subsegmentOf(root: string): Promise<SegmentDocument> {
  const documents = await daemon.documentsOf(root);
  expect(documents).toHaveLength(1);
  return documents[0] as SegmentDocument;
}

describe('X-Ray tracing', () => {
  it('sends one subsegment per request, named after the route, in the invocation trace', async () => {
    // Prepare
    const handler = probe.probeHandler();

    // Act
    const { root, parent } = await tracedInvoke(handler, { path: '/items/42' });

    // Assert
    const subsegment = await subsegmentOf(root);
    expect(subsegment).toMatchObject({
      name: '## GET /items/:id',
      type: 'subsegment',
      trace_id: root,
      parent_id: parent,
    });
    expect(subsegment.id).toMatch(/^[0-9a-f]{16}$/);
    expect(subsegment.end_time).toBeGreaterThanOrEqual(subsegment.start_time);
    expect(subsegment).not.toHaveProperty('in_progress');
    expect(subsegment).not.toHaveProperty('error');
    expect(subsegment).not.toHaveProperty('fault');
  });

  it('sends each datagram as the JSON header line followed by the document', async () => {
    // Prepare
    const handler = probe.probeHandler();

    // Act
    const { root } = await tracedInvoke(handler, { path: '/items/1' });

    // Assert
    await daemon.documentsOf(root);
    const datagram = daemon.datagrams.find((received) => received.document.trace_id === root);
    expect(datagram?.header).toBe('{"format":"json","version":1}');
  });

  it('annotates route, method, status, correlation_id and cold_start (true on the first invocation only)', async () => {
    // Prepare
    const handler = probe.probeHandler();

    // Act
    const first = await tracedInvoke(handler, {
      path: '/items/1',
      headers: { 'x-correlation-id': 'trace-corr-1' },
    });
    const second = await tracedInvoke(handler, {
      path: '/items/2',
      headers: { 'x-correlation-id': 'trace-corr-2' },
    });

    // Assert
    expect((await subsegmentOf(first.root)).annotations).toEqual({
      route: 'GET /items/:id',
      method: 'GET',
      status: 200,
      correlation_id: 'trace-corr-1',
      cold_start: true,
    });
    expect((await subsegmentOf(second.root)).annotations).toEqual({
      route: 'GET /items/:id',
      method: 'GET',
      status: 200,
      correlation_id: 'trace-corr-2',
      cold_start: false,
    });
  });

  it('puts the trace id of the invocation on its log lines', async () => {
    // Prepare
    const handler = probe.probeHandler();

    // Act
    const { root } = await tracedInvoke(handler, { path: '/items/1' });

    // Assert
    const lines = output.logs();
    expect(lines.length).toBeGreaterThan(0);
    for (const line of lines) expect(line.xray_trace_id).toBe(root);
  });

  it('flags a 4xx as an error, with no fault and no exception', async () => {
    // Prepare
    const handler = probe.probeHandler();

    // Act
    const { answer, root } = await tracedInvoke(handler, { path: '/items/1/missing' });

    // Assert
    expect(answer.statusCode).toBe(404);
    const subsegment = await subsegmentOf(root);
    expect(subsegment.error).toBe(true);
    expect(subsegment).not.toHaveProperty('fault');
    expect(subsegment).not.toHaveProperty('cause');
    expect(subsegment.annotations?.status).toBe(404);
  });

  it('marks a thrown Error as a fault and records the exception', async () => {
    // Prepare
    const handler = probe.probeHandler();

    // Act
    const { answer, root } = await tracedInvoke(handler, { path: '/items/1/fail' });

    // Assert
    expect(answer.statusCode).toBe(500);
    const subsegment = await subsegmentOf(root);
    expect(subsegment.fault).toBe(true);
    expect(subsegment).not.toHaveProperty('error');
    expect(subsegment.cause?.exceptions).toEqual([
      expect.objectContaining({ type: 'Error', message: probe.SECRET_DETAIL }),
    ]);
    expect(subsegment.annotations).toMatchObject({ route: 'GET /items/:id/fail', status: 500 });
  });

  it('records an HttpError 5xx as a fault with its exception', async () => {
    // Prepare
    const handler = probe.probeHandler();

    // Act
    const { root } = await tracedInvoke(handler, { path: '/items/1/unavailable' });

    // Assert
    const subsegment = await subsegmentOf(root);
    expect(subsegment.fault).toBe(true);
    expect(subsegment.cause?.exceptions).toEqual([
      expect.objectContaining({ type: 'HttpError', message: 'database password rejected' }),
    ]);
    expect(subsegment.annotations?.status).toBe(503);
  });

  it('marks a 5xx answered without throwing as a fault, with no exception', async () => {
    // Prepare
    const handler = probe.probeHandler();

    // Act
    const { root } = await tracedInvoke(handler, { path: '/items/1/busy' });

    // Assert
    const subsegment = await subsegmentOf(root);
    expect(subsegment.fault).toBe(true);
    expect(subsegment).not.toHaveProperty('cause');
    expect(subsegment.annotations?.status).toBe(503);
  });

  it('names the subsegment of a request that matched no route "## unmatched"', async () => {
    // Prepare
    const handler = probe.probeHandler();

    // Act
    const { root } = await tracedInvoke(handler, { path: '/nowhere/at/all' });

    // Assert
    const subsegment = await subsegmentOf(root);
    expect(subsegment.name).toBe('## unmatched');
    expect(subsegment.annotations).toMatchObject({ route: 'unmatched', status: 404 });
    expect(subsegment.error).toBe(true);
  });

  it('sends nothing for an invocation whose trace is not sampled', async () => {
    // Prepare
    const handler = probe.probeHandler();

    // Act
    const unsampled = await tracedInvoke(handler, { path: '/items/1' }, false);
    const sampled = await tracedInvoke(handler, { path: '/items/2' });

    // Assert: the sampled one's document arrived, and the earlier unsampled one sent none.
    await subsegmentOf(sampled.root);
    expect(daemon.datagrams.filter((d) => d.document.trace_id === unsampled.root)).toEqual([]);
  });

  it('sends nothing when tracing: false, even in Lambda', async () => {
    // Prepare
    const untraced = probe.probeHandler({ tracing: false });
    const traced = probe.probeHandler();

    // Act
    const off = await tracedInvoke(untraced, { path: '/items/1' });
    const on = await tracedInvoke(traced, { path: '/items/1' });

    // Assert
    await subsegmentOf(on.root);
    expect(daemon.datagrams.filter((d) => d.document.trace_id === off.root)).toEqual([]);
  });

  it('sends nothing when POWERTOOLS_TRACE_ENABLED=false', async () => {
    // Prepare
    vi.stubEnv('POWERTOOLS_TRACE_ENABLED', 'false');
    const untraced = probe.probeHandler();
    vi.stubEnv('POWERTOOLS_TRACE_ENABLED', 'true');
    const traced = probe.probeHandler();

    // Act
    const off = await tracedInvoke(untraced, { path: '/items/1' });
    const on = await tracedInvoke(traced, { path: '/items/1' });

    // Assert
    await subsegmentOf(on.root);
    expect(daemon.datagrams.filter((d) => d.document.trace_id === off.root)).toEqual([]);
  });

  it('nests the subsegments a route opens with the Tracer passed to createHandler under the request subsegment', async () => {
    // Prepare
    const { Tracer } = await import('@aws-lambda-powertools/tracer');
    const tracer: Tracer = new Tracer({ serviceName: 'probe' });
    const { Controller, Get } = gantry;
    @Controller('/orders')
    class OrdersController {
      @Get('/:id')
      get() {
        const load = tracer.getSegment()?.addNewSubsegment('### load order');
        load?.close();
        return { ok: true };
      }
    }
    const handler = gantry.createHandler({
      controllers: [OrdersController],
      service: 'orders',
      tracer,
    });

    // Act
    const { root } = await tracedInvoke(handler, { path: '/orders/9' });

    // Assert
    const documents = await daemon.documentsOf(root, 2);
    const request = documents.find((doc) => doc.name === '## GET /orders/:id');
    const load = documents.find((doc) => doc.name === '### load order');
    expect(request).toBeDefined();
    expect(load?.parent_id).toBe(request?.id);
    expect(load?.trace_id).toBe(root);
  });

  it('annotates no correlation_id when the chain has no correlationId middleware', async () => {
    // Prepare
    const { Tracer } = await import('@aws-lambda-powertools/tracer');
    const tracer = new Tracer({ serviceName: 'probe' });
    const handler = gantry
      .createHandler({
        controllers: [probe.ProbeController],
        service: 'probe',
        observability: false,
      })
      .use(gantry.tracing({ tracer }));

    // Act
    const { root } = await tracedInvoke(handler, { path: '/items/3' });

    // Assert
    expect((await subsegmentOf(root)).annotations).toEqual({
      route: 'GET /items/:id',
      method: 'GET',
      status: 200,
      cold_start: false,
    });
  });

  it("nests the request subsegment under Powertools' captureLambdaHandler subsegment when both are used", async () => {
    // Prepare
    vi.stubEnv('_HANDLER', 'index.handler');
    const { Tracer } = await import('@aws-lambda-powertools/tracer');
    const { captureLambdaHandler } = await import('@aws-lambda-powertools/tracer/middleware');
    const tracer = new Tracer({ serviceName: 'probe' });
    const handler = gantry
      .createHandler({
        controllers: [probe.ProbeController],
        service: 'probe',
        observability: false,
      })
      .use(captureLambdaHandler(tracer, { captureResponse: false }))
      .use(gantry.tracing({ tracer }));

    // Act
    const { root, parent } = await tracedInvoke(handler, { path: '/items/4' });

    // Assert
    const documents = await daemon.documentsOf(root, 2);
    const outer = documents.find((doc) => doc.name === '## index.handler');
    const request = documents.find((doc) => doc.name === '## GET /items/:id');
    expect(outer?.parent_id).toBe(parent);
    expect(request?.parent_id).toBe(outer?.id);
  });

  it('keeps each invocation on its own trace when invocations overlap (Lambda Managed Instances)', async () => {
    // Prepare
    const handler = probe.probeHandler();
    vi.stubEnv('AWS_LAMBDA_MAX_CONCURRENCY', '64');
    const runtime = await gantryDev.createLocalRuntime(handler);
    const invocations = Array.from({ length: 50 }, (_, index) => ({
      index,
      trace: newTraceHeader(),
    }));

    // Act
    await Promise.all(
      invocations.map(({ index, trace }) =>
        runtime.invoke(
          apigwV2Event({
            path: `/items/${index}/slow`,
            headers: { 'x-correlation-id': `mi-${index}` },
          }),
          { traceId: trace.header },
        ),
      ),
    );

    // Assert
    for (const { index, trace } of invocations) {
      const subsegment = await subsegmentOf(trace.root);
      expect(subsegment.parent_id).toBe(trace.parent);
      expect(subsegment.annotations?.correlation_id).toBe(`mi-${index}`);
    }
  });
});
