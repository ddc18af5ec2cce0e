/**
 * The memory worker: invokes one variant warm, the GET and the POST in turn, each on a fresh
 * event after a turn of the event loop, and reads the heap (after `global.gc()`) after the first
 * and the second count of invocations. Answers are checked before, at each reading and after.
 */
import { APP_REQUESTS, appEvent, checkAnswer, checkApp, invokeHandler } from '../app-check.js';
import { VARIANTS } from '../apps/index.js';
import { lambdaContext } from '../lambda-context.js';
import { nextTurn } from '../measure/measure-invocations.js';
import type { HeapReading } from '../report/results.js';
import { serveJob } from '../workers/worker-channel.js';
import type { MemoryJob, MemoryReadings } from './memory-job.js';

const TIMED = APP_REQUESTS.filter((request) => request.spec.base64 !== true);

function readHeap(invocations: number): HeapReading {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (!gc) throw new Error('the memory worker needs node --expose-gc');
  gc();
  gc();
  const { heapUsed, rss } = process.memoryUsage();
  return { invocations, heapUsed, rss };
}

async function measureMemory(job: MemoryJob): Promise<MemoryReadings> {
  const variant = VARIANTS.find((candidate) => candidate.name === job.variant);
  if (!variant) throw new Error(`no variant '${job.variant}' in benchmarks/apps/index.ts`);
  const { handler } = await variant.load();
  await checkApp(handler, job.source);
  let answersChecked = APP_REQUESTS.length;
  const readings: HeapReading[] = [];
  for (let n = 1; n <= job.second; n++) {
    await nextTurn();
    const request = TIMED[n % TIMED.length] as (typeof TIMED)[number];
    const requestId = `memory-${n}`;
    const answer = await invokeHandler(
      handler,
      appEvent(job.source, request, requestId),
      lambdaContext(requestId),
    );
    if (n === job.first || n === job.second) {
      checkAnswer(job.source, request, answer);
      answersChecked++;
      readings.push(readHeap(n));
    }
  }
  await checkApp(handler, job.source);
  answersChecked += APP_REQUESTS.length;
  const [first, second] = readings as [HeapReading, HeapReading];
  return { first, second, answersChecked };
}

serveJob(measureMemory);
