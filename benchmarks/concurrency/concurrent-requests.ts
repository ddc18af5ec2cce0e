/**
 * The requests of a concurrency burst: each with a correlation id, a Lambda request id, a trace
 * id and a path or body of its own, so that any output that strays to another request shows.
 */
import { APP_REQUESTS, type AppRequest, appEvent, type Source } from '../app-check.js';
import type { TimedRequest } from '../report/results.js';
import { traceHeader } from '../workers/lambda-env.js';

/** Where a request's correlation id comes from (Gantry takes the first present, in this order). */
export type CorrelationFrom = 'x-correlation-id' | 'x-request-id' | 'request id';

/** One request of a burst and everything of its own that must come back on its outputs. */
export interface ConcurrentRequest {
  readonly index: number;
  readonly source: Source;
  /** The request and the answer it must get (status, exact JSON body). */
  readonly request: AppRequest;
  readonly route: TimedRequest;
  readonly method: 'GET' | 'POST';
  readonly path: string;
  /** The GET's id or the POST's name: what the route's own log line names. */
  readonly item: string;
  readonly correlationId: string;
  readonly correlationFrom: CorrelationFrom;
  /** The source's request id (`requestContext.requestId`; ALB events carry none). */
  readonly eventRequestId: string;
  /** The Lambda request id (`context.awsRequestId`). */
  readonly awsRequestId: string;
  /** The invocation's X-Ray trace header. */
  readonly traceId: string;
}

/** Options of {@link planConcurrentRequests}. */
export interface PlanOptions {
  /** The routes answer `correlationId` in the body too (the awaiting app does). */
  readonly bodyHasCorrelationId: boolean;
}

const [GET, POST] = APP_REQUESTS as [AppRequest, AppRequest, ...AppRequest[]];
const CORRELATION_FROM: readonly CorrelationFrom[] = [
  'x-correlation-id',
  'x-request-id',
  'request id',
];

/**
 * `count` requests, the sources taking turns, GET and POST in turn; the correlation id comes
 * from the `x-correlation-id` header, the `x-request-id` header or the source's request id in
 * turn (ALB events have no request id: the `x-request-id` header there).
 *
 * @example
 * ```ts
 * const plan = planConcurrentRequests(['apigw-v2'], 1_000, { bodyHasCorrelationId: false });
 * plan[0].correlationId; // 'conc-0'
 * ```
 */
export function planConcurrentRequests(
  sources: readonly Source[],
  count: number,
  options: PlanOptions,
): ConcurrentRequest[] {
  if (sources.length === 0) throw new Error('a concurrency burst needs at least one source');
  return Array.from({ length: count }, (_, index) => {
    const source = sources[Math.floor(index / 2) % sources.length] as Source;
    const hasRequestId = source !== 'alb' && source !== 'alb-multi';
    let from = CORRELATION_FROM[index % CORRELATION_FROM.length] as CorrelationFrom;
    if (from === 'request id' && !hasRequestId) from = 'x-request-id';
    const eventRequestId = `evt-${index}`;
    const correlationId = from === 'request id' ? eventRequestId : `conc-${index}`;
    const headers = from === 'request id' ? {} : { [from]: correlationId };
    const isGet = index % 2 === 0;
    const item = isGet ? `c${index}` : `widget ${index}`;
    const withId: Record<string, string> = options.bodyHasCorrelationId ? { correlationId } : {};
    const request: AppRequest = isGet
      ? {
          name: GET.name,
          spec: {
            ...GET.spec,
            path: `/items/${item}`,
            headers: { ...GET.spec.headers, ...headers },
          },
          status: 200,
          body: { id: item, name: `item ${item}`, ...withId },
        }
      : {
          name: POST.name,
          spec: {
            ...POST.spec,
            headers: { ...POST.spec.headers, ...headers },
            body: JSON.stringify({ name: item }),
          },
          status: 201,
          body: { id: 'new', name: item, ...withId },
        };
    return {
      index,
      source,
      request,
      route: isGet ? 'GET /items/:id' : 'POST /items',
      method: isGet ? 'GET' : 'POST',
      path: isGet ? `/items/${item}` : '/items',
      item,
      correlationId,
      correlationFrom: from,
      eventRequestId,
      awsRequestId: `aws-${index}`,
      traceId: traceHeader(index + 1),
    };
  });
}

/** The request's event, as its source delivers it (a fresh object each call). */
export function concurrentEvent(request: ConcurrentRequest): unknown {
  return appEvent(request.source, request.request, request.eventRequestId);
}
