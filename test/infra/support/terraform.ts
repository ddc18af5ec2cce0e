/**
 * Real Terraform, offline: finds the terraform binary and the machine's filesystem mirror of the
 * AWS provider (scripts/find-provider-mirror.mjs), then runs init, validate, plan and show in a
 * synthesized stack's directory with fake credentials and a CLI configuration of its own.
 */
import { execFile, spawnSync } from 'node:child_process';
import { accessSync, constants, existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { delimiter, join, resolve } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);
const repo = resolve(import.meta.dirname, '../../..');

/** The provider every stack requires, and where Terraform installs it from. */
export const PROVIDER = 'registry.terraform.io/hashicorp/aws';

/** Terraform and the mirror, or why they cannot be used. */
export type TerraformSetup =
  | { ok: true; terraform: string; mirror: string }
  | { ok: false; reason: string };

function onPath(command: string): string | undefined {
  for (const dir of (process.env.PATH ?? '').split(delimiter)) {
    const candidate = join(dir, command);
    try {
      accessSync(candidate, constants.X_OK);
      return candidate;
    } catch {}
  }
  return undefined;
}

/**
 * Finds `terraform` on PATH and the provider mirror (GANTRY_TF_PROVIDER_MIRROR, else a search).
 *
 * @example
 * ```ts
 * const setup = terraformSetup();
 * if (!setup.ok) console.warn(setup.reason);
 * ```
 */
export function terraformSetup(): TerraformSetup {
  const terraform = onPath('terraform');
  if (!terraform) return { ok: false, reason: 'no terraform on PATH' };
  const found = spawnSync(process.execPath, [join(repo, 'scripts/find-provider-mirror.mjs')], {
    encoding: 'utf8',
  });
  const mirror = found.stdout.trim();
  if (found.status !== 0 || !mirror)
    return { ok: false, reason: `no provider mirror: ${found.stderr.trim()}` };
  return { ok: true, terraform, mirror };
}

/** Whether the mirror holds `version` of the AWS provider (any platform). */
export function mirrorHolds(mirror: string, version: string): boolean {
  return existsSync(join(mirror, PROVIDER, version));
}

/** A stack directory prepared for offline Terraform runs. */
export interface TerraformWorkspace {
  dir: string;
  /** Runs terraform with `args` in the stack directory; resolves with stdout. */
  terraform(...args: string[]): Promise<string>;
}

/**
 * Prepares `dir` (a synthesized stack) for offline runs: a CLI configuration in `scratch` that
 * installs the provider only from `mirror` (with a plugin cache under the gitignored .gantry/),
 * and an override file with fake credentials, the provider's skip flags and a local state in
 * `scratch`. Terraform gets no environment but its own: no AWS profile, no real credentials.
 *
 * @example
 * ```ts
 * const workspace = terraformWorkspace(setup, stack.dir, scratch);
 * await workspace.terraform('init', '-input=false');
 * ```
 */
export function terraformWorkspace(
  setup: { terraform: string; mirror: string },
  dir: string,
  scratch: string,
): TerraformWorkspace {
  const cache = join(repo, '.gantry', 'terraform-plugin-cache');
  const home = join(scratch, 'home');
  mkdirSync(cache, { recursive: true });
  mkdirSync(home, { recursive: true });
  const cliConfig = join(scratch, 'terraform.rc');
  writeFileSync(
    cliConfig,
    [
      'provider_installation {',
      '  filesystem_mirror {',
      `    path    = ${JSON.stringify(setup.mirror)}`,
      `    include = [${JSON.stringify(PROVIDER)}]`,
      '  }',
      '}',
      `plugin_cache_dir = ${JSON.stringify(cache)}`,
      '',
    ].join('\n'),
  );
  writeFileSync(
    join(dir, 'gantry_offline_override.tf.json'),
    JSON.stringify(
      {
        provider: {
          aws: [
            {
              access_key: 'AKIAGANTRYFAKEKEY000',
              secret_key: 'gantry-fake-secret-key',
              skip_credentials_validation: true,
              skip_requesting_account_id: true,
              skip_metadata_api_check: true,
              skip_region_validation: true,
            },
          ],
        },
        terraform: { backend: { local: { path: join(scratch, 'terraform.tfstate') } } },
      },
      null,
      2,
    ),
  );
  const env = {
    PATH: process.env.PATH,
    HOME: home,
    TF_CLI_CONFIG_FILE: cliConfig,
    TF_IN_AUTOMATION: '1',
    TF_INPUT: '0',
    CHECKPOINT_DISABLE: '1',
    AWS_EC2_METADATA_DISABLED: 'true',
  };
  return {
    dir,
    async terraform(...args: string[]) {
      try {
        const { stdout } = await run(setup.terraform, args, {
          cwd: dir,
          env,
          maxBuffer: 64 * 1024 * 1024,
        });
        return stdout;
      } catch (error) {
        const failed = error as Error & { stdout?: string; stderr?: string };
        throw new Error(
          `terraform ${args.join(' ')} failed in ${dir}:\n${failed.stderr || failed.stdout || failed.message}`,
        );
      }
    },
  };
}

/** The parts of `terraform show -json <plan>` the suite reads. */
export interface PlanJson {
  format_version: string;
  resource_changes: {
    address: string;
    mode: 'managed' | 'data';
    type: string;
    change: { actions: string[]; after: Record<string, unknown> };
  }[];
  planned_values: { outputs?: Record<string, { value?: unknown; sensitive: boolean }> };
  configuration: {
    provider_config: Record<string, { expressions?: Record<string, { constant_value?: unknown }> }>;
  };
}
