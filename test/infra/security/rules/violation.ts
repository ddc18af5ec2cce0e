/**
 * What a security rule reports: which resource breaks it and why. A rule reads a synthesized
 * stack (cdk.tf.json) and returns every violation it finds, none when the stack is compliant.
 */
import type { TerraformBlock, TerraformJson } from '../../support/synth.js';

export interface Violation {
  rule: string;
  /** Terraform address of the offending block (`aws_iam_role_policy.fn_policy_1234`). */
  address: string;
  message: string;
}

export type SecurityRule = (json: TerraformJson) => Violation[];

/** Every resource of the given types, with its address. */
export function blocksOf(
  json: TerraformJson,
  types: readonly string[],
  kind: 'resource' | 'data' = 'resource',
): { address: string; block: TerraformBlock }[] {
  return types.flatMap((type) =>
    Object.entries(json[kind]?.[type] ?? {}).map(([name, block]) => ({
      address: kind === 'data' ? `data.${type}.${name}` : `${type}.${name}`,
      block,
    })),
  );
}

/** Terraform JSON renders a nested block as an object or as a list of them. */
export function listOf<T>(value: T | T[] | undefined): T[] {
  if (value === undefined || value === null) return [];
  return Array.isArray(value) ? value : [value];
}

/** Whether a string is entirely one Terraform expression (`${...}`). */
export function isReference(value: string): boolean {
  return /^\$\{[^}]*\}$/.test(value);
}
