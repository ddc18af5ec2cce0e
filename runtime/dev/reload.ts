/**
 * The reload loop of `gantry dev`: bundles the user's handler with esbuild in watch mode, serves
 * it with {@link startDevServer} in a child process, and restarts that process after every build,
 * so each start loads every changed module afresh. A failed build keeps the last good server.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdirSync, rmSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import {
  currentNodeTarget,
  externalPackages,
  loadEsbuild,
  packageNameAt,
  SOURCE_CONDITION,
} from './esbuild-options.js';

/** The server's exit code when it cannot start (port in use...): file changes would not help. */
const CANNOT_START = 78;

/** Options of {@link serveWithReload}. */
export interface ReloadOptions {
  /** The module exporting the handler (TypeScript or JavaScript). */
  handlerPath: string;
  /** The export to serve. Default `handler`. */
  exportName?: string;
  /** Default 3000; 0 picks a free port. */
  port?: number;
  /** Default `127.0.0.1`. */
  host?: string;
  /** The project directory: relative paths, node_modules and `.gantry/dev` are found from it. */
  cwd?: string;
  /** Where the messages of the loop go. Default: stderr. */
  log?: (line: string) => void;
}

/** A running reload loop. */
export interface ReloadSession {
  /** Resolves with the exit code the loop ends with: 0 when stopped, 1 when the server cannot start. */
  readonly done: Promise<number>;
  /** Stops the server and the watcher; a second call stops the server at once. */
  stop(): Promise<number>;
}

/**
 * Serves a handler on localhost and restarts it on every change of a file it imports.
 *
 * @example
 * ```ts
 * import { serveWithReload } from 'gantry/dev';
 *
 * const session = await serveWithReload({ handlerPath: 'src/handler.ts', port: 3000 });
 * process.on('SIGINT', () => session.stop());
 * process.exitCode = await session.done;
 * ```
 */
export async function serveWithReload(options: ReloadOptions): Promise<ReloadSession> {
  const cwd = resolve(options.cwd ?? process.cwd());
  const handlerPath = resolve(cwd, options.handlerPath);
  const log = options.log ?? ((line: string) => process.stderr.write(`${line}\n`));
  if (!existsSync(handlerPath)) throw new Error(`no handler file at ${handlerPath}`);
  const esbuild = await loadEsbuild('to run the dev server');
  // One build directory per dev process: two dev servers never load each other's bundle.
  const outdir = join(cwd, '.gantry/dev', String(process.pid));
  const outfile = join(outdir, 'server.mjs');
  mkdirSync(outdir, { recursive: true });

  let child: ChildProcess | undefined;
  let restarting = false;
  let stopping = false;
  let finish: (code: number) => void = () => {};
  const done = new Promise<number>((settle) => {
    finish = settle;
  });
  const isRunning = (server: ChildProcess | undefined): server is ChildProcess =>
    server !== undefined && server.exitCode === null && server.signalCode === null;

  const start = () => {
    if (stopping) return;
    const server = spawn(process.execPath, ['--enable-source-maps', outfile], {
      // The IPC channel closes when this process ends, however it ends: the server then exits.
      stdio: ['inherit', 'inherit', 'inherit', 'ipc'],
      // Local development mode: Powertools pretty-prints logs and 500s carry the error's detail.
      env: { POWERTOOLS_DEV: 'true', ...process.env },
    });
    server.on('exit', (code) => {
      if (stopping || server.killed) return;
      if (code === CANNOT_START) return void stop(1);
      log(`gantry dev: server exited with code ${code}; waiting for changes`);
    });
    child = server;
  };
  const restart = () => {
    if (!isRunning(child)) return start();
    // Builds that end while the old server is stopping: the next server loads the latest one.
    if (restarting) return;
    restarting = true;
    child.once('exit', () => {
      restarting = false;
      start();
    });
    child.kill('SIGTERM');
  };
  const stop = async (exitCode = 0): Promise<number> => {
    if (stopping) {
      // A second stop (a second Ctrl-C): do not wait any longer.
      child?.kill('SIGKILL');
      return done;
    }
    stopping = true;
    await context.dispose();
    const server = child;
    if (isRunning(server)) {
      const exited = new Promise((settle) => server.once('exit', settle));
      const force = setTimeout(() => server.kill('SIGKILL'), 3000);
      server.kill('SIGTERM');
      await exited;
      clearTimeout(force);
    }
    rmSync(outdir, { recursive: true, force: true });
    finish(exitCode);
    return done;
  };

  let built = false;
  const context = await esbuild.context({
    stdin: {
      contents: serverEntry(handlerPath, options, relative(cwd, handlerPath)),
      resolveDir: cwd,
      sourcefile: 'gantry-dev-entry.ts',
      loader: 'ts',
    },
    outfile,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: currentNodeTarget(),
    sourcemap: true,
    conditions: [SOURCE_CONDITION],
    logLevel: 'warning',
    plugins: [
      externalPackages(packageNameAt(cwd)),
      {
        name: 'gantry-restart',
        setup(build) {
          build.onEnd((result) => {
            if (result.errors.length > 0) {
              const serving = isRunning(child)
                ? 'still serving the previous build'
                : 'nothing served';
              log(`gantry dev: build failed (${serving}); fix the errors above and save`);
              return;
            }
            if (built) log('gantry dev: change detected, restarting');
            built = true;
            restart();
          });
        },
      },
    ],
  });
  await context.watch();
  return { done, stop: () => stop(0) };
}

/** The server process's entry: the user's handler, served by `gantry/dev`. */
function serverEntry(handlerPath: string, options: ReloadOptions, shown: string): string {
  const exportName = options.exportName ?? 'handler';
  return `
import { startDevServer } from 'gantry/dev';
// Imported after gantry/dev, which installs the Lambda invocation store the handler may need.
const handlerModule = await import(${JSON.stringify(handlerPath)});
const handler = handlerModule[${JSON.stringify(exportName)}];
if (typeof handler !== 'function') {
  console.error('gantry dev: ' + ${JSON.stringify(shown)} + ' has no ' + ${JSON.stringify(JSON.stringify(exportName))} + ' export that is a function (it exports: ' + (Object.keys(handlerModule).join(', ') || 'nothing') + ')');
  process.exit(${CANNOT_START});
}
// Stop with the dev process, even when it is killed outright and cannot stop this server.
process.on('disconnect', () => process.exit(0));
let server;
try {
  server = await startDevServer({ handler, port: ${options.port ?? 3000}, host: ${JSON.stringify(options.host ?? '127.0.0.1')}, functionName: 'gantry-dev' });
} catch (error) {
  const hint = error?.code === 'EADDRINUSE' ? ' (pass --port or set PORT to serve on another port)' : '';
  console.error('gantry dev: cannot start the server: ' + (error?.message ?? error) + hint);
  process.exit(${CANNOT_START});
}
console.error('gantry dev: serving ' + ${JSON.stringify(shown)} + ' on ' + server.url);
`;
}
