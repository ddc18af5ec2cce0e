import { describe, expect, it } from 'vitest';
import { provideRequire } from '../../../runtime/observability/commonjs-require.js';

describe('provideRequire', () => {
  it('gives a scope with no require one that loads Node built-ins', () => {
    // Prepare
    const scope: { require?: unknown } = {};

    // Act
    provideRequire(scope);

    // Assert
    expect(typeof scope.require).toBe('function');
    expect((scope.require as (id: string) => unknown)('node:path')).toHaveProperty('join');
  });

  it('leaves a require that exists as it is', () => {
    // Prepare
    const own = () => 'own';
    const scope: { require?: unknown } = { require: own };

    // Act
    provideRequire(scope);

    // Assert
    expect(scope.require).toBe(own);
  });
});
