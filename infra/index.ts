/**
 * `gantry/infra` as published: checks that the optional peer dependencies are installed, then
 * loads the constructs. A static `export ... from` would fail on the first missing package with
 * Node's own error, naming only that one; this fails once, naming every package to install.
 * The types of `gantry/infra` are those of ./constructs.ts.
 */
import { missingPeers, missingPeersMessage } from './peers.js';

const missing = missingPeers();
if (missing.length > 0) throw new Error(missingPeersMessage(missing));

const constructs = await import('./constructs.js');

export const {
  BUNDLE_SETTINGS,
  bundleHandler,
  GantryAlarms,
  GantryDashboard,
  GantryFunction,
  GantryFunctionUrl,
  GantryHttpApi,
  GantryRestApi,
  ServiceStack,
} = constructs;
