/**
 * `gantry/dev`: run any Lambda handler locally, as `npm run dev` does.
 */

export { type DevServer, type DevServerOptions, startDevServer } from './dev-server.js';
export { toHttpApiEvent } from './http-to-event.js';
export { createLambdaContext, type LocalContextOptions } from './lambda-context.js';
export {
  createLocalRuntime,
  type InvokeOptions,
  type LambdaHandler,
  type LocalRuntime,
  type LocalRuntimeOptions,
} from './local-runtime.js';
export { type ReloadOptions, type ReloadSession, serveWithReload } from './reload.js';
