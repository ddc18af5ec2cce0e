/**
 * One cold start, timed from inside the fresh process: imports the handler's bundle, invokes it
 * once, and writes the figures and the answer to file descriptor 3 (stdout is the function's log).
 * Arguments: the bundle's path, the event (JSON), and `wait` to give X-Ray segments time to leave.
 */
import { writeSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { lambdaContext } from '../lambda-context.js';

/** What the runner writes to file descriptor 3. */
export interface ColdReport {
  readonly importMs: number;
  readonly firstInvokeMs: number;
  /** Milliseconds from process start (`performance.timeOrigin`) to the answer. */
  readonly totalMs: number;
  readonly answer: unknown;
}

const [bundle = '', eventJson = 'null', wait] = process.argv.slice(2);
const event: unknown = JSON.parse(eventJson);
const context = lambdaContext('cold-start-request');

const beforeImport = performance.now();
const { handler } = (await import(pathToFileURL(bundle).href)) as {
  handler: (event: unknown, context: unknown) => unknown;
};
const afterImport = performance.now();
const answer = await handler(event, context);
const answered = performance.now();

const report: ColdReport = {
  importMs: afterImport - beforeImport,
  firstInvokeMs: answered - afterImport,
  totalMs: answered,
  answer,
};
writeSync(3, JSON.stringify(report));
if (wait === 'wait') await new Promise((resolve) => setTimeout(resolve, 30));
process.exit(0);
