/**
 * The X-Ray SDK under the Powertools Tracer is CommonJS and `require()`s Node built-ins (`http`,
 * `dgram`, ...). A handler bundled into an ES module with plain `esbuild --bundle --format=esm`
 * turns those calls into esbuild's `__require`, which throws `Dynamic require of "http" is not
 * supported` unless a `require` exists when it is called. Gantry provides one before it loads the
 * Tracer, so that users need no banner; Node itself, and a bundle that declares its own `require`
 * (as `gantry build` does), are left as they are.
 */
import { createRequire } from 'node:module';

/**
 * Makes a global `require` exist (resolving from this module) if there is none.
 *
 * @example
 * ```ts
 * provideRequire();
 * const { Tracer } = await import('@aws-lambda-powertools/tracer');
 * ```
 */
export function provideRequire(scope: { require?: unknown } = globalThis): void {
  if (typeof scope.require === 'undefined') scope.require = createRequire(import.meta.url);
}
