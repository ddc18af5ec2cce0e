import { defaultServerConditions, defineConfig } from 'vite';
import { configDefaults } from 'vitest/config';

// `source` resolves `import 'gantry'` to the TypeScript sources, as tsc's customConditions does.
const conditions = ['gantry-source', ...defaultServerConditions];

export default defineConfig({
  resolve: { conditions },
  ssr: { resolve: { conditions, externalConditions: conditions } },
  test: {
    include: ['test/**/*.test.ts', 'templates/minimal/test/**/*.test.ts'],
    exclude: [...configDefaults.exclude],
    testTimeout: 20_000,
    coverage: {
      provider: 'v8',
      include: ['runtime/**/*.ts', 'infra/**/*.ts'],
      exclude: ['test/**'],
      thresholds: { lines: 90, branches: 90 },
      reporter: ['text-summary', 'text'],
    },
  },
});
