/**
 * "Tracing costs nothing when disabled": a bundled handler runs in a child `node` process, and
 * the module cache says whether aws-xray-sdk-core (which the Powertools Tracer loads, and which
 * turns on async hooks for the whole process) was ever loaded.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import * as esbuild from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { externalPackages } from '../../../runtime/dev/esbuild-options.js';

const ROOT = resolve(import.meta.dirname, '..', '..', '..');

// The bundle sits inside the repository so that its external imports resolve to node_modules.
const ENTRY = `
import { createRequire } from 'node:module';
import { createHandler } from 'gantry';
import { apigwV2Event } from '../../support/events.js';
import { ProbeController } from './probe-controller.js';

const options = JSON.parse(process.env.PROBE_HANDLER_OPTIONS ?? '{}');
const handler = createHandler({ controllers: [ProbeController], service: 'lazy', ...options });
const context = { awsRequestId: 'r', functionName: 'lazy', functionVersion: '$LATEST', invokedFunctionArn: 'arn:aws:lambda:us-east-1:000000000000:function:lazy', memoryLimitInMB: '128', getRemainingTimeInMillis: () => 30000 };
const answer = await handler(apigwV2Event({ path: '/items/1' }), context);
const cached = Object.keys(createRequire(import.meta.url).cache);
process.stdout.write(JSON.stringify({
  probe: { status: answer.statusCode, xraySdkLoaded: cached.some((file) => file.includes('aws-xray-sdk-core')) },
}) + '\\n');
`;

let directory: string;
let bundle: string;

beforeAll(async () => {
  const parent = join(ROOT, '.gantry', 'test');
  mkdirSync(parent, { recursive: true });
  directory = mkdtempSync(join(parent, 'lazy-tracer-'));
  bundle = join(directory, 'handler.mjs');
  await esbuild.build({
    stdin: {
      contents: ENTRY,
      resolveDir: import.meta.dirname,
      sourcefile: 'lazy-tracer-entry.ts',
      loader: 'ts',
    },
    outfile: bundle,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    conditions: ['gantry-source'],
    // 'gantry' is bundled from its sources; its dependencies stay in node_modules, as deployed.
    plugins: [externalPackages('gantry')],
    logLevel: 'silent',
  });
});

afterAll(() => {
  rmSync(directory, { recursive: true, force: true });
});

/** Runs the bundled handler once in a fresh process with only the given environment. */
function runHandler(env: Record<string, string>): { status: number; xraySdkLoaded: boolean } {
  const child = spawnSync(process.execPath, [bundle], {
    env: { PATH: process.env.PATH ?? '', AWS_XRAY_CONTEXT_MISSING: 'IGNORE_ERROR', ...env },
    encoding: 'utf8',
    timeout: 30_000,
  });
  expect(child.status, child.stderr).toBe(0);
  const line = child.stdout.split('\n').find((text) => text.startsWith('{"probe"'));
  expect(line, child.stdout).toBeDefined();
  return (JSON.parse(line as string) as { probe: { status: number; xraySdkLoaded: boolean } })
    .probe;
}

describe('tracing costs nothing when disabled', () => {
  it('never loads aws-xray-sdk-core outside Lambda (no AWS_EXECUTION_ENV)', () => {
    // Act
    const result = runHandler({});

    // Assert
    expect(result).toEqual({ status: 200, xraySdkLoaded: false });
  });

  it('never loads aws-xray-sdk-core in Lambda with tracing: false', () => {
    // Act
    const result = runHandler({
      AWS_EXECUTION_ENV: 'AWS_Lambda_nodejs20.x',
      PROBE_HANDLER_OPTIONS: JSON.stringify({ tracing: false }),
    });

    // Assert
    expect(result).toEqual({ status: 200, xraySdkLoaded: false });
  });

  it('never loads aws-xray-sdk-core in Lambda with POWERTOOLS_TRACE_ENABLED=false', () => {
    // Act
    const result = runHandler({
      AWS_EXECUTION_ENV: 'AWS_Lambda_nodejs20.x',
      POWERTOOLS_TRACE_ENABLED: 'false',
    });

    // Assert
    expect(result).toEqual({ status: 200, xraySdkLoaded: false });
  });

  it('loads aws-xray-sdk-core in Lambda (AWS_EXECUTION_ENV set), where tracing is on by default', () => {
    // Act
    const result = runHandler({ AWS_EXECUTION_ENV: 'AWS_Lambda_nodejs20.x' });

    // Assert
    expect(result).toEqual({ status: 200, xraySdkLoaded: true });
  });

  it('loads aws-xray-sdk-core outside Lambda when tracing: true asks for it', () => {
    // Act
    const result = runHandler({ PROBE_HANDLER_OPTIONS: JSON.stringify({ tracing: true }) });

    // Assert
    expect(result).toEqual({ status: 200, xraySdkLoaded: true });
  });
});
