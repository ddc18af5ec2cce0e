/**
 * The soak worker: invokes one variant warm up to the last checkpoint (the GET and the POST in
 * turn, each with an id or name of its own, the sources taking turns), each on a fresh event
 * after a turn of the event loop, and checks every answer (status, content type, exact body).
 * At each checkpoint it forces full GCs (`--expose-gc`) and keeps the lowest heap used read
 * after them. The app check runs on every source before and after.
 */
import { APP_REQUESTS, appEvent, checkAnswer, checkApp, invokeHandler } from '../app-check.js';
import { VARIANTS } from '../apps/index.js';
import { lambdaContext } from '../lambda-context.js';
import { nextTurn } from '../measure/measure-invocations.js';
import type { HeapReading } from '../report/results.js';
import { reportProgress, serveJob } from '../workers/worker-channel.js';
import type { SoakJob, SoakReadings } from './soak-job.js';
import { soakRequest, soakSource } from './soak-requests.js';

/** Forced GCs per reading; the lowest heap used after them is the reading. */
const GC_ROUNDS = 3;

async function heapAfterGc(invocations: number, elapsedMs: number): Promise<HeapReading> {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (!gc) throw new Error('the soak worker needs node --expose-gc');
  let heapUsed = Number.POSITIVE_INFINITY;
  let rss = 0;
  for (let round = 0; round < GC_ROUNDS; round++) {
    gc();
    const usage = process.memoryUsage();
    if (usage.heapUsed < heapUsed) ({ heapUsed, rss } = usage);
    // Finalizers and weak callbacks run between two collections.
    await nextTurn();
  }
  return { invocations, heapUsed, rss, elapsedMs };
}

async function soak(job: SoakJob): Promise<SoakReadings> {
  const variant = VARIANTS.find((candidate) => candidate.name === job.variant);
  if (!variant) throw new Error(`no variant '${job.variant}' in benchmarks/apps/index.ts`);
  const { handler } = await variant.load();
  let answersChecked = 0;
  const checkEverySource = async (): Promise<void> => {
    for (const source of job.sources) {
      await checkApp(handler, source);
      answersChecked += APP_REQUESTS.length;
    }
  };

  await checkEverySource();
  const readings: HeapReading[] = [];
  const last = job.checkpoints.at(-1) ?? 0;
  let checkpoint = 0;
  const started = performance.now();
  for (let n = 1; n <= last; n++) {
    await nextTurn();
    const source = soakSource(job.sources, n);
    const request = soakRequest(n);
    const requestId = `soak-${n}`;
    const answer = await invokeHandler(
      handler,
      appEvent(source, request, requestId),
      lambdaContext(requestId),
    );
    checkAnswer(source, request, answer);
    answersChecked++;
    if (n === job.checkpoints[checkpoint]) {
      const reading = await heapAfterGc(n, performance.now() - started);
      readings.push(reading);
      checkpoint++;
      reportProgress(
        `${n.toLocaleString('en-US')} invocations: heap after GC ${(reading.heapUsed / 1e6).toFixed(2)} MB (${(reading.elapsedMs / 1000).toFixed(1)} s)`,
      );
    }
  }
  const durationMs = performance.now() - started;
  await checkEverySource();
  return { readings, invocations: last, durationMs, answersChecked };
}

serveJob(soak);
