import { alb, Controller, Get, reply, type TranslateOptions } from 'gantry';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { albEvent } from '../../support/events.js';
import { echoHandler, invoke } from './echo-handler.js';

const OPTIONS: TranslateOptions = { basePaths: [], stripStage: true };
type AlbEvent = Parameters<typeof alb.toRequest>[0];

const EXPIRING = 'a=1; Expires=Tue, 01 Jan 2030 00:00:00 GMT';

describe('detect', () => {
  it('claims events with requestContext.elb only', () => {
    // Act
    const detected = [
      alb.detect(albEvent()),
      alb.detect({ httpMethod: 'GET', requestContext: {} }),
      alb.detect({ httpMethod: 'GET', requestContext: { elb: 'arn' } }),
    ];

    // Assert
    expect(detected).toEqual([true, false, false]);
  });
});

describe('toRequest', () => {
  it('decodes still-encoded query keys and values once in single-value mode', () => {
    // Prepare
    const event = albEvent({ query: 'my%20key=%3FshowAll%3Dtrue&q=x+y&p=%2525' });

    // Act
    const request = alb.toRequest(event as AlbEvent, OPTIONS);

    // Assert
    expect(request.query).toEqual({ 'my key': '?showAll=true', q: 'x y', p: '%25' });
  });

  it('decodes every value of a repeated key in multi-value mode, in order', () => {
    // Prepare
    const event = albEvent({ query: 'k=%3Fb&k=a+1&k=%2B' }, 'multi');

    // Act
    const request = alb.toRequest(event as AlbEvent, OPTIONS);

    // Assert
    expect(request.query).toEqual({ k: ['?b', 'a 1', '+'] });
  });

  it('reads headers from multiValueHeaders when present, else from headers', () => {
    // Prepare
    const multi = albEvent({ headers: { Accept: ['a', 'b'] } }, 'multi');
    const single = { ...albEvent({ headers: { Accept: 'c' } }), multiValueHeaders: null };

    // Act
    const fromMulti = alb.toRequest(multi as AlbEvent, OPTIONS);
    const fromSingle = alb.toRequest(single as unknown as AlbEvent, OPTIONS);

    // Assert
    expect(fromMulti.headers).toEqual({ accept: 'a, b' });
    expect(fromSingle.headers).toEqual({ accept: 'c' });
  });

  it('takes the request id from x-amzn-trace-id', () => {
    // Prepare
    const event = albEvent({ headers: { 'X-Amzn-Trace-Id': 'Root=1-abc' } });

    // Act
    const request = alb.toRequest(event as AlbEvent, OPTIONS);

    // Assert
    expect(request.requestId).toBe('Root=1-abc');
  });

  it('reads an event without query maps as an empty query', () => {
    // Prepare
    const event: Record<string, unknown> = { ...albEvent() };
    delete event.queryStringParameters;

    // Act
    const request = alb.toRequest(event as unknown as AlbEvent, OPTIONS);

    // Assert
    expect(request.query).toEqual({});
  });
});

describe('toResult', () => {
  const response = () => ({
    status: 200,
    headers: { 'content-type': 'text/plain' },
    cookies: [EXPIRING, 'b=2'],
    body: 'ok',
  });

  it('answers a single-value event with headers only, cookies under differently-cased names', () => {
    // Act
    const result = alb.toResult(response(), albEvent() as AlbEvent);

    // Assert
    expect(result).toEqual({
      statusCode: 200,
      statusDescription: '200 OK',
      headers: { 'content-type': 'text/plain', 'set-cookie': EXPIRING, 'Set-cookie': 'b=2' },
      body: 'ok',
      isBase64Encoded: false,
    });
  });

  it('answers a multi-value event with multiValueHeaders only', () => {
    // Act
    const result = alb.toResult(response(), albEvent({}, 'multi') as AlbEvent);

    // Assert
    expect(result).toEqual({
      statusCode: 200,
      statusDescription: '200 OK',
      multiValueHeaders: { 'content-type': ['text/plain'], 'set-cookie': [EXPIRING, 'b=2'] },
      body: 'ok',
      isBase64Encoded: false,
    });
  });

  it('answers a multi-value event without cookies with no set-cookie list', () => {
    // Act
    const result = alb.toResult(
      { status: 404, headers: {}, cookies: [], body: undefined },
      albEvent({}, 'multi') as AlbEvent,
    );

    // Assert
    expect(result).toEqual({
      statusCode: 404,
      statusDescription: '404 Not Found',
      multiValueHeaders: {},
      body: '',
      isBase64Encoded: false,
    });
  });
});

describe('more cookies than set-cookie has casings', () => {
  afterEach(() => {
    vi.restoreAllMocks();
  });

  @Controller()
  class ManyCookiesController {
    @Get('/many')
    many() {
      const answer = reply(200, { ok: true });
      for (let i = 0; i < 513; i++) answer.cookie(`c${i}`, 'v');
      return answer;
    }
  }

  it('is a safe 500 in single-value mode, never a joined header', async () => {
    // Prepare
    const handler = echoHandler({ controllers: [ManyCookiesController] });
    const logged = vi.spyOn(console, 'error').mockImplementation(() => undefined);

    // Act
    const result = await invoke(handler, albEvent({ path: '/many' }));

    // Assert
    expect(result.statusCode).toBe(500);
    expect(JSON.parse(result.body)).toEqual({
      error: { status: 500, message: 'Internal Server Error' },
    });
    expect(logged).toHaveBeenCalledTimes(1);
    expect(logged.mock.calls[0]?.[1]).toEqual(
      new RangeError('Cannot send more than 512 cookies in one response'),
    );
  });

  it('is sent whole in multi-value mode', async () => {
    // Prepare
    const handler = echoHandler({ controllers: [ManyCookiesController] });

    // Act
    const result = await invoke(handler, albEvent({ path: '/many' }, 'multi'));

    // Assert
    expect(result.statusCode).toBe(200);
    expect(result.multiValueHeaders?.['set-cookie']).toHaveLength(513);
  });
});
