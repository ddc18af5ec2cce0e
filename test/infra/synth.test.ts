/**
 * `npm run synth`, end to end and offline: cdktf-cli runs its app, `gantry run infra/main.ts`
 * and writes the items stack to cdktf.out, touching nothing git would see.
 */
import { execFile, execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  STACK_CASES,
  type StackJson,
  type Synthesized,
  synthesizeStacks,
} from './support/service-stacks.js';

const run = promisify(execFile);
const root = join(import.meta.dirname, '../..');
const stackFile = join(root, 'cdktf.out/stacks/gantry-items/cdk.tf.json');
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

/** Files git would show as new (untracked and not ignored). */
const untracked = () =>
  execFileSync('git', ['ls-files', '--others', '--exclude-standard'], {
    cwd: root,
    encoding: 'utf8',
  })
    .split('\n')
    .filter(Boolean);

const inventory = (json: StackJson) =>
  Object.fromEntries(
    Object.entries(json.resource).map(([type, blocks]) => [type, Object.keys(blocks).length]),
  );

describe('npm run synth', () => {
  let result: { code: number; stdout: string; stderr: string };
  let startedAt: number;
  let newFiles: string[];
  let builds: string[];
  let reference: Synthesized;

  beforeAll(async () => {
    // Prepare
    rmSync(stackFile, { force: true });
    const before = new Set(untracked());
    const buildDir = join(root, '.gantry/cli');
    const buildsBefore = new Set(existsSync(buildDir) ? readdirSync(buildDir) : []);
    const env: NodeJS.ProcessEnv = { ...process.env, CHECKPOINT_DISABLE: '1', CI: '1' };
    delete env.GANTRY_ALARM_EMAIL;
    delete env.CDKTF_OUTDIR;
    startedAt = Date.now();

    // Act
    try {
      const { stdout, stderr } = await run(npm, ['run', 'synth'], { cwd: root, env });
      result = { code: 0, stdout, stderr };
    } catch (error) {
      const failed = error as { code?: number; stdout?: string; stderr?: string };
      result = { code: failed.code ?? 1, stdout: failed.stdout ?? '', stderr: failed.stderr ?? '' };
    }
    console.log(`npm run synth took ${((Date.now() - startedAt) / 1000).toFixed(1)} s`);
    newFiles = untracked().filter((file) => !before.has(file));
    builds = (existsSync(buildDir) ? readdirSync(buildDir) : []).filter(
      (file) => !buildsBefore.has(file),
    );
    reference = synthesizeStacks([STACK_CASES.http]);
  }, 120_000);
  afterAll(() => reference?.remove());

  it('exits 0 and names the stack it generated', () => {
    // Assert
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toContain('Generated Terraform code for the stacks: gantry-items');
  });

  it('writes cdktf.out/stacks/gantry-items/cdk.tf.json with the api_url and dashboard_url outputs', () => {
    // Assert
    expect(statSync(stackFile).mtimeMs).toBeGreaterThanOrEqual(startedAt - 1000);
    const stack = JSON.parse(readFileSync(stackFile, 'utf8')) as StackJson;
    expect(Object.keys(stack.output ?? {}).sort()).toEqual(['api_url', 'dashboard_url']);
    expect(stack.output?.api_url?.value).toMatch(
      /^\$\{aws_apigatewayv2_stage\.[^}]+\.invoke_url\}$/,
    );
  });

  it('writes the same resources the drift and terraform suites synthesize as gantry-items', () => {
    // Prepare
    const written = JSON.parse(readFileSync(stackFile, 'utf8')) as StackJson;
    const synthesized = reference.stacks[STACK_CASES.http.id]?.json as StackJson;

    // Assert
    expect(inventory(written)).toEqual(inventory(synthesized));
    expect(written.terraform.required_providers).toEqual(synthesized.terraform.required_providers);
  });

  it('leaves no file git would pick up, nor its app build, behind', () => {
    // Assert
    expect(newFiles).toEqual([]);
    expect(builds).toEqual([]);
  });

  it('points the default local state, written on deploy, at a gitignored file', () => {
    // Prepare
    const stack = JSON.parse(readFileSync(stackFile, 'utf8')) as {
      terraform: { backend: { local: { path: string } } };
    };
    const state = relative(root, stack.terraform.backend.local.path);

    // Act
    const ignored = execFileSync('git', ['check-ignore', state, `${state}.backup`], {
      cwd: root,
      encoding: 'utf8',
    });

    // Assert
    expect(state).toBe('terraform.gantry-items.tfstate');
    expect(ignored.split('\n').filter(Boolean)).toEqual([state, `${state}.backup`]);
  });
});
