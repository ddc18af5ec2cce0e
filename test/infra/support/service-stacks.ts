/**
 * The items service synthesized as real stacks (real esbuild bundles, real asset archives) into
 * a temporary cdktf.out, for the drift and Terraform suites.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Testing } from 'cdktf';
import { ServiceStack, type ServiceStackProps } from '../../../infra/stacks/service-stack.js';

const entry = 'examples/items/handler.ts';

/** A stack to synthesize: its id and its props (the bundle goes to a temporary directory). */
export interface StackCase {
  id: string;
  props: ServiceStackProps;
}

/** The stacks the infra suites synthesize. */
export const STACK_CASES = {
  /** What infra/main.ts deploys: the items service behind an HTTP API, nothing else. */
  http: { id: 'gantry-items', props: { function: { entry, service: 'items' } } },
  /** A REST API, and an IAM-authenticated streaming Function URL, in a namespace of its own. */
  rest: {
    id: 'gantry-items-rest',
    props: {
      api: 'rest',
      function: { entry, service: 'items', namespace: 'ItemsRest' },
      functionUrl: { invokeMode: 'RESPONSE_STREAM' },
    },
  },
  /** No API: a public Function URL only, in another region, with the alarms e-mailed. */
  public: {
    id: 'gantry-items-public',
    props: {
      api: 'none',
      region: 'eu-west-1',
      function: { entry, service: 'items' },
      functionUrl: { authType: 'NONE', publicAccessReason: 'public demo of the items service' },
      alarmEmail: 'oncall@example.com',
    },
  },
} satisfies Record<string, StackCase>;

/** A Terraform resource or data block as cdktf writes it (snake_case attributes). */
export type Block = Record<string, unknown>;

/** The parts of a synthesized cdk.tf.json the suites read. */
export interface StackJson {
  terraform: { required_providers: { aws: { source: string; version: string } } };
  provider: { aws: Block[] };
  resource: Record<string, Record<string, Block>>;
  data?: Record<string, Record<string, Block>>;
  output?: Record<string, { value: string; description?: string }>;
  locals?: Record<string, unknown>;
}

/** One synthesized stack. */
export interface SynthesizedStack {
  id: string;
  /** The stack's working directory (cdk.tf.json and its assets), where terraform runs. */
  dir: string;
  json: StackJson;
  /** Where its handler was bundled (index.mjs). */
  bundleDir: string;
}

/** Stacks synthesized into one temporary directory; `remove()` deletes it. */
export interface Synthesized {
  root: string;
  stacks: Record<string, SynthesizedStack>;
  remove(): void;
}

/**
 * Synthesizes `cases` as one cdktf app into a new temporary directory, bundles included.
 *
 * @example
 * ```ts
 * const { stacks } = synthesizeStacks([STACK_CASES.http]);
 * stacks['gantry-items'].json.resource.aws_lambda_function;
 * ```
 */
export function synthesizeStacks(cases: readonly StackCase[]): Synthesized {
  const root = mkdtempSync(join(tmpdir(), 'gantry-infra-'));
  const outdir = join(root, 'cdktf.out');
  const app = Testing.app({ outdir });
  for (const { id, props } of cases) {
    new ServiceStack(app, id, {
      ...props,
      function: { ...props.function, bundleDir: join(root, 'bundles', id) },
    });
  }
  app.synth();
  const stacks: Record<string, SynthesizedStack> = {};
  for (const { id } of cases) {
    const dir = join(outdir, 'stacks', id);
    const json = JSON.parse(readFileSync(join(dir, 'cdk.tf.json'), 'utf8')) as StackJson;
    stacks[id] = { id, dir, json, bundleDir: join(root, 'bundles', id) };
  }
  return { root, stacks, remove: () => rmSync(root, { recursive: true, force: true }) };
}

/** The blocks of one resource type of a stack, by logical id (none: an empty object). */
export function resourcesOf(stack: SynthesizedStack, type: string): Record<string, Block> {
  return stack.json.resource[type] ?? {};
}

/** The only resource of `type` in the stack; throws unless there is exactly one. */
export function onlyResource(stack: SynthesizedStack, type: string): Block {
  const blocks = Object.values(resourcesOf(stack, type));
  if (blocks.length !== 1 || !blocks[0])
    throw new Error(`${stack.id} has ${blocks.length} ${type}, expected exactly one`);
  return blocks[0];
}

/** The environment variables the stack gives its Lambda function. */
export function functionEnvironment(stack: SynthesizedStack): Record<string, string> {
  const fn = onlyResource(stack, 'aws_lambda_function') as {
    environment: { variables: Record<string, string> };
  };
  return fn.environment.variables;
}
