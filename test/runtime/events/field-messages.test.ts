/**
 * Every field each source reads, given the wrong type: the 400 names that field as the source
 * spells it (`is_base64_encoded` on VPC Lattice v1, `requestContext.http.method` on payload 2.0),
 * so the message tells the sender exactly what to fix.
 */
import { describe, expect, it } from 'vitest';
import { describeValue } from '../../../runtime/events/event-reader.js';
import { requestIdOf } from '../../../runtime/events/record.js';
import {
  alb,
  apiGatewayV1,
  apiGatewayV2,
  DEFAULT_LIMITS,
  type EventSource,
  functionUrl,
  vpcLattice,
} from '../../../runtime/index.js';
import {
  albEvent,
  apigwV1Event,
  apigwV2Event,
  functionUrlEvent,
  vpcLatticeEvent,
} from '../../support/events.js';

const OPTIONS = { basePaths: [], stripStage: true };

// biome-ignore lint/suspicious/noExplicitAny: each source takes its own event type.
type AnySource = EventSource<any, unknown>;

interface Case {
  source: AnySource;
  event: () => Record<string, unknown>;
  /** Field to set, with the value, and the message the 400 must carry. */
  field: string[];
  value: unknown;
  message: string;
}

const v1 = () => apigwV1Event({ path: '/items' });
const lattice1 = () => vpcLatticeEvent({ path: '/items' }, 1);
const lattice2 = () => vpcLatticeEvent({ path: '/items' }, 2);

const cases: Case[] = [
  [apiGatewayV1, v1, ['httpMethod'], 5, 'httpMethod must be a string, got a number'],
  [apiGatewayV1, v1, ['path'], 5, 'path must be a string, got a number'],
  [apiGatewayV1, v1, ['headers'], 'x', 'headers must be an object, got a string'],
  [
    apiGatewayV1,
    v1,
    ['multiValueHeaders'],
    'x',
    'multiValueHeaders must be an object, got a string',
  ],
  [
    apiGatewayV1,
    v1,
    ['queryStringParameters'],
    [],
    'queryStringParameters must be an object, got an array',
  ],
  [
    apiGatewayV1,
    v1,
    ['multiValueQueryStringParameters'],
    1,
    'multiValueQueryStringParameters must be an object, got a number',
  ],
  [apiGatewayV1, v1, ['body'], {}, 'body must be a string, got an object'],
  [
    apiGatewayV1,
    v1,
    ['isBase64Encoded'],
    'no',
    'isBase64Encoded must be true or false, got a string',
  ],
  [alb, () => albEvent({}, 'multi'), ['httpMethod'], null, 'httpMethod must be a string, got null'],
  [alb, () => albEvent({}, 'single'), ['headers'], [], 'headers must be an object, got an array'],
  [
    apiGatewayV2,
    () => apigwV2Event({}),
    ['requestContext', 'http', 'method'],
    1,
    'requestContext.http.method must be a string, got a number',
  ],
  [
    apiGatewayV2,
    () => apigwV2Event({}),
    ['rawPath'],
    true,
    'rawPath must be a string, got a boolean',
  ],
  [
    apiGatewayV2,
    () => apigwV2Event({}),
    ['rawQueryString'],
    1,
    'rawQueryString must be a string, got a number',
  ],
  [
    apiGatewayV2,
    () => ({ ...apigwV2Event({}), rawQueryString: undefined }),
    ['queryStringParameters'],
    'a=1',
    'queryStringParameters must be an object, got a string',
  ],
  [
    apiGatewayV2,
    () => apigwV2Event({}),
    ['cookies'],
    {},
    'cookies must be a list of strings, got an object',
  ],
  [
    functionUrl,
    () => functionUrlEvent({}),
    ['headers'],
    1,
    'headers must be an object, got a number',
  ],
  [
    functionUrl,
    () => ({ ...functionUrlEvent({}), rawPath: undefined }),
    ['requestContext', 'http', 'path'],
    1,
    'requestContext.http.path must be a string, got a number',
  ],
  [vpcLattice, lattice1, ['method'], 1, 'method must be a string, got a number'],
  [vpcLattice, lattice1, ['raw_path'], 1, 'raw_path must be a string, got a number'],
  [vpcLattice, lattice1, ['headers'], 'x', 'headers must be an object, got a string'],
  [vpcLattice, lattice1, ['headers'], { a: ['x'] }, 'headers["a"] must be a string, got an array'],
  [
    vpcLattice,
    lattice1,
    ['query_string_parameters'],
    'x',
    'query_string_parameters must be an object, got a string',
  ],
  [vpcLattice, lattice1, ['body'], 1, 'body must be a string, got a number'],
  [
    vpcLattice,
    lattice1,
    ['is_base64_encoded'],
    'x',
    'is_base64_encoded must be true or false, got a string',
  ],
  [vpcLattice, lattice2, ['path'], 1, 'path must be a string, got a number'],
  [
    vpcLattice,
    lattice2,
    ['headers'],
    { a: 'x' },
    'headers["a"] must be a list of strings, got a string',
  ],
  [
    vpcLattice,
    lattice2,
    ['queryStringParameters'],
    { a: 'x' },
    'queryStringParameters["a"] must be a list of strings, got a string',
  ],
  [
    vpcLattice,
    lattice2,
    ['isBase64Encoded'],
    1,
    'isBase64Encoded must be true or false, got a number',
  ],
].map(([source, event, field, value, message]) => ({
  source: source as AnySource,
  event: event as () => Record<string, unknown>,
  field: field as string[],
  value,
  message: message as string,
}));

/** A copy of `event` with the field at `path` set to `value`. */
function withField(event: Record<string, unknown>, path: string[], value: unknown) {
  const copy = structuredClone(event);
  let target: Record<string, unknown> = copy;
  for (const key of path.slice(0, -1)) target = target[key] as Record<string, unknown>;
  target[path.at(-1) as string] = value;
  return copy;
}

describe('the 400 for a field of the wrong type', () => {
  it.each(cases)(
    '$source.name: $field.0 = $value -> "$message"',
    ({ source, event, field, value, message }) => {
      // Prepare
      const sent = withField(event(), field, value);

      // Act
      const request = source.toRequest(sent, OPTIONS);

      // Assert
      expect(source.detect(sent)).toBe(true);
      expect(request.problem).toEqual({ status: 400, message });
    },
  );
});

describe('the 414 for a VPC Lattice query over the limit', () => {
  it.each([
    ['version 1', lattice1, ['query_string_parameters'], { q: 'a'.repeat(DEFAULT_LIMITS.url) }],
    ['version 2', lattice2, ['queryStringParameters'], { q: ['a'.repeat(DEFAULT_LIMITS.url)] }],
  ])('counts the path and the %s query maps together', (_version, event, field, query) => {
    // Prepare
    const sent = withField(event(), field as string[], query);

    // Act
    const request = vpcLattice.toRequest(sent as never, OPTIONS);

    // Assert
    expect(request.problem).toMatchObject({ status: 414 });
  });

  it('lets a query exactly at the limit through', () => {
    // Prepare: '/items' (6) + 'q' + '=' + value + '&' (the length counts key=value&).
    const value = 'a'.repeat(DEFAULT_LIMITS.url - 6 - 3);
    const sent = withField(lattice2(), ['queryStringParameters'], { q: [value] });

    // Act
    const request = vpcLattice.toRequest(sent as never, OPTIONS);

    // Assert
    expect(request.problem).toBeUndefined();
    expect(request.query).toEqual({ q: value });
  });
});

describe('requestIdOf', () => {
  it.each([
    [{ requestId: 'abc' }, 'abc'],
    [{ requestId: 12345 }, undefined],
    [{ requestId: null }, undefined],
    [{ requestId: ['abc'] }, undefined],
    [{}, undefined],
    ['not a context', undefined],
    [null, undefined],
  ])('reads %j as %j', (context, expected) => {
    // Act
    const id = requestIdOf(context);

    // Assert
    expect(id).toBe(expected);
  });
});

describe('describeValue of a value JSON cannot carry', () => {
  it('names undefined as undefined, not "a undefined"', () => {
    // Act
    const named = describeValue(undefined);

    // Assert
    expect(named).toBe('undefined');
  });
});
