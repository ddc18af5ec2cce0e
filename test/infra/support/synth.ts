/**
 * Synthesizes CDKTF stacks for assertions: the Terraform JSON as plain objects, and throwaway
 * directories for bundles and synth output (removed after the suite).
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AwsProvider } from '@cdktf/provider-aws/lib/provider/index.js';
import { type App, TerraformStack, Testing } from 'cdktf';
import type { Construct } from 'constructs';
import { afterAll } from 'vitest';
import {
  GantryFunction,
  type GantryFunctionProps,
} from '../../../infra/function/gantry-function.js';

/** A synthesized resource's arguments, as Terraform JSON spells them (snake_case). */
// biome-ignore lint/suspicious/noExplicitAny: tests read arbitrary Terraform JSON.
export type TerraformBlock = Record<string, any>;

/** A synthesized stack (cdk.tf.json). */
export interface TerraformJson {
  resource?: Record<string, Record<string, TerraformBlock>>;
  data?: Record<string, Record<string, TerraformBlock>>;
  locals?: Record<string, unknown>;
  output?: Record<string, { value: unknown; description?: string }>;
  provider?: Record<string, TerraformBlock[]>;
}

/** A small handler that bundles in milliseconds, for stacks whose code does not matter. */
export const PING_HANDLER = join(import.meta.dirname, 'ping-handler.ts');

/** A GantryFunction of service `orders` running {@link PING_HANDLER}, bundled into `bundleDir`. */
export function pingFunction(
  scope: Construct,
  bundleDir: string,
  props: Partial<GantryFunctionProps> = {},
): GantryFunction {
  return new GantryFunction(scope, 'function', {
    entry: PING_HANDLER,
    service: 'orders',
    bundleDir,
    ...props,
  });
}

/** The stack's Terraform JSON, as `cdktf synth` writes it (without the metadata). */
export function synthJson(stack: TerraformStack): TerraformJson {
  return JSON.parse(Testing.synth(stack));
}

const appOutdirs: string[] = [];
// Testing.app() makes a temp outdir per app and never removes it: this file's suite does.
afterAll(() => {
  for (const dir of appOutdirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** `Testing.app()` whose temp outdir is removed after the suite. */
export function testApp(): App {
  const app = Testing.app();
  appOutdirs.push(app.outdir);
  return app;
}

/** A test app with one stack holding an AWS provider, ready for the construct under test. */
export function awsStack(id = 'test'): { app: App; stack: TerraformStack } {
  const app = testApp();
  const stack = new TerraformStack(app, id);
  new AwsProvider(stack, 'aws', { region: 'us-east-1' });
  return { app, stack };
}

/** Synthesizes the whole app to its temp outdir; returns the stack's JSON and directory. */
export function synthToDisk(app: App, stackId: string): { json: TerraformJson; dir: string } {
  app.synth();
  const dir = join(app.outdir, 'stacks', stackId);
  return { json: JSON.parse(readFileSync(join(dir, 'cdk.tf.json'), 'utf8')), dir };
}

/** Every resource of a type, by name. */
export function resourcesOf(json: TerraformJson, type: string): Record<string, TerraformBlock> {
  return json.resource?.[type] ?? {};
}

/** The one resource of a type; fails when there are none or several. */
export function onlyResource(json: TerraformJson, type: string): TerraformBlock {
  const found = Object.values(resourcesOf(json, type));
  if (found.length !== 1) throw new Error(`expected one ${type}, found ${found.length}`);
  return found[0] as TerraformBlock;
}

/** The Terraform address of the one resource of a type, for `${type.name.attr}` references. */
export function addressOf(json: TerraformJson, type: string): string {
  const names = Object.keys(resourcesOf(json, type));
  if (names.length !== 1) throw new Error(`expected one ${type}, found ${names.length}`);
  return `${type}.${names[0]}`;
}

/** A `${...}` reference to an attribute of the one resource of a type. */
export function ref(json: TerraformJson, type: string, attribute: string): string {
  return `\${${addressOf(json, type)}.${attribute}}`;
}

/** A Terraform expression as it appears in synthesized JSON: `tf('var.x')` is `${var.x}`. */
export function tf(expression: string): string {
  return `\${${expression}}`;
}

/** Makes fresh temp directories, all removed after the enclosing suite. */
export function tempDirs(): (prefix?: string) => string {
  const made: string[] = [];
  afterAll(() => {
    for (const dir of made) rmSync(dir, { recursive: true, force: true });
  });
  return (prefix = 'infra') => {
    const dir = mkdtempSync(join(tmpdir(), `gantry-${prefix}-`));
    made.push(dir);
    return dir;
  };
}
