/**
 * The machine a run measured on.
 */
import { arch, cpus, platform, release, totalmem } from 'node:os';
import type { Machine } from './results.js';

/**
 * Describes this machine: CPU model and count, Node version, OS, memory, and the date.
 *
 * @example
 * ```ts
 * describeMachine(new Date()).cpuCount; // 2
 * ```
 */
export function describeMachine(date: Date): Machine {
  const list = cpus();
  return {
    cpuModel: list[0]?.model.trim() ?? 'unknown',
    cpuCount: list.length,
    node: process.version,
    os: `${platform()} ${release()} ${arch()}`,
    memoryGiB: Math.round((totalmem() / 2 ** 30) * 10) / 10,
    date: date.toISOString(),
  };
}
