/**
 * Reads a handler's result back in its source's own result format, as the service would:
 * each source's fields, and only those, become the status, header lines and body the client
 * gets.
 */
import { isRecord } from '../../events/record.js';
import { statusText } from '../../events/status-text.js';
import type { TestSource } from '../events.js';
import { type HeaderLine, ResultFields } from './result-fields.js';

/** An answer as the client receives it, before it is offered as a `TestResponse`. */
export interface ReadResult {
  readonly status: number;
  readonly statusText: string | undefined;
  /** Every header line, `set-cookie` lines included, names as written. */
  readonly headers: readonly HeaderLine[];
  readonly bytes: Buffer;
  readonly isBase64Encoded: boolean;
}

/** Payload 2.0 services infer a 200 from a result without `statusCode`: never meant here. */
const INFERRED =
  ': payload format 2.0 would answer 200 with the value JSON-encoded as the body, which a Gantry handler never means';

type Reader = (raw: unknown, event: Record<string, unknown>, source: TestSource) => ReadResult;

/** REST API: `headers` and `multiValueHeaders` merged, the multi-value map winning on a name. */
const restApi: Reader = (raw, _event, source) => {
  const fields = new ResultFields(source, raw);
  const status = fields.statusCode();
  const multi = fields.multiValueHeaders('multiValueHeaders');
  const names = new Set(multi.map(([name]) => name));
  const single = fields.headers('headers').filter(([name]) => !names.has(name));
  return answer(status, undefined, [...single, ...multi], fields);
};

/** HTTP API and Function URL: `headers` and, one `set-cookie` each, `cookies[]`. */
const payloadV2: Reader = (raw, _event, source) => {
  const fields = new ResultFields(source, raw, INFERRED);
  const status = fields.statusCode(INFERRED);
  if (fields.has('multiValueHeaders')) {
    fields.fail('multiValueHeaders is not part of payload format 2.0, which ignores it');
  }
  const cookies = fields.strings('cookies').map((cookie): HeaderLine => ['set-cookie', cookie]);
  return answer(status, undefined, [...fields.headers('headers'), ...cookies], fields);
};

/** ALB: the header map of the mode the request came in, and only that one. */
const alb: Reader = (raw, event, source) => {
  const fields = new ResultFields(source, raw);
  const status = fields.statusCode();
  const description = fields.string('statusDescription');
  const multiValue = isRecord(event.multiValueHeaders);
  const [used, other] = multiValue
    ? ['multiValueHeaders', 'headers']
    : ['headers', 'multiValueHeaders'];
  if (fields.has(other)) {
    const mode = multiValue ? 'multi-value' : 'single-value';
    fields.fail(
      `the target group is in ${mode} header mode, so the answer must use ${used}, not ${other}`,
    );
  }
  const headers = multiValue ? fields.multiValueHeaders(used) : fields.headers(used);
  return answer(status, description, headers, fields);
};

/** VPC Lattice (both versions): one value per header name, `statusDescription`. */
const lattice: Reader = (raw, _event, source) => {
  const fields = new ResultFields(source, raw);
  const status = fields.statusCode();
  const description = fields.string('statusDescription');
  if (fields.has('multiValueHeaders')) {
    fields.fail('multiValueHeaders is not part of the VPC Lattice answer, which ignores it');
  }
  return answer(status, description, fields.headers('headers'), fields);
};

const READERS: Readonly<Record<TestSource, Reader>> = {
  'apigw-v1': restApi,
  'apigw-v2': payloadV2,
  'function-url': payloadV2,
  alb,
  'alb-multi': alb,
  'vpc-lattice': lattice,
  'vpc-lattice-v1': lattice,
};

/** Reads `raw`, the result of a handler invoked with `event` from `source`. */
export function readResult(
  source: TestSource,
  raw: unknown,
  event: Record<string, unknown>,
): ReadResult {
  return READERS[source](raw, event, source);
}

function answer(
  status: number,
  description: string | undefined,
  headers: readonly HeaderLine[],
  fields: ResultFields,
): ReadResult {
  const { bytes, base64 } = fields.body();
  // `statusDescription` is a status line's tail (`404 Not Found`); the phrase is what follows.
  const text =
    description === undefined ? statusText(status) : description.replace(/^\d{3}\s*/, '');
  return { status, statusText: text, headers, bytes, isBase64Encoded: base64 };
}
