/**
 * Captures what one invocation writes to stdout, stderr and the global console. Powertools
 * Logger and Metrics write through their own `Console` on `process.stdout`/`process.stderr`,
 * Gantry's EMF lines with `process.stdout.write`, other code through `console`: while any
 * invocation runs, those are wrapped, and each line goes to the invocation whose asynchronous
 * context wrote it (an `AsyncLocalStorage`), so overlapping invocations each get their own.
 * Lines written outside every invocation's context pass through untouched.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import { format } from 'node:util';

const CONSOLE_METHODS = ['log', 'info', 'warn', 'error', 'debug', 'trace'] as const;
type ConsoleMethod = (typeof CONSOLE_METHODS)[number];
type Write = typeof process.stdout.write;

/** The lines of one invocation, as they are written. */
class Capture {
  readonly lines: string[] = [];
  open = true;
  readonly #partial = { stdout: '', stderr: '' };

  constructor(readonly echo: boolean) {}

  /** Takes a chunk of a stream: whole lines are kept, a partial one waits for its end. */
  take(stream: 'stdout' | 'stderr', chunk: string): void {
    const text = this.#partial[stream] + chunk;
    const parts = text.split('\n');
    this.#partial[stream] = parts.pop() as string;
    this.lines.push(...parts);
  }

  close(): string[] {
    this.open = false;
    for (const stream of ['stdout', 'stderr'] as const) {
      if (this.#partial[stream] !== '') this.lines.push(this.#partial[stream]);
      this.#partial[stream] = '';
    }
    return this.lines;
  }
}

const current = new AsyncLocalStorage<Capture>();
let running = 0;
let uninstall: (() => void) | undefined;

/** The capture of the context writing now, while it is open. */
function capturing(): Capture | undefined {
  const capture = current.getStore();
  return capture?.open ? capture : undefined;
}

/** A written chunk as text: streams take strings, Buffers and Uint8Arrays. */
function textOf(chunk: unknown): string {
  return typeof chunk === 'string' ? chunk : Buffer.from(chunk as Uint8Array).toString('utf8');
}

function wrapStream(stream: NodeJS.WriteStream, name: 'stdout' | 'stderr'): () => void {
  const original = stream.write;
  const wrapped = function write(this: unknown, chunk: unknown, ...rest: unknown[]) {
    const capture = capturing();
    if (capture === undefined || capture.echo) {
      Reflect.apply(original, stream, [chunk, ...rest]);
    }
    capture?.take(name, textOf(chunk));
    return true;
  } as Write;
  stream.write = wrapped;
  return () => {
    if (stream.write === wrapped) stream.write = original;
  };
}

function wrapConsole(method: ConsoleMethod): () => void {
  const original = console[method];
  const wrapped = (...args: unknown[]) => {
    const capture = capturing();
    if (capture === undefined || capture.echo) Reflect.apply(original, console, args);
    capture?.take(
      method === 'error' || method === 'warn' ? 'stderr' : 'stdout',
      `${format(...args)}\n`,
    );
  };
  console[method] = wrapped;
  return () => {
    if (console[method] === wrapped) console[method] = original;
  };
}

function install(): () => void {
  const restores = [
    wrapStream(process.stdout, 'stdout'),
    wrapStream(process.stderr, 'stderr'),
    ...CONSOLE_METHODS.map(wrapConsole),
  ];
  return () => {
    for (const restore of restores) restore();
  };
}

/** What an invocation returned, and every line it wrote. */
export interface Captured<T> {
  readonly value: T;
  readonly lines: string[];
}

/**
 * Runs `invocation` with its output captured; `echo` also lets it through. When `invocation`
 * throws, the lines are echoed (so a failure's logs are not lost) and the error rethrown.
 *
 * @example
 * ```ts
 * const { value, lines } = await captureOutput(false, () => runtime.invoke(event));
 * ```
 */
export async function captureOutput<T>(
  echo: boolean,
  invocation: () => Promise<T>,
): Promise<Captured<T>> {
  if (running++ === 0) uninstall = install();
  const capture = new Capture(echo);
  try {
    const value = await current.run(capture, invocation);
    return { value, lines: capture.close() };
  } catch (error) {
    const lines = capture.close();
    if (!echo && lines.length > 0) process.stderr.write(`${lines.join('\n')}\n`);
    throw error;
  } finally {
    if (--running === 0) uninstall?.();
  }
}
