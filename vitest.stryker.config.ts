/**
 * The vitest config Stryker runs (`npm run mutate`): the main config, narrowed to the test files
 * that can kill mutants of `runtime/events` and `runtime/router`.
 */
import { defineConfig } from 'vite';
import base from './vitest.config.js';

export default defineConfig({
  ...base,
  test: {
    ...base.test,
    include: ['test/runtime/**/*.test.ts', 'test/examples/**/*.test.ts'],
    exclude: [
      ...(base.test?.exclude ?? []),
      // Starts HTTP servers; what it proves of events/router is proved by the handler tests.
      'test/runtime/dev/dev-server.test.ts',
      // Reads the source text, never runs it: it cannot kill a mutant.
      'test/runtime/public-api-docs.test.ts',
      // Runs a bundle in a child process, out of Stryker's reach: it cannot kill a mutant.
      'test/runtime/observability/tracing-lazy-load.test.ts',
    ],
  },
});
