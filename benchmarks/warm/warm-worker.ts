/**
 * The warm worker: in a process of its own, loads one variant, checks its answers on one source,
 * warms it up, times the GET and the POST with mitata (one sample per invocation, a fresh event
 * each), and checks the answers again, including the last timed ones.
 */
import {
  APP_REQUESTS,
  type AppRequest,
  appEvent,
  checkAnswer,
  checkApp,
  invokeHandler,
} from '../app-check.js';
import { VARIANTS } from '../apps/index.js';
import { lambdaContext } from '../lambda-context.js';
import { type LatencyStats, measureInvocations, nextTurn } from '../measure/measure-invocations.js';
import type { TimedRequest } from '../report/results.js';
import { traceHeader } from '../workers/lambda-env.js';
import { serveJob } from '../workers/worker-channel.js';
import { TIMED_REQUESTS, type WarmJob, type WarmResult } from './warm-job.js';

interface Invocation {
  event: unknown;
  context: ReturnType<typeof lambdaContext>;
}

function appRequest(name: TimedRequest): AppRequest {
  const request = APP_REQUESTS.find((candidate) => candidate.name === name);
  if (!request) throw new Error(`benchmarks/app-check.ts has no request '${name}'`);
  return request;
}

async function measureVariant(job: WarmJob): Promise<WarmResult> {
  const variant = VARIANTS.find((candidate) => candidate.name === job.variant);
  if (!variant) throw new Error(`no variant '${job.variant}' in benchmarks/apps/index.ts`);
  const { handler } = await variant.load();
  let invocations = 0;
  let answersChecked = 0;

  /** A fresh invocation, after a turn of the event loop (as between two Lambda invocations). */
  const prepare = (request: AppRequest) => async (): Promise<Invocation> => {
    await nextTurn();
    const requestId = `${job.source}-${++invocations}`;
    if (job.xray) process.env._X_AMZN_TRACE_ID = traceHeader(invocations);
    return { event: appEvent(job.source, request, requestId), context: lambdaContext(requestId) };
  };
  const call = ({ event, context }: Invocation) => invokeHandler(handler, event, context);
  const check = async (): Promise<void> => {
    await checkApp(handler, job.source);
    invocations += APP_REQUESTS.length;
    answersChecked += APP_REQUESTS.length;
  };

  await check();
  const warmupEnds = performance.now() + job.warmup.maxMs;
  for (let n = 0; n < job.warmup.invocations && performance.now() < warmupEnds; ) {
    for (const name of TIMED_REQUESTS) {
      await call(await prepare(appRequest(name))());
      n++;
    }
  }
  const runs: Record<TimedRequest, LatencyStats[]> = { 'GET /items/:id': [], 'POST /items': [] };
  for (let run = 0; run < job.runs; run++) {
    for (const name of TIMED_REQUESTS) {
      const request = appRequest(name);
      let last: unknown;
      const stats = await measureInvocations(
        prepare(request),
        (invocation) => {
          last = call(invocation);
          return last;
        },
        job.sampling,
      );
      checkAnswer(job.source, request, await last);
      answersChecked++;
      runs[name].push(stats);
    }
  }
  await check();
  // Let the last segments reach the stand-in daemon before the process exits.
  if (job.xray) await new Promise((resolve) => setTimeout(resolve, 100));
  return { invocations, answersChecked, runs };
}

serveJob(measureVariant);
