/**
 * The scaling worker: in a fresh process, builds a generated route set on one framework (timed
 * once, as at cold start), sends the first request (timed), checks the answers of the first
 * route, the last route and an unknown path (404), then times each through the handler with an
 * HTTP API (v2) event.
 */
import {
  APP_REQUESTS,
  type AppRequest,
  appEvent,
  checkAnswer,
  invokeHandler,
} from '../app-check.js';
import { lambdaContext } from '../lambda-context.js';
import { measureInvocations, nextTurn } from '../measure/measure-invocations.js';
import { serveJob } from '../workers/worker-channel.js';
import { loadFramework } from './route-sets.js';
import type { ScalingJob, ScalingResult } from './scaling-job.js';

const GET = APP_REQUESTS[0] as AppRequest;

/** `GET <path>`, with the app's headers, answered `status` with `{ id: 'abc', route }`. */
function lookup(path: string, route: string, status = 200): AppRequest {
  return { name: `GET ${path}`, spec: { ...GET.spec, path }, status, body: { id: 'abc', route } };
}

async function measureScaling(job: ScalingJob): Promise<ScalingResult> {
  const prepare = await loadFramework(job.framework);
  const first = lookup('/r0/abc', 'r0');
  const last = lookup(`/r${job.routes - 1}/abc`, `r${job.routes - 1}`);
  const notFound = lookup(`/r${job.routes}/abc`, '', 404);
  let invocations = 0;
  let answersChecked = 0;
  const invocation = (request: AppRequest) => {
    const requestId = `scaling-${++invocations}`;
    return { event: appEvent('apigw-v2', request, requestId), context: lambdaContext(requestId) };
  };

  const build = prepare(job.routes);
  const built = performance.now();
  const handler = build();
  const buildMs = performance.now() - built;
  const { event, context } = invocation(first);
  const sent = performance.now();
  const firstAnswer = await invokeHandler(handler, event, context);
  const firstRequestMs = performance.now() - sent;

  const check = (request: AppRequest, answer: unknown): void => {
    answersChecked++;
    if (request.status === 404) {
      const status = (answer as { statusCode?: unknown } | null)?.statusCode;
      if (status !== 404)
        throw new Error(`${job.framework}: ${request.name}: status ${status}, expected 404`);
      return;
    }
    checkAnswer('apigw-v2', request, answer);
  };
  const call = async (request: AppRequest) => {
    const { event, context } = invocation(request);
    check(request, await invokeHandler(handler, event, context));
  };
  check(first, firstAnswer);
  for (const request of [last, notFound]) await call(request);
  const warmupEnds = performance.now() + job.warmup.maxMs;
  for (let n = 0; n < job.warmup.invocations && performance.now() < warmupEnds; ) {
    for (const request of [first, last, notFound]) {
      await nextTurn();
      await call(request);
      n++;
    }
  }

  const time = async (request: AppRequest) => {
    let answer: unknown;
    const stats = await measureInvocations(
      async () => {
        await nextTurn();
        return invocation(request);
      },
      (input) => {
        answer = invokeHandler(handler, input.event, input.context);
        return answer;
      },
      job.sampling,
    );
    check(request, await answer);
    return stats;
  };
  return {
    buildMs,
    firstRequestMs,
    first: await time(first),
    last: await time(last),
    notFound: await time(notFound),
    answersChecked,
  };
}

serveJob(measureScaling);
