// @ts-check
/**
 * Mutation testing of the event sources and the router: `npm run mutate` (or `npx stryker run`).
 * Reports go to reports/mutation/ (HTML and JSON); the sandbox lives in .stryker-tmp/.
 *
 * @type {import('@stryker-mutator/api/core').PartialStrykerOptions}
 */
export default {
  mutate: ['runtime/events/**/*.ts', 'runtime/router/**/*.ts'],
  testRunner: 'vitest',
  vitest: {
    configFile: 'vitest.stryker.config.ts',
    // The config already lists the test files; import-graph filtering could drop some of them.
    related: false,
  },
  // The TypeScript checker needs TypeScript's JS API, which TypeScript 7 (native) does not have.
  // Stryker is pinned to 9.6.1: 10.x refuses to start on Node 20 (it requires Node >= 22).
  checkers: [],
  // Stryker rewrites the sandbox's tsconfig `extends`/`references` with TypeScript's JS API, which
  // TypeScript 7 lacks. Ours has neither, so point it at no file: the sandbox keeps tsconfig.json
  // as it is (vite still reads it there).
  tsconfigFile: 'tsconfig.stryker-none.json',
  coverageAnalysis: 'perTest',
  reporters: ['clear-text', 'progress', 'html', 'json'],
  htmlReporter: { fileName: 'reports/mutation/mutation.html' },
  jsonReporter: { fileName: 'reports/mutation/mutation.json' },
  concurrency: 2,
  // Generous: at 10 s, 23 mutants were misreported as timeouts on this busy 2-core machine (they
  // survive at 60 s); only 3 (loops never ending) really time out, so this costs little.
  timeoutMS: 30_000,
  // Build output and local state: not needed by the tests, no need to copy them into the sandbox.
  ignorePatterns: ['/dist', '/coverage', '/cdktf.out', '/.gantry'],
  tempDirName: '.stryker-tmp',
};
