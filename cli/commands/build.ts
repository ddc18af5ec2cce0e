/**
 * `gantry build <handler> [--outdir]`: the Lambda bundle with the infra's own settings.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { loadEsbuild } from '../../runtime/dev/esbuild-options.js';
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
      throw new CliError((error as Error).message.split('\n').slice(0, 3).join(' '), EXIT.failed);
    }
    const files = (readdirSync(outdir, { recursive: true }) as string[])
      .filter((file) => statSync(join(outdir, file)).isFile())
      .sort();
    stdout.write(`Built ${relative(cwd, entry)} into ${relative(cwd, outdir) || '.'}:\n`);
    for (const file of files) {
      const bytes = readFileSync(join(outdir, file));
      stdout.write(
        `  ${file.padEnd(40)} ${kb(bytes.length)}  (${kb(gzipSync(bytes).length)} gzip)\n`,
      );
    }
    stdout.write('Lambda: handler index.handler, runtime nodejs22.x\n');
    return EXIT.ok;
  },
};

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KiB`.padStart(10);
