/**
 * The packages `gantry/infra` needs beside Gantry itself. They are optional peer dependencies, so
 * that a service that only uses the runtime installs none of them.
 */

/** What `gantry/infra` imports, with what it is for. */
export const INFRA_PEERS = {
  cdktf: 'CDK for Terraform',
  constructs: 'the construct tree CDKTF builds on',
  '@cdktf/provider-aws': 'the AWS resources',
  esbuild: 'bundling the handler at synth time',
} as const;

/**
 * The peers that cannot be resolved from where Gantry is installed, in the order of
 * {@link INFRA_PEERS}.
 *
 * @example
 * ```ts
 * const missing = missingPeers(); // ['cdktf', 'constructs', ...] in a runtime-only project
 * ```
 */
export function missingPeers(
  resolve: (specifier: string) => string = (specifier) => import.meta.resolve(specifier),
): string[] {
  return Object.keys(INFRA_PEERS).filter((name) => {
    try {
      resolve(name);
      return false;
    } catch {
      return true;
    }
  });
}

/**
 * The one message `import('gantry/infra')` fails with when peers are missing: every missing package
 * and the command that installs them.
 *
 * @example
 * ```ts
 * missingPeersMessage(['cdktf']);
 * // 'gantry/infra needs cdktf (CDK for Terraform): npm install --save-dev cdktf'
 * ```
 */
export function missingPeersMessage(missing: readonly string[]): string {
  const names = missing.map(
    (name) => `${name} (${INFRA_PEERS[name as keyof typeof INFRA_PEERS] ?? 'a peer'})`,
  );
  return `gantry/infra needs ${names.join(', ')}: npm install --save-dev ${missing.join(' ')}`;
}
