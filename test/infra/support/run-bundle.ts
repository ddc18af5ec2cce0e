/**
 * Runs a synthesized stack's Lambda bundle in a new Node.js process with the function's own
 * environment (as Lambda would) and returns what it printed, parsed, and what it answered.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { EmfDocument } from '../../support/output.js';

const run = promisify(execFile);
const driver = join(import.meta.dirname, 'invoke-bundle.mjs');

/** What one run of a bundle printed and answered. */
export interface BundleRun {
  /** Every JSON line of stdout, in order. */
  documents: Record<string, unknown>[];
  /** The EMF documents among them. */
  emf: EmfDocument[];
  /** The handler's answer to each event. */
  answers: { statusCode: number }[];
}

/**
 * Imports `bundleDir/index.mjs` in a fresh process (so the first event is a cold start) and
 * invokes its handler with each event. `environment` is the function's (from the stack); the
 * process gets only that, PATH and the variables the Lambda runtime sets.
 *
 * @example
 * ```ts
 * const run = await runBundle(stack.bundleDir, functionEnvironment(stack), [apigwV2Event()]);
 * ```
 */
export async function runBundle(
  bundleDir: string,
  environment: Record<string, string>,
  events: readonly unknown[],
): Promise<BundleRun> {
  const dir = mkdtempSync(join(tmpdir(), 'gantry-bundle-run-'));
  try {
    const eventsFile = join(dir, 'events.json');
    const answersFile = join(dir, 'answers.json');
    writeFileSync(eventsFile, JSON.stringify(events));
    const { stdout } = await run(process.execPath, [driver, bundleDir, eventsFile, answersFile], {
      env: {
        PATH: process.env.PATH,
        AWS_REGION: 'us-east-1',
        AWS_LAMBDA_FUNCTION_NAME: environment.POWERTOOLS_SERVICE_NAME,
        AWS_LAMBDA_FUNCTION_MEMORY_SIZE: '1024',
        AWS_LAMBDA_FUNCTION_VERSION: '$LATEST',
        AWS_LAMBDA_INITIALIZATION_TYPE: 'on-demand',
        AWS_EXECUTION_ENV: 'AWS_Lambda_nodejs22.x',
        LAMBDA_TASK_ROOT: bundleDir,
        // No X-Ray daemon here: tracing is not what this run is about.
        POWERTOOLS_TRACE_ENABLED: 'false',
        ...environment,
      },
      maxBuffer: 16 * 1024 * 1024,
    });
    const documents = stdout
      .split('\n')
      .filter((line) => line.startsWith('{'))
      .map((line) => JSON.parse(line) as Record<string, unknown>);
    return {
      documents,
      emf: documents.filter((doc): doc is EmfDocument => typeof doc._aws === 'object'),
      answers: JSON.parse(readFileSync(answersFile, 'utf8')),
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
