/**
 * Runs a bundled handler (`index.mjs`) in a fresh Node process, as the Lambda runtime loads it,
 * and returns what the handler answered to one event.
 */
import { execFileSync } from 'node:child_process';
import { pathToFileURL } from 'node:url';

const ANSWER = 'GANTRY_TEST_ANSWER ';

const RUNNER = `
const [url, event] = process.argv.slice(1);
const { handler } = await import(url);
const context = {
  awsRequestId: 'bundle-test-request', functionName: 'bundle-test', functionVersion: '$LATEST',
  invokedFunctionArn: 'arn:aws:lambda:us-east-1:123456789012:function:bundle-test',
  memoryLimitInMB: '1024', logGroupName: '/aws/lambda/bundle-test', logStreamName: 'test',
  callbackWaitsForEmptyEventLoop: true, getRemainingTimeInMillis: () => 10000,
};
const answer = await handler(JSON.parse(event), context);
process.stdout.write('\\n${ANSWER}' + JSON.stringify(answer) + '\\n');
`;

/** What a bundled handler answers to `event`, and the lines it wrote on the way. */
export function runBundle(
  indexMjs: string,
  event: unknown,
): { answer: { statusCode: number; body: string }; output: string[] } {
  const stdout = execFileSync(
    process.execPath,
    ['--input-type=module', '-e', RUNNER, pathToFileURL(indexMjs).href, JSON.stringify(event)],
    { encoding: 'utf8', env: { PATH: process.env.PATH }, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  const lines = stdout.split('\n').filter((line) => line.trim() !== '');
  const answer = lines.find((line) => line.startsWith(ANSWER));
  if (!answer) throw new Error(`the handler answered nothing:\n${stdout}`);
  return {
    answer: JSON.parse(answer.slice(ANSWER.length)),
    output: lines.filter((line) => line !== answer),
  };
}
