/**
 * The concurrency worker: in a fresh process set up as a Lambda Managed Instance (the
 * invocation store installed before the handler loads), starts every invocation of a burst at
 * once on one handler, then checks that each answer, log line and EMF document belongs to its
 * own request. The burst is the process's first invocations: its cold start is checked too.
 */
import { serveJob } from '../workers/worker-channel.js';
import { CONCURRENCY_APPS } from './concurrency-apps.js';
import type { ConcurrencyJob, ConcurrencyReport } from './concurrency-job.js';
import { planConcurrentRequests } from './concurrent-requests.js';
import { checkIsolation } from './cross-talk.js';
import { invokeConcurrently } from './invoke-concurrently.js';
import { managedInstanceScope } from './managed-instance.js';

async function burst(job: ConcurrencyJob): Promise<ConcurrencyReport> {
  const app = CONCURRENCY_APPS.find((candidate) => candidate.name === job.app);
  if (!app) throw new Error(`no concurrency app '${job.app}' in concurrency-apps.ts`);
  const scope = await managedInstanceScope();
  const { handler } = await app.load();
  const plan = planConcurrentRequests(job.sources, job.inFlight, app);
  const result = await invokeConcurrently(handler, plan, { scope, tee: true });
  const { checked, problems } = checkIsolation(plan, result, {
    coldStart: true,
    routeLine: app.routeLine,
  });
  const { peakInFlight, outOfOrder, durationMs } = result;
  return { peakInFlight, outOfOrder, durationMs, checked, problems };
}

serveJob(burst);
