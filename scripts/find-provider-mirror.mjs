#!/usr/bin/env node
// Prints the root of a Terraform filesystem mirror (unpacked layout) that holds the AWS provider
// the infra is generated against, so `terraform init` can run offline:
//   <root>/registry.terraform.io/hashicorp/aws/<version>/<os>_<arch>/terraform-provider-aws_v<version>*
// GANTRY_TF_PROVIDER_MIRROR, when set, is checked and printed as is. Otherwise a bounded walk of
// the usual plugin directories and install roots finds it. Prints nothing and exits 1 when
// there is none (the reason goes to stderr).
//
//   node scripts/find-provider-mirror.mjs [--version 5.100.0] [--roots /a:/b]
import { existsSync, readdirSync } from 'node:fs';
import { homedir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';

/** The hashicorp/aws release @cdktf/provider-aws 20.1.0 is generated against. */
const PROVIDER_VERSION = '5.100.0';
const HOST = 'registry.terraform.io';
const MAX_DEPTH = 4;
const MAX_DIRECTORIES = 20_000;
const SKIP = new Set(['node_modules', '.git', 'proc', 'sys', 'dev', '.cache', '.npm']);

/** Terraform's own platform name for this machine (`linux_amd64`). */
function platform() {
  const arch = { x64: 'amd64', ia32: '386', arm64: 'arm64', arm: 'arm' }[process.arch];
  return `${process.platform}_${arch ?? process.arch}`;
}

/** Whether `root` is a mirror that holds hashicorp/aws `version` for this platform. */
function isMirror(root, version = PROVIDER_VERSION) {
  const dir = join(root, HOST, 'hashicorp', 'aws', version, platform());
  try {
    return readdirSync(dir).some((name) => name.startsWith(`terraform-provider-aws_v${version}`));
  } catch {
    return false;
  }
}

/** Where Terraform looks for local plugins, then common install roots. */
function defaultRoots(env = process.env) {
  const home = env.HOME || homedir();
  const data = env.XDG_DATA_HOME || join(home, '.local', 'share');
  return [
    join(home, '.terraform.d', 'plugins'),
    join(data, 'terraform', 'plugins'),
    '/usr/local/share/terraform/plugins',
    '/usr/share/terraform/plugins',
    '/opt',
    '/usr/local',
    '/srv',
    home,
  ];
}

/**
 * The first mirror of hashicorp/aws `version` under `roots`, walking at most MAX_DEPTH levels
 * and MAX_DIRECTORIES directories in all; undefined when there is none.
 */
function findMirror(roots, version = PROVIDER_VERSION) {
  let budget = MAX_DIRECTORIES;
  const queue = roots.map((root) => ({ dir: resolve(root), depth: 0 }));
  const seen = new Set();
  while (queue.length > 0 && budget > 0) {
    const { dir, depth } = queue.shift();
    if (seen.has(dir)) continue;
    seen.add(dir);
    budget -= 1;
    if (isMirror(dir, version)) return dir;
    if (depth >= MAX_DEPTH) continue;
    let entries;
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch {
      continue;
    }
    for (const entry of entries) {
      if (entry.isDirectory() && !SKIP.has(entry.name) && entry.name !== HOST)
        queue.push({ dir: join(dir, entry.name), depth: depth + 1 });
    }
  }
  return undefined;
}

function main() {
  const { values } = parseArgs({
    options: { version: { type: 'string' }, roots: { type: 'string' } },
  });
  const version = values.version ?? PROVIDER_VERSION;
  const wanted = `${HOST}/hashicorp/aws ${version} (${platform()})`;
  const given = process.env.GANTRY_TF_PROVIDER_MIRROR;
  if (given) {
    if (!isMirror(given, version)) {
      console.error(`GANTRY_TF_PROVIDER_MIRROR=${given} holds no ${wanted}`);
      return 1;
    }
    console.log(resolve(given));
    return 0;
  }
  const roots = values.roots ? values.roots.split(':').filter(Boolean) : defaultRoots();
  const found = findMirror(
    roots.filter((root) => existsSync(root)),
    version,
  );
  if (!found) {
    console.error(`No Terraform filesystem mirror of ${wanted} under ${roots.join(', ')}`);
    return 1;
  }
  console.log(found);
  return 0;
}

process.exitCode = main();
