import { type TranslateOptions, vpcLattice } from 'gantry';
import { describe, expect, it } from 'vitest';
import { vpcLatticeEvent } from '../../support/events.js';
import { loadFixture } from '../../support/fixtures.js';

const OPTIONS: TranslateOptions = { basePaths: [], stripStage: true };
type LatticeEvent = Parameters<typeof vpcLattice.toRequest>[0];

describe('detect', () => {
  it('claims version 1 (raw_path) and version 2 (version 2.0 with path) events', () => {
    // Act
    const detected = [
      vpcLattice.detect(vpcLatticeEvent({}, 1)),
      vpcLattice.detect(vpcLatticeEvent({}, 2)),
      vpcLattice.detect({ method: 'GET', path: '/' }),
      vpcLattice.detect({ raw_path: '/' }),
      vpcLattice.detect({ version: '2.0', path: '/' }),
      vpcLattice.detect({ version: '2.0', method: 'GET' }),
    ];

    // Assert
    expect(detected).toEqual([true, true, false, true, true, false]);
  });

  it.each([
    ['version 1', { raw_path: '/items' }],
    ['version 2', { version: '2.0', path: '/items', headers: {} }],
  ])('reads a %s event without a method as a 400 naming the field', (_version, event) => {
    // Act
    const request = vpcLattice.toRequest(event as never, { basePaths: [], stripStage: true });

    // Assert
    expect(request.problem).toEqual({
      status: 400,
      message: 'method is missing: the event names no HTTP method',
    });
  });
});

describe('toRequest', () => {
  it('reads a version 1 query string carried on raw_path as the encoded truth', () => {
    // Prepare
    const event = {
      raw_path: '/items%20list?a=1&a=2&b=x+y&c=%3F',
      method: 'GET',
      headers: {},
      query_string_parameters: { a: '2', b: 'x y', c: '?' },
    };

    // Act
    const request = vpcLattice.toRequest(event, OPTIONS);

    // Assert
    expect(request.path).toBe('/items list');
    expect(request.routingPath).toBe('/items%20list');
    expect(request.query).toEqual({ a: ['1', '2'], b: 'x y', c: '?' });
  });

  it('reads a version 1 event with a bare path from query_string_parameters', () => {
    // Prepare
    const event = loadFixture(
      'powertools-lambda-python/vpcLatticeEvent.json',
    ) as unknown as LatticeEvent;

    // Act
    const request = vpcLattice.toRequest(event, OPTIONS);

    // Assert
    expect(request.path).toBe('/testpath');
    expect(request.query).toEqual({ 'order-id': '1' });
    expect(request.body?.toString('utf8')).toBe('{"test": "event"}');
  });

  it('reads version 2 header and query lists, joining repeated headers', () => {
    // Prepare
    const event = loadFixture(
      'powertools-lambda-python/vpcLatticeV2EventWithHeaders.json',
    ) as unknown as LatticeEvent;

    // Act
    const request = vpcLattice.toRequest(event, OPTIONS);

    // Assert
    expect(request.headers.powertools).toBe('a, b');
    expect(request.query).toEqual({ parameter1: ['value1', 'value2'], parameter2: 'value' });
  });

  it('reads a version 2 event without a query map as an empty query', () => {
    // Prepare
    const event = {
      ...vpcLatticeEvent({ path: '/x' }, 2),
      queryStringParameters: null,
    } as LatticeEvent;

    // Act
    const request = vpcLattice.toRequest(event, OPTIONS);

    // Assert
    expect(request.query).toEqual({});
  });

  it('takes the request id from x-amzn-trace-id', () => {
    // Prepare
    const event = vpcLatticeEvent(
      { headers: { 'X-Amzn-Trace-Id': 'Root=1-lattice' } },
      2,
    ) as LatticeEvent;

    // Act
    const request = vpcLattice.toRequest(event, OPTIONS);

    // Assert
    expect(request.requestId).toBe('Root=1-lattice');
  });
});

describe('toResult', () => {
  it('answers statusCode, statusDescription, headers, body and isBase64Encoded; cookies spread', () => {
    // Prepare
    const cookies = ['a=1; Expires=Tue, 01 Jan 2030 00:00:00 GMT', 'b=2'];

    // Act
    const result = vpcLattice.toResult(
      { status: 201, headers: { 'content-type': 'image/png' }, cookies, body: Buffer.from([0xff]) },
      vpcLatticeEvent() as LatticeEvent,
    );

    // Assert
    expect(result).toEqual({
      statusCode: 201,
      statusDescription: '201 Created',
      headers: { 'content-type': 'image/png', 'set-cookie': cookies[0], 'Set-cookie': cookies[1] },
      body: '/w==',
      isBase64Encoded: true,
    });
  });
});
