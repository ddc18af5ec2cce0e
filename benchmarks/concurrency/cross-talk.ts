/**
 * The cross-talk check of a burst: every answer, log line and EMF document must belong to
 * exactly one request of the burst, its own, and every request must have exactly one answer,
 * one access line and one route-metrics document (and one line of the route's own, for routes
 * that log). Anything else is a problem, described; the run fails on the first.
 */
import { LOG_KEYS, LOG_MESSAGES } from 'gantry';
import { checkAnswer, headerValues } from '../app-check.js';
import type { IsolationCounts } from '../report/results.js';
import type { ConcurrentRequest } from './concurrent-requests.js';
import type { Burst } from './invoke-concurrently.js';

/** Options of {@link checkIsolation}. */
export interface IsolationOptions {
  /** The burst is the process's first invocations: exactly one cold start, on one request. */
  readonly coldStart: boolean;
  /** The message of the route's own log line, if the routes log one (with `item`). */
  readonly routeLine?: string;
}

/** What the check read, and every problem found. */
export interface IsolationReport {
  readonly checked: IsolationCounts;
  readonly problems: readonly string[];
}

type Doc = Record<string, unknown>;

const firstLine = (text: string) => text.split('\n', 1)[0] ?? '';
const show = (value: unknown) => JSON.stringify(value) ?? String(value);

function parse(line: string): Doc | undefined {
  try {
    const doc: unknown = JSON.parse(line);
    return typeof doc === 'object' && doc !== null && !Array.isArray(doc)
      ? (doc as Doc)
      : undefined;
  } catch {
    return undefined;
  }
}

/** The `Root` of a trace header (`Root=1-…;Parent=…;Sampled=1`), as Powertools logs it. */
function traceRoot(header: string): string {
  return /(?:^|;)Root=([^;]+)/.exec(header)?.[1] ?? header;
}

/**
 * Checks one burst against its plan.
 *
 * @example
 * ```ts
 * const report = checkIsolation(plan, burst, { coldStart: true, routeLine: ROUTE_LINE });
 * report.problems.length; // 0, or the run fails
 * ```
 */
export function checkIsolation(
  plan: readonly ConcurrentRequest[],
  burst: Pick<Burst, 'answers' | 'lines'>,
  options: IsolationOptions,
): IsolationReport {
  const problems: string[] = [];
  const owners = new Map(plan.map((request) => [request.correlationId, request]));
  const counts = {
    access: new Map<string, number>(),
    emf: new Map<string, number>(),
    route: new Map<string, number>(),
  };
  const tally = (map: Map<string, number>, id: string) => map.set(id, (map.get(id) ?? 0) + 1);
  const coldStartIds = new Set<string>();
  let logLines = 0;
  let accessLines = 0;
  let routeLines = 0;
  let emfDocuments = 0;
  let coldStartDocuments = 0;

  if (burst.answers.length !== plan.length)
    problems.push(`${burst.answers.length} answers for ${plan.length} requests`);
  plan.forEach((request, index) => {
    const answer = burst.answers[index];
    const who = `answer to ${request.correlationId} (${request.source} ${request.method} ${request.path})`;
    try {
      checkAnswer(request.source, request.request, answer);
    } catch (error) {
      problems.push(`${who}: ${firstLine((error as Error).message)}`);
    }
    try {
      const ids = headerValues(request.source, answer, 'x-correlation-id');
      if (ids.length !== 1 || ids[0] !== request.correlationId)
        problems.push(`${who}: x-correlation-id ${show(ids)}`);
    } catch (error) {
      problems.push(`${who}: ${(error as Error).message}`);
    }
  });

  for (const line of burst.lines) {
    const doc = parse(line);
    if (!doc) {
      problems.push(`an output line that is not a JSON document: ${line.slice(0, 160)}`);
      continue;
    }
    const id = doc[LOG_KEYS.correlationId];
    const owner = typeof id === 'string' ? owners.get(id) : undefined;
    const what =
      typeof doc._aws === 'object' ? 'EMF document' : `log line '${String(doc.message)}'`;
    if (!owner) {
      problems.push(`${what} on correlation id ${show(id)}, no request's: ${line.slice(0, 160)}`);
      continue;
    }
    const mismatch = (field: string, expected: unknown) => {
      if (doc[field] !== expected)
        problems.push(
          `${what} of ${owner.correlationId}: ${field} ${show(doc[field])}, expected ${show(expected)}`,
        );
    };
    if (typeof doc._aws === 'object') {
      if ('ColdStart' in doc) {
        coldStartDocuments++;
        coldStartIds.add(owner.correlationId);
      } else if ('Requests' in doc) {
        emfDocuments++;
        tally(counts.emf, owner.correlationId);
        mismatch('route', owner.route);
        mismatch('Requests', 1);
      } else problems.push(`an EMF document of neither route metrics nor a cold start: ${line}`);
      continue;
    }
    if (typeof doc.level !== 'string') {
      problems.push(`an output line that is neither a log line nor EMF: ${line.slice(0, 160)}`);
      continue;
    }
    logLines++;
    if ('function_request_id' in doc) mismatch('function_request_id', owner.awsRequestId);
    if ('xray_trace_id' in doc) mismatch('xray_trace_id', traceRoot(owner.traceId));
    if (doc[LOG_KEYS.coldStart] === true) coldStartIds.add(owner.correlationId);
    if (doc.message === LOG_MESSAGES.access) {
      accessLines++;
      tally(counts.access, owner.correlationId);
      mismatch(LOG_KEYS.method, owner.method);
      mismatch(LOG_KEYS.route, owner.route);
      mismatch(LOG_KEYS.path, owner.path);
      mismatch(LOG_KEYS.status, owner.request.status);
    } else if (options.routeLine !== undefined && doc.message === options.routeLine) {
      routeLines++;
      tally(counts.route, owner.correlationId);
      mismatch('item', owner.item);
    }
  }

  for (const request of plan) {
    const expect = (map: Map<string, number>, what: string) => {
      const count = map.get(request.correlationId) ?? 0;
      if (count !== 1) problems.push(`${request.correlationId}: ${count} ${what}, expected 1`);
    };
    expect(counts.access, 'access lines');
    expect(counts.emf, 'route-metrics EMF documents');
    if (options.routeLine !== undefined) expect(counts.route, `'${options.routeLine}' lines`);
  }
  const coldStarts = options.coldStart ? 1 : 0;
  if (coldStartDocuments !== coldStarts)
    problems.push(`${coldStartDocuments} cold-start EMF documents, expected ${coldStarts}`);
  if (coldStartIds.size > coldStarts)
    problems.push(
      `cold start reported on ${coldStartIds.size} requests: ${[...coldStartIds].slice(0, 5).join(', ')}`,
    );

  return {
    checked: {
      answers: plan.length,
      logLines,
      accessLines,
      routeLines,
      emfDocuments,
      coldStartDocuments,
    },
    problems,
  };
}
