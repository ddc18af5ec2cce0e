/**
 * The worker's side of {@link runWorker}: reads the job from the command line, runs it, sends
 * the result (or the error) to the harness and exits.
 */
import type { WorkerMessage, WorkerProgress } from './spawn-worker.js';

/**
 * Runs `work` on this process's job and reports to the harness; the process then exits, whatever
 * handles the code under test left open.
 *
 * @example
 * ```ts
 * serveJob<WarmJob, WarmResult>(async (job) => measureVariant(job));
 * ```
 */
export function serveJob<Job, Result>(work: (job: Job) => Promise<Result>): void {
  const send = (message: WorkerMessage<Result>): void => {
    if (!process.send) {
      console.error('a benchmark worker runs under the harness (npm run bench), not alone');
      process.exit(2);
    }
    process.send(message, () => process.exit(message.ok ? 0 : 1));
  };
  let job: Job;
  try {
    job = JSON.parse(process.argv[2] ?? '') as Job;
  } catch {
    send({ ok: false, error: 'the worker was started without its job' });
    return;
  }
  work(job).then(
    (result) => send({ ok: true, result }),
    (error: unknown) =>
      send({
        ok: false,
        error: error instanceof Error ? (error.stack ?? error.message) : String(error),
      }),
  );
}

/**
 * Sends a progress line to the harness, which prints it (a long soak says where it is).
 *
 * @example
 * ```ts
 * reportProgress('soak: 100,000 invocations, heap 6.2 MB');
 * ```
 */
export function reportProgress(line: string): void {
  const message: WorkerProgress = { progress: line };
  process.send?.(message);
}
