// Runs a Lambda bundle the way the Lambda Node.js runtime does, in this fresh process: imports
// index.mjs once (the init), then calls its `handler` with each event in turn, a new request id
// each time. Handler output (logs, EMF) goes to stdout as in Lambda; the answers go to a file.
//
//   node invoke-bundle.mjs <bundle dir> <events.json> <answers.json>
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

const [bundleDir, eventsFile, answersFile] = process.argv.slice(2);
const { handler } = await import(pathToFileURL(join(bundleDir, 'index.mjs')).href);
const events = JSON.parse(readFileSync(eventsFile, 'utf8'));
const name = process.env.AWS_LAMBDA_FUNCTION_NAME;
const answers = [];
for (const [index, event] of events.entries()) {
  const context = {
    functionName: name,
    functionVersion: '$LATEST',
    invokedFunctionArn: `arn:aws:lambda:${process.env.AWS_REGION}:123456789012:function:${name}`,
    memoryLimitInMB: process.env.AWS_LAMBDA_FUNCTION_MEMORY_SIZE,
    awsRequestId: `invocation-${index + 1}`,
    logGroupName: `/aws/lambda/${name}`,
    logStreamName: '2026/01/01/[$LATEST]0123456789abcdef',
    callbackWaitsForEmptyEventLoop: true,
    getRemainingTimeInMillis: () => 10_000,
    done() {},
    fail() {},
    succeed() {},
  };
  answers.push(await handler(event, context));
}
writeFileSync(answersFile, JSON.stringify(answers));
