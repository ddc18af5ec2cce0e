/**
 * Runs one benchmark worker in a child process of its own: the job goes in as an argument, the
 * result comes back over the IPC channel, and what the worker writes to stdout (its logs and
 * EMF) goes to a scratch file, counted once the worker is done and deleted: writing costs the
 * worker what writing to /dev/null costs, whatever the volume, and the harness reads nothing
 * while the worker is timed.
 */
import { spawn } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, readSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** What a worker sends back: its result, or why it failed. */
export type WorkerMessage<T> = { ok: true; result: T } | { ok: false; error: string };

/** What a long-running worker says on the way (relayed to `WorkerOptions.progress`). */
export interface WorkerProgress {
  readonly progress: string;
}

/** A finished worker. */
export interface WorkerRun<T> {
  readonly result: T;
  /** Lines the worker wrote to stdout (log lines, EMF documents). */
  readonly stdoutLines: number;
  /** Bytes it wrote to stdout. */
  readonly stdoutBytes: number;
  /** Lines it wrote to stderr (warnings, errors). */
  readonly stderrLines: number;
  /** Its first stderr line, if any: the warning worth reading. */
  readonly stderrFirst: string | undefined;
}

/** How to run a worker. */
export interface WorkerOptions {
  readonly env: NodeJS.ProcessEnv;
  readonly cwd?: string;
  /** Killed (and the run failed) after this long. */
  readonly timeoutMs: number;
  /** Receives the worker's progress lines, if it sends any. */
  readonly progress?: (line: string) => void;
}

const TAIL = 4_000;

/** Counts the newlines in a chunk. */
export function countLines(chunk: Buffer): number {
  let lines = 0;
  for (let at = chunk.indexOf(10); at !== -1; at = chunk.indexOf(10, at + 1)) lines++;
  return lines;
}

let scratch: string | undefined;

/** A scratch file for a worker's stdout: its descriptor, and a way to count and delete it. */
function stdoutSink() {
  if (scratch === undefined) {
    const dir = mkdtempSync(join(tmpdir(), 'gantry-bench-'));
    // Each sink deletes its own file; the directory goes when the harness exits.
    process.once('exit', () => rmSync(dir, { recursive: true, force: true }));
    scratch = dir;
  }
  const path = join(scratch, `stdout-${process.pid}-${performance.now().toFixed(3)}.log`);
  const fd = openSync(path, 'w+');
  return {
    fd,
    /** Closes the file, counts its lines and bytes, and deletes it. */
    drain(): { lines: number; bytes: number } {
      const buffer = Buffer.allocUnsafe(1 << 20);
      let lines = 0;
      let bytes = 0;
      for (let read = readSync(fd, buffer, 0, buffer.length, 0); read > 0; ) {
        lines += countLines(buffer.subarray(0, read));
        bytes += read;
        read = readSync(fd, buffer, 0, buffer.length, bytes);
      }
      closeSync(fd);
      rmSync(path, { force: true });
      return { lines, bytes };
    },
  };
}

/**
 * Runs `script` (a bundled worker) with `--expose-gc` and `job` as its argument; resolves with
 * its result, or rejects with its error and the tail of its stderr.
 *
 * @example
 * ```ts
 * const run = await runWorker<WarmResult>(warmWorker, job, { env: lambdaEnv(), timeoutMs: 120_000 });
 * ```
 */
export function runWorker<T>(
  script: string,
  job: unknown,
  options: WorkerOptions,
): Promise<WorkerRun<T>> {
  return new Promise((resolve, reject) => {
    const stdout = stdoutSink();
    const child = spawn(process.execPath, ['--expose-gc', script, JSON.stringify(job)], {
      env: options.env,
      cwd: options.cwd,
      stdio: ['ignore', stdout.fd, 'pipe', 'ipc'],
    });
    let stderrLines = 0;
    let stderrHead = '';
    let stderrTail = '';
    let message: WorkerMessage<T> | undefined;
    child.stderr?.on('data', (chunk: Buffer) => {
      stderrLines += countLines(chunk);
      if (stderrHead.length < TAIL) stderrHead += chunk.toString('utf8', 0, TAIL);
      stderrTail = (stderrTail + chunk.toString()).slice(-TAIL);
    });
    child.on('message', (received: WorkerMessage<T> | WorkerProgress) => {
      if ('progress' in received) options.progress?.(received.progress);
      else message = received;
    });
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
    }, options.timeoutMs);
    child.on('error', (error) => {
      clearTimeout(timer);
      stdout.drain();
      reject(error);
    });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      const written = stdout.drain();
      if (message?.ok === true && code === 0) {
        resolve({
          result: message.result,
          stdoutLines: written.lines,
          stdoutBytes: written.bytes,
          stderrLines,
          stderrFirst: stderrHead.split('\n', 1)[0] || undefined,
        });
        return;
      }
      const why =
        message?.ok === false
          ? message.error
          : signal === 'SIGKILL'
            ? `timed out after ${options.timeoutMs} ms`
            : `exited with ${signal ?? `code ${code}`} without a result`;
      reject(new Error(`${why}\n--- worker stderr (tail) ---\n${stderrTail.trim()}`));
    });
  });
}
