#!/usr/bin/env node
// `npm run dev [-- path/to/handler.ts]`: serves a Gantry handler on http://127.0.0.1:$PORT
// (default 3000), rebuilding and restarting it whenever a source file changes.
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { dirname, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';

/** The server's exit code when it cannot start (port in use...): file changes would not help. */
const CANNOT_START = 78;

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
// npm runs scripts from the package root; INIT_CWD is the directory `npm run dev` was typed in.
const cwd = (process.env.npm_lifecycle_event === 'dev' && process.env.INIT_CWD) || process.cwd();
const handlerPath = process.argv[2]
  ? resolve(cwd, process.argv[2])
  : resolve(root, 'examples/items/handler.ts');
if (!existsSync(handlerPath)) fail(`no handler file at ${handlerPath}`);
const port = parsePort(process.env.PORT);
// One build directory per dev process: two dev servers never load each other's bundle.
const outdir = resolve(root, '.gantry/dev', String(process.pid));
const outfile = resolve(outdir, 'server.mjs');
const pkg = JSON.parse(readFileSync(resolve(root, 'package.json'), 'utf8'));

// The entry: the user's handler, served by gantry/dev. Dependencies stay in node_modules.
const entry = `
import { startDevServer } from 'gantry/dev';
// Imported after gantry/dev, which installs the Lambda invocation store the handler may need.
const { handler } = await import(${JSON.stringify(handlerPath)});
// Stop with the dev process, even when it is killed outright and cannot stop this server.
process.on('disconnect', () => process.exit(0));
let server;
try {
  server = await startDevServer({ handler, port: ${port}, functionName: 'gantry-dev' });
} catch (error) {
  const hint = error?.code === 'EADDRINUSE' ? ' (set PORT to serve on another port)' : '';
  console.error('gantry dev: cannot start the server: ' + (error?.message ?? error) + hint);
  process.exit(${CANNOT_START});
}
console.error('gantry dev: serving ' + ${JSON.stringify(relative(root, handlerPath))} + ' on ' + server.url);
`;

let child;
let restarting = false;
let stopping = false;

const isRunning = (server) =>
  server !== undefined && server.exitCode === null && server.signalCode === null;

function start() {
  if (stopping) return;
  const server = spawn(process.execPath, ['--enable-source-maps', outfile], {
    // The IPC channel closes when this process ends, however it ends: the server then exits.
    stdio: ['inherit', 'inherit', 'inherit', 'ipc'],
    // Local development mode: Powertools pretty-prints logs and 500s carry the error's detail.
    env: { POWERTOOLS_DEV: 'true', POWERTOOLS_SERVICE_NAME: 'gantry-dev', ...process.env },
  });
  server.on('exit', (code) => {
    if (stopping || server.killed) return;
    if (code === CANNOT_START) return stop(1);
    console.error(`gantry dev: server exited with code ${code}; waiting for changes`);
  });
  child = server;
}

function restart() {
  if (!isRunning(child)) return start();
  // Builds that end while the old server is stopping: the next server loads the latest one.
  if (restarting) return;
  restarting = true;
  child.once('exit', () => {
    restarting = false;
    start();
  });
  child.kill('SIGTERM');
}

async function stop(exitCode) {
  if (stopping) {
    // A second Ctrl-C: do not wait any longer.
    child?.kill('SIGKILL');
    process.exit(exitCode);
  }
  stopping = true;
  await context.dispose();
  if (isRunning(child)) {
    const exited = new Promise((resolve) => child.once('exit', resolve));
    const force = setTimeout(() => child.kill('SIGKILL'), 3000);
    child.kill('SIGTERM');
    await exited;
    clearTimeout(force);
  }
  rmSync(outdir, { recursive: true, force: true });
  process.exit(exitCode);
}

mkdirSync(outdir, { recursive: true });
const context = await esbuild.context({
  stdin: { contents: entry, resolveDir: root, sourcefile: 'gantry-dev-entry.ts', loader: 'ts' },
  outfile,
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  sourcemap: true,
  conditions: ['source'],
  external: [...Object.keys(pkg.dependencies ?? {}), ...Object.keys(pkg.devDependencies ?? {})],
  logLevel: 'warning',
  plugins: [
    {
      name: 'restart',
      setup(build) {
        let built = false;
        build.onEnd((result) => {
          if (result.errors.length > 0) {
            const serving = isRunning(child)
              ? 'still serving the previous build'
              : 'nothing served';
            console.error(`gantry dev: build failed (${serving}); fix the errors above and save`);
            return;
          }
          if (built) console.error('gantry dev: change detected, restarting');
          built = true;
          restart();
        });
      },
    },
  ],
});

for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(signal, () => stop(0));
await context.watch();

function parsePort(value) {
  if (value === undefined || value === '') return 3000;
  const number = Number(value);
  if (!Number.isInteger(number) || number < 0 || number > 65535)
    fail(`PORT must be a port number from 0 to 65535, got ${JSON.stringify(value)}`);
  return number;
}

function fail(message) {
  console.error(`gantry dev: ${message}`);
  process.exit(1);
}
