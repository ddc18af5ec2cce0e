/**
 * Records what goes through the global `console` (Gantry's last-resort log, Powertools warnings,
 * the Logger in development mode), which vitest routes around `process.stdout.write` and so
 * around output.ts.
 */
import { format } from 'node:util';
import { afterEach, beforeEach, vi } from 'vitest';

const METHODS = ['log', 'info', 'warn', 'error', 'debug', 'trace'] as const;

/** A console call: the method and the line it would have printed. */
export interface ConsoleCall {
  method: (typeof METHODS)[number];
  args: unknown[];
  line: string;
}

/** Records every global console call of each test of the enclosing suite (and prints none). */
export function captureConsole(): ConsoleCall[] {
  const calls: ConsoleCall[] = [];
  beforeEach(() => {
    for (const method of METHODS) {
      vi.spyOn(console, method).mockImplementation((...args: unknown[]) => {
        calls.push({ method, args, line: format(...args) });
      });
    }
  });
  afterEach(() => {
    vi.restoreAllMocks();
    calls.length = 0;
  });
  return calls;
}

/** Records the `console.error` calls of each test of the enclosing suite, as argument lists. */
export function captureConsoleError(): { readonly calls: unknown[][] } {
  const all = captureConsole();
  return {
    get calls() {
      return all.filter((call) => call.method === 'error').map((call) => call.args);
    },
  };
}
