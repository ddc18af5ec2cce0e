/**
 * Gantry's CDKTF constructs: compose them into a stack for your own service.
 */
export { GantryFunctionUrl, type GantryFunctionUrlProps } from './api/function-url.js';
export { type Cors, GantryHttpApi, type GantryHttpApiProps } from './api/http-api.js';
export { GantryRestApi, type GantryRestApiProps } from './api/rest-api.js';
export type { Throttling } from './api/throttling.js';
export { BUNDLE_SETTINGS, bundleHandler } from './function/bundle.js';
export {
  GantryFunction,
  type GantryFunctionProps,
  type PolicyStatement,
} from './function/gantry-function.js';
export { GantryAlarms, type GantryAlarmsProps } from './monitoring/alarms.js';
export { GantryDashboard, type GantryDashboardProps } from './monitoring/dashboard.js';
export { ServiceStack, type ServiceStackProps } from './stacks/service-stack.js';
