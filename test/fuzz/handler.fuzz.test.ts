/**
 * Fuzzing the handler with mutated real events of every source: six properties per source,
 * seeded and quick under `npm test`, long under `npm run fuzz` (see fuzz-config.ts).
 */

import { type FuzzSourceName, fuzzSources } from './fuzz-sources.js';
import { describeFuzz } from './fuzz-suite.js';

for (const name of Object.keys(fuzzSources) as FuzzSourceName[]) describeFuzz(name);
