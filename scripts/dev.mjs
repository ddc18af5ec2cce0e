#!/usr/bin/env node
// `npm run dev [-- path/to/handler.ts]`: serves a Gantry handler on http://127.0.0.1:$PORT
// (default 3000), rebuilding and restarting it whenever a source file changes.
import { spawn } from 'node:child_process';
import { mkdirSync, readFileSync } from 'node:fs';
import { dirname, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const handlerPath = resolve(process.argv[2] ?? 'examples/items/handler.ts');
const port = Number(process.env.PORT ?? 3000);
const outfile = resolve(root, '.gantry/dev/server.mjs');
const pkg = JSON.parse(readFileSync(resolve(root, 'package.json'), 'utf8'));

// The entry: the user's handler, served by gantry/dev. Dependencies stay in node_modules.
const entry = `
import { handler } from ${JSON.stringify(handlerPath)};
import { startDevServer } from 'gantry/dev';
const server = await startDevServer({ handler, port: ${port}, functionName: 'gantry-dev' });
console.error('gantry dev: serving ${relative(root, handlerPath)} on ' + server.url);
`;

let child;
let stopping = false;

function restart() {
  const start = () => {
    child = spawn(process.execPath, ['--enable-source-maps', outfile], {
      stdio: 'inherit',
      // Local development mode: Powertools pretty-prints logs and 500s carry the error's detail.
      env: { POWERTOOLS_DEV: 'true', POWERTOOLS_SERVICE_NAME: 'gantry-dev', ...process.env },
    });
    child.on('exit', (code, signal) => {
      if (!stopping && signal === null)
        console.error(`gantry dev: server exited with code ${code}; waiting for changes`);
    });
  };
  if (child && child.exitCode === null && child.signalCode === null) {
    child.once('exit', start);
    child.kill('SIGTERM');
  } else {
    start();
  }
}

mkdirSync(dirname(outfile), { recursive: true });
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
        let first = true;
        build.onEnd((result) => {
          if (result.errors.length > 0) return;
          if (!first) console.error('gantry dev: change detected, restarting');
          first = false;
          restart();
        });
      },
    },
  ],
});
await context.watch();

for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, async () => {
    stopping = true;
    child?.kill('SIGTERM');
    await context.dispose();
    process.exit(0);
  });
}
