import { apiGatewayV1, type TranslateOptions } from 'gantry';
import { describe, expect, it } from 'vitest';
import { albEvent, apigwV1Event } from '../../support/events.js';
import { loadFixture } from '../../support/fixtures.js';

const OPTIONS: TranslateOptions = { basePaths: [], stripStage: true };
type V1Event = Parameters<typeof apiGatewayV1.toRequest>[0];

describe('detect', () => {
  it('claims REST proxy events and payload 1.0 HTTP API events', () => {
    // Prepare
    const rest = apigwV1Event();
    const payload10 = { ...apigwV1Event(), version: '1.0' };

    // Act
    const detected = [apiGatewayV1.detect(rest), apiGatewayV1.detect(payload10)];

    // Assert
    expect(detected).toEqual([true, true]);
  });

  it('leaves ALB events, which also carry httpMethod, to the ALB source', () => {
    // Act
    const detected = apiGatewayV1.detect(albEvent());

    // Assert
    expect(detected).toBe(false);
  });
});

describe('toRequest', () => {
  it('prefers the multi-value maps: the single maps hold only the last value', () => {
    // Prepare
    const event = loadFixture(
      'aws-lambda-rust-runtime/apigw_multi_value_proxy_request.json',
    ) as unknown as V1Event;

    // Act
    const request = apiGatewayV1.toRequest(event, OPTIONS);

    // Assert
    expect(request.query).toEqual({ name: 'me', multiValueName: ['you', 'me'] });
    expect(request.headers.accept).toBe('*/*');
  });

  it('never merges headers and multiValueHeaders into duplicates', () => {
    // Prepare
    const event = apigwV1Event({ headers: { Accept: ['a', 'b'], Cookie: ['x=1', 'y=2'] } });

    // Act
    const request = apiGatewayV1.toRequest(event as V1Event, OPTIONS);

    // Assert
    expect(event.headers).toEqual({ Accept: 'b', Cookie: 'y=2' });
    expect(request.headers).toEqual({ accept: 'a, b', cookie: 'x=1; y=2' });
    expect(request.cookies).toEqual({ x: '1', y: '2' });
  });

  it('reads the single-value maps of an event without multi-value maps', () => {
    // Prepare
    const event = {
      ...apigwV1Event(),
      headers: { 'X-Api-Key': 'k', Cookie: 'a=1' },
      multiValueHeaders: undefined,
      queryStringParameters: { q: 'a b' },
      multiValueQueryStringParameters: null,
    } as unknown as V1Event;

    // Act
    const request = apiGatewayV1.toRequest(event, OPTIONS);

    // Assert
    expect(request.headers).toEqual({ 'x-api-key': 'k', cookie: 'a=1' });
    expect(request.query).toEqual({ q: 'a b' });
    expect(request.cookies).toEqual({ a: '1' });
  });

  it('keeps query values as API Gateway decoded them (never decoded twice)', () => {
    // Prepare
    const event = {
      ...apigwV1Event(),
      multiValueQueryStringParameters: { p: ['100%25', 'a+b'] },
    } as unknown as V1Event;

    // Act
    const request = apiGatewayV1.toRequest(event, OPTIONS);

    // Assert
    expect(request.query).toEqual({ p: ['100%25', 'a+b'] });
  });

  it('takes the request id from requestContext.requestId', () => {
    // Prepare
    const event = loadFixture('aws-lambda-go/apigw-request.json') as unknown as V1Event;

    // Act
    const request = apiGatewayV1.toRequest(event, OPTIONS);

    // Assert
    expect(request.requestId).toBe('deef4878-7910-11e6-8f14-25afc3e9ae33');
  });
});

describe('toResult', () => {
  it('answers statusCode, headers, body and isBase64Encoded, and no multiValueHeaders without cookies', () => {
    // Act
    const result = apiGatewayV1.toResult(
      { status: 200, headers: { 'content-type': 'application/json' }, cookies: [], body: '{}' },
      apigwV1Event() as V1Event,
    );

    // Assert
    expect(result).toEqual({
      statusCode: 200,
      headers: { 'content-type': 'application/json' },
      body: '{}',
      isBase64Encoded: false,
    });
  });

  it('answers cookies in multiValueHeaders set-cookie, each whole', () => {
    // Prepare
    const cookies = [
      'a=1; Expires=Tue, 01 Jan 2030 00:00:00 GMT',
      'b=2; Expires=Wed, 02 Jan 2030 00:00:00 GMT',
    ];

    // Act
    const result = apiGatewayV1.toResult(
      { status: 200, headers: {}, cookies, body: undefined },
      apigwV1Event() as V1Event,
    );

    // Assert
    expect(result.multiValueHeaders).toEqual({ 'set-cookie': cookies });
    expect(result.headers).toEqual({});
  });
});
