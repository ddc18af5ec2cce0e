import { describe, expect, it } from 'vitest';
import { monotonicMs, sinceProcessStartMs } from '../../../runtime/observability/clock.js';

describe('clock', () => {
  it('measures a duration in milliseconds', async () => {
    // Prepare
    const start = monotonicMs();

    // Act
    await new Promise((resolve) => setTimeout(resolve, 25));
    const elapsed = monotonicMs() - start;

    // Assert
    expect(elapsed).toBeGreaterThanOrEqual(20);
    expect(elapsed).toBeLessThan(5_000);
  });

  it('counts from the process start, as performance.now() does', () => {
    // Act
    const ours = sinceProcessStartMs();
    const theirs = performance.now();

    // Assert: two clocks, one origin (Node's process start), read a moment apart.
    expect(Math.abs(ours - theirs)).toBeLessThan(50);
    expect(ours).toBeGreaterThan(0);
  });
});
