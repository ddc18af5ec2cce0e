/**
 * The benchmark's concurrency check: a burst of invocations in flight at once on the full chain
 * passes it only when every answer, log line and EMF document belongs to its own request, and
 * the check really finds cross-talk: the same chain run without per-invocation stores, and
 * outputs tampered with one way at a time.
 */
import { createHandler } from 'gantry';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { LambdaHandler } from '../../benchmarks/app-check.js';
import { SOURCES } from '../../benchmarks/app-check.js';
import { AwaitingItemsController } from '../../benchmarks/concurrency/awaiting-app.js';
import { ROUTE_LINE } from '../../benchmarks/concurrency/concurrency-apps.js';
import {
  type ConcurrentRequest,
  planConcurrentRequests,
} from '../../benchmarks/concurrency/concurrent-requests.js';
import { checkIsolation } from '../../benchmarks/concurrency/cross-talk.js';
import {
  type Burst,
  invokeConcurrently,
} from '../../benchmarks/concurrency/invoke-concurrently.js';
import { managedInstanceScope } from '../../benchmarks/concurrency/managed-instance.js';
import { assertNoCrossTalk } from '../../benchmarks/concurrency/run-concurrency.js';
import type { ConcurrencyRow } from '../../benchmarks/report/results.js';

const IN_FLIGHT = 120;
const OPTIONS = { coldStart: true, routeLine: ROUTE_LINE };

afterEach(() => {
  vi.unstubAllEnvs();
});

/** A fresh handler of the awaiting app: its own cold start, its own Powertools utilities. */
function awaitingHandler(): LambdaHandler {
  return createHandler({
    controllers: [AwaitingItemsController],
    service: 'bench',
  }) as unknown as LambdaHandler;
}

/** A burst on every source, inside per-invocation stores as a Managed Instance runs it. */
async function scopedBurst(): Promise<{ plan: ConcurrentRequest[]; burst: Burst }> {
  vi.stubEnv('AWS_LAMBDA_MAX_CONCURRENCY', String(IN_FLIGHT));
  const scope = await managedInstanceScope();
  const plan = planConcurrentRequests(SOURCES, IN_FLIGHT, { bodyHasCorrelationId: true });
  const burst = await invokeConcurrently(awaitingHandler(), plan, { scope });
  return { plan, burst };
}

const parse = (line: string) => JSON.parse(line) as Record<string, unknown>;

describe('a concurrency burst', () => {
  it('keeps every answer, log line and EMF document on its own request, on every source', async () => {
    // Prepare, Act
    const { plan, burst } = await scopedBurst();
    const report = checkIsolation(plan, burst, OPTIONS);

    // Assert
    expect(report.problems).toEqual([]);
    expect(report.checked).toEqual({
      answers: IN_FLIGHT,
      logLines: 2 * IN_FLIGHT + 1,
      accessLines: IN_FLIGHT,
      routeLines: IN_FLIGHT,
      emfDocuments: IN_FLIGHT,
      coldStartDocuments: 1,
    });
    expect(burst.peakInFlight).toBe(IN_FLIGHT);
    expect(burst.outOfOrder).toBeGreaterThan(0);
    // The request and trace ids the check compares are really on the lines.
    const logs = burst.lines.map(parse).filter((doc) => typeof doc.level === 'string');
    for (const line of logs) {
      expect(line.function_request_id).toMatch(/^aws-\d+$/);
      expect(line.xray_trace_id).toMatch(/^1-[0-9a-f]{8}-[0-9a-f]{24}$/);
    }
    expect(new Set(plan.map((request) => request.correlationFrom))).toEqual(
      new Set(['x-correlation-id', 'x-request-id', 'request id']),
    );
  });

  it('finds the cross-talk of the same chain run without per-invocation stores', async () => {
    // Prepare: no AWS_LAMBDA_MAX_CONCURRENCY, so Powertools keeps one set of keys for all
    vi.stubEnv('AWS_LAMBDA_MAX_CONCURRENCY', undefined);
    const plan = planConcurrentRequests(['apigw-v2'], IN_FLIGHT, { bodyHasCorrelationId: true });

    // Act
    const burst = await invokeConcurrently(awaitingHandler(), plan);
    const report = checkIsolation(plan, burst, OPTIONS);

    // Assert
    expect(report.problems.length).toBeGreaterThan(0);
    expect(report.problems.join('\n')).toMatch(/log line '(item handled|request completed)' of /);
  });

  it('finds an answer of another request, a line of no request, a second document and a missing one', async () => {
    // Prepare
    const { plan, burst } = await scopedBurst();
    const { answers, lines } = burst;
    const emf = lines.findIndex((line) => line.includes('"Requests":1'));
    const access = lines.findIndex((line) => line.includes('"request completed"'));
    const stray = parse(lines[access] as string);
    stray.correlation_id = 'nobody';
    const swapped = [answers[2], answers[1], answers[0], ...answers.slice(3)];
    const owner = parse(lines[emf] as string).correlation_id;

    // Act
    const problems = (changed: Partial<Burst>) =>
      checkIsolation(plan, { answers, lines, ...changed }, OPTIONS).problems.join('\n');

    // Assert
    const [first, , third] = plan as [ConcurrentRequest, ConcurrentRequest, ConcurrentRequest];
    expect(problems({ answers: swapped })).toMatch(
      new RegExp(`answer to ${first.correlationId} .*body .*"${third.item}"`),
    );
    expect(problems({ answers: swapped })).toContain(
      `answer to ${third.correlationId} (${third.source} GET ${third.path}): x-correlation-id ["${first.correlationId}"]`,
    );
    expect(
      problems({ lines: lines.map((line, i) => (i === access ? JSON.stringify(stray) : line)) }),
    ).toMatch(/log line 'request completed' on correlation id "nobody", no request's/);
    expect(problems({ lines: [...lines, lines[emf] as string] })).toContain(
      `${owner}: 2 route-metrics EMF documents, expected 1`,
    );
    expect(problems({ lines: lines.filter((_, i) => i !== emf) })).toContain(
      `${owner}: 0 route-metrics EMF documents, expected 1`,
    );
    expect(problems({ lines: [...lines, 'not json'] })).toContain('not a JSON document');
  });
});

describe('assertNoCrossTalk', () => {
  const row: ConcurrencyRow = {
    app: 'gantry-full',
    description: '',
    sources: ['apigw-v2'],
    inFlight: 2,
    peakInFlight: 2,
    outOfOrder: 0,
    durationMs: 1,
    checked: {
      answers: 2,
      logLines: 2,
      accessLines: 2,
      routeLines: 0,
      emfDocuments: 2,
      coldStartDocuments: 1,
    },
    crossTalk: 0,
    crossTalkExamples: [],
  };

  it('fails the run on a cross-talk, quoting it, and passes a burst without', () => {
    // Prepare
    const leaky = { ...row, crossTalk: 1, crossTalkExamples: ['answer to conc-0: body …'] };

    // Act, Assert
    expect(() => assertNoCrossTalk(row)).not.toThrow();
    expect(() => assertNoCrossTalk(leaky)).toThrow(/1 cross-talk.*gantry-full[\s\S]*conc-0/);
  });
});
