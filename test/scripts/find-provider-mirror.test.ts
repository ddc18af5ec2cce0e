/**
 * scripts/find-provider-mirror.mjs: the Terraform filesystem mirror CI points the infra suite at.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

const script = join(import.meta.dirname, '../../scripts/find-provider-mirror.mjs');
const arch = process.arch === 'x64' ? 'amd64' : process.arch;
const platform = `${process.platform}_${arch}`;

/** Lays out an unpacked mirror of hashicorp/aws `version` under `root`. */
function mirror(root: string, version = '5.100.0'): string {
  const dir = join(root, 'registry.terraform.io/hashicorp/aws', version, platform);
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, `terraform-provider-aws_v${version}_x5`), '');
  return root;
}

function find(args: string[], env: Record<string, string> = {}) {
  const clean = { ...process.env, ...env };
  if (!env.GANTRY_TF_PROVIDER_MIRROR) delete clean.GANTRY_TF_PROVIDER_MIRROR;
  const result = spawnSync(process.execPath, [script, ...args], { env: clean, encoding: 'utf8' });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('scripts/find-provider-mirror.mjs', () => {
  let tree: string;
  beforeEach(() => {
    tree = mkdtempSync(join(tmpdir(), 'gantry-mirror-'));
  });
  afterEach(() => rmSync(tree, { recursive: true, force: true }));

  it('prints the root of a mirror holding hashicorp/aws 5.100.0 for this platform, found below the roots', () => {
    // Prepare
    mkdirSync(join(tree, 'empty/deeper'), { recursive: true });
    const root = mirror(join(tree, 'opt/tf-plugins'));

    // Act
    const result = find(['--roots', `${join(tree, 'missing')}:${tree}`]);

    // Assert
    expect(result).toEqual({ status: 0, stdout: `${root}\n`, stderr: '' });
  });

  it('finds nothing, exits 1 and says what it looked for, when the mirror has another version only', () => {
    // Prepare
    mirror(join(tree, 'opt/tf-plugins'), '5.99.0');

    // Act
    const result = find(['--roots', tree]);

    // Assert
    expect(result.status).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain(
      `No Terraform filesystem mirror of registry.terraform.io/hashicorp/aws 5.100.0 (${platform}) under ${tree}`,
    );
  });

  it('finds another version when asked for it', () => {
    // Prepare
    const root = mirror(join(tree, 'opt/tf-plugins'), '5.99.0');

    // Act
    const result = find(['--roots', tree, '--version', '5.99.0']);

    // Assert
    expect(result.stdout).toBe(`${root}\n`);
  });

  it('walks a bounded depth: a mirror buried deeper is not searched for', () => {
    // Prepare
    mirror(join(tree, 'a/b/c/d/e/f'));

    // Act
    const result = find(['--roots', tree]);

    // Assert
    expect(result.status).toBe(1);
  });

  it('prints GANTRY_TF_PROVIDER_MIRROR as it is, without searching, when it holds the provider', () => {
    // Prepare
    const root = mirror(join(tree, 'given'));
    mirror(join(tree, 'other'));

    // Act
    const result = find(['--roots', join(tree, 'other')], { GANTRY_TF_PROVIDER_MIRROR: root });

    // Assert
    expect(result).toEqual({ status: 0, stdout: `${root}\n`, stderr: '' });
  });

  it('refuses a GANTRY_TF_PROVIDER_MIRROR that does not hold the provider', () => {
    // Prepare
    mirror(join(tree, 'other'));

    // Act
    const result = find(['--roots', join(tree, 'other')], { GANTRY_TF_PROVIDER_MIRROR: tree });

    // Assert
    expect(result.status).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain(`GANTRY_TF_PROVIDER_MIRROR=${tree} holds no`);
  });
});
