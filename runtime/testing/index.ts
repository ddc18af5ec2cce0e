/**
 * `gantry/testing`: a test client that speaks every HTTP event source, and the event builders
 * it uses. Each export's own TSDoc has an example.
 */

export {
  buildEvent,
  TEST_SOURCES,
  type TestRequest,
  type TestSource,
} from './events.js';
export type { EmfDocument, LogLine } from './log-lines.js';
export { InvalidResultError } from './results/invalid-result-error.js';
export {
  type TestClient,
  type TestClientOptions,
  type TestRequestInit,
  testClient,
} from './test-client.js';
export type { TestResponse } from './test-response.js';
