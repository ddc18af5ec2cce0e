/**
 * X-Ray tracing through the Powertools Tracer: one subsegment per request, named by its route.
 * The Tracer (and aws-xray-sdk-core, which switches on async hooks for the whole process) is
 * only loaded when tracing is on.
 */
import type { Tracer } from '@aws-lambda-powertools/tracer';
import { exchangeOf } from '../handler/http-exchange.js';
import { ANNOTATIONS, subsegmentName } from './constants.js';
import type { GantryMiddleware, MiddyRequest } from './middleware-types.js';
import { responseStatus } from './response-status.js';

type Segment = NonNullable<ReturnType<Tracer['getSegment']>>;

interface OpenTrace {
  subsegment: Segment;
  parent: Segment;
}

const TRACE = 'gantry.trace';

/** Options of {@link tracing}. */
export interface TracingOptions {
  /** A Tracer, or the promise of one while it loads. */
  tracer: Tracer | Promise<Tracer>;
}

/**
 * Middy middleware: opens a subsegment `## GET /items/:id` per request, annotated with `route`,
 * `method`, `status`, `correlation_id` and `cold_start`; records errors on it (error flag for
 * 4xx, fault and exception for 5xx) and closes it.
 *
 * @example
 * ```ts
 * import { Tracer } from '@aws-lambda-powertools/tracer';
 * handler.use(tracing({ tracer: new Tracer({ serviceName: 'items' }) }));
 * ```
 */
export function tracing(options: TracingOptions): GantryMiddleware {
  let tracer: Tracer | undefined;
  let loading: Promise<unknown> | undefined = Promise.resolve(options.tracer).then(
    (loaded) => {
      tracer = loaded;
    },
    (error: unknown) => {
      console.warn('gantry: tracing is off, the Powertools Tracer failed to load:', error);
    },
  );
  const open = (request: MiddyRequest): void => {
    const exchange = exchangeOf(request);
    if (!exchange || !tracer?.isTracingEnabled()) return;
    const parent = tracer.getSegment();
    if (!parent) return;
    const subsegment = invocationScope(parent).addNewSubsegment(subsegmentName(exchange.routeName));
    tracer.setSegment(subsegment);
    request.internal = { ...request.internal, [TRACE]: { subsegment, parent } satisfies OpenTrace };
  };
  const close = (request: MiddyRequest): void => {
    const trace = (request.internal as Record<string, unknown> | undefined)?.[TRACE] as
      | OpenTrace
      | undefined;
    const exchange = exchangeOf(request);
    if (!trace || !exchange || !tracer) return;
    const { subsegment, parent } = trace;
    const status = responseStatus(request);
    subsegment.addAnnotation(ANNOTATIONS.route, exchange.routeName);
    subsegment.addAnnotation(ANNOTATIONS.method, exchange.request.method);
    subsegment.addAnnotation(ANNOTATIONS.status, status);
    if (exchange.correlationId)
      subsegment.addAnnotation(ANNOTATIONS.correlationId, exchange.correlationId);
    subsegment.addAnnotation(ANNOTATIONS.coldStart, exchange.coldStart);
    const { error } = request;
    if (error && status >= 500) subsegment.addError(error as Error);
    else if (status >= 500) subsegment.addFaultFlag();
    else if (status >= 400) subsegment.addErrorFlag();
    subsegment.close();
    tracer.setSegment(parent);
  };
  return {
    before(request: MiddyRequest) {
      if (loading === undefined) return open(request);
      return loading.then(() => {
        loading = undefined;
        open(request);
      });
    },
    after: close,
    onError: close,
  };
}

/** The X-Ray SDK's Lambda facade segment: what `getSegment()` returns at the top of an invocation. */
interface FacadeSegment {
  facade?: boolean;
}

/**
 * On Lambda the parent is the SDK's facade segment, one object per process whose trace id and
 * parent id are re-read from whichever invocation last asked for the current segment. With
 * concurrent invocations (Lambda Managed Instances) another invocation would re-point it before
 * this one's subsegments are sent, so they are attached to a per-invocation view of it instead:
 * the facade's behaviour, with this invocation's trace data frozen. It is a copy, not an object
 * inheriting from the facade: a prototype object is slow to write to, and the SDK rewrites the
 * facade on every invocation.
 */
function invocationScope(segment: Segment): Segment {
  const facade = segment as Segment & FacadeSegment;
  if (facade.facade !== true) return segment;
  const scope = Object.assign(Object.create(Object.getPrototypeOf(facade)) as Segment, facade);
  (scope as Segment & { subsegments?: unknown }).subsegments = undefined;
  return scope;
}
