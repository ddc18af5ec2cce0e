/**
 * What a handler prints (Powertools logs and EMF on `process.stdout`, or through `console` when
 * POWERTOOLS_DEV is set; warnings on `process.stderr`) sent to one stream while it runs, so that
 * a command's own stdout carries its result alone.
 */
import { Console } from 'node:console';

type Write = typeof process.stdout.write;

/** The `console` methods that print. */
const PRINTING = ['log', 'info', 'warn', 'error', 'debug', 'trace', 'dir'] as const;

/**
 * Runs `work` with every write to `process.stdout` and `process.stderr` going to `target`, as
 * it is written, and puts both back when `work` settles.
 *
 * @example
 * ```ts
 * const result = await withOutputTo(stderr, () => runtime.invoke(event));
 * stdout.write(JSON.stringify(result));
 * ```
 */
export async function withOutputTo<T>(
  target: NodeJS.WritableStream,
  work: () => Promise<T>,
): Promise<T> {
  const streams = [process.stdout, process.stderr];
  const originals = streams.map((stream) => stream.write);
  // The target's own write, as it is now: `process.stderr` itself must not write into itself.
  const index = streams.indexOf(target as (typeof streams)[number]);
  const write: (...args: Parameters<Write>) => boolean =
    index >= 0
      ? (originals[index] as Write).bind(target)
      : (target.write.bind(target) as (...args: Parameters<Write>) => boolean);
  for (const stream of streams)
    stream.write = ((...args: Parameters<Write>) => write(...args)) as Write;
  // `console` too: it may not print through process.stdout (a test runner's console does not).
  const redirected = new Console({ stdout: target, stderr: target });
  const consoleMethods = PRINTING.map((name) => console[name]);
  for (const name of PRINTING) console[name] = redirected[name].bind(redirected);
  try {
    return await work();
  } finally {
    streams.forEach((stream, at) => {
      stream.write = originals[at] as Write;
    });
    PRINTING.forEach((name, at) => {
      console[name] = consoleMethods[at] as (typeof console)[typeof name];
    });
  }
}
