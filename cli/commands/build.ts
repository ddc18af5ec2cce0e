/**
 * `gantry build <handler> [--outdir]`: the Lambda bundle with the infra's own settings.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { isAbsolute, join, relative, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { loadEsbuild } from '../../runtime/dev/esbuild-options.js';
import { buildErrorLine, type EsbuildMessage } from '../build-failure.js';
import { CliError, type Command, EXIT } from '../command.js';

/** `gantry build`. */
export const build: Command = {
  name: 'build',
  summary: 'bundle a handler for Lambda, with the settings the infra deploys',
  usage: '<handler> [--outdir dist/lambda]',
  description: [
    'One minified ES module (index.mjs) with its source map, and chunks/ for what it loads on',
    'demand (the X-Ray Tracer). Lambda settings: handler index.handler, runtime nodejs22.x.',
    'Zip the directory for SAM, CDK, Serverless or a Terraform module.',
  ].join('\n'),
  options: {
    outdir: {
      type: 'string',
      short: 'o',
      description: 'where to write (default dist/lambda)',
      valueName: 'dir',
    },
  },
  positionals: { min: 1, max: 1 },
  async run({ values, positionals, cwd, stdout }) {
    const entry = resolve(cwd, positionals[0] as string);
    const outdir = resolve(cwd, (values.outdir as string | undefined) ?? 'dist/lambda');
    try {
      await loadEsbuild(`to build ${positionals[0]}`);
    } catch (error) {
      throw new CliError((error as Error).message);
    }
    // Loaded only now: gantry/infra's bundle module imports esbuild.
    const { bundleHandler } = await import('../../infra/function/bundle.js');
    try {
      statSync(entry);
    } catch {
      throw new CliError(`no such file: ${entry}`);
    }
    try {
      bundleHandler(entry, outdir);
    } catch (error) {
      throw new CliError(bundleFailure(error as Error, cwd), EXIT.failed);
    }
    stdout.write(`Built ${shown(entry, cwd)} into ${shown(outdir, cwd)}:\n`);
    stdout.write(sizeTable(outdir));
    stdout.write('Lambda: handler index.handler, runtime nodejs22.x\n');
    return EXIT.ok;
  },
};

/** One line: esbuild's first error as `file:line:col: text`, or the first line of the message. */
function bundleFailure(error: Error, cwd: string): string {
  const errors = (error.cause as { errors?: EsbuildMessage[] } | undefined)?.errors;
  // esbuild names files relative to the directory it ran in: this process's.
  if (errors?.length) return buildErrorLine(errors, cwd, process.cwd());
  return error.message.split('\n')[0] ?? error.message;
}

/** Each file written, minified and gzipped sizes, sorted by name. */
function sizeTable(outdir: string): string {
  const files = (readdirSync(outdir, { recursive: true }) as string[])
    .filter((file) => statSync(join(outdir, file)).isFile())
    .sort();
  const width = Math.max(...files.map((file) => file.length));
  const lines = files.map((file) => {
    const bytes = readFileSync(join(outdir, file));
    return `  ${file.padEnd(width)}  ${kib(bytes.length)}  ${kib(gzipSync(bytes).length)}`;
  });
  return `  ${'FILE'.padEnd(width)}  ${'MINIFIED'.padStart(10)}  ${'GZIP'.padStart(10)}\n${lines.join('\n')}\n`;
}

/** A path relative to where the command was typed when it is below it, else absolute. */
function shown(path: string, cwd: string): string {
  const below = relative(cwd, path);
  if (below === '') return '.';
  return below.startsWith('..') || isAbsolute(below) ? path : below;
}

const kib = (bytes: number) => `${(bytes / 1024).toFixed(1)} KiB`.padStart(10);
