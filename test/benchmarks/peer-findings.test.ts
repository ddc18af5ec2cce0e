/**
 * What the README's Performance section says of the peers, checked against the versions pinned
 * in package.json, each beside what Gantry answers to the same event. A peer that fixes one of
 * these fails its test here: then the README sentence goes.
 */
import { inspect } from 'node:util';
import { Router } from '@aws-lambda-powertools/event-handler/http';
import { configure } from '@codegenie/serverless-express';
import middy from '@middy/core';
import httpRouterHandler from '@middy/http-router';
import type { Context } from 'aws-lambda';
import express from 'express';
import { Controller, createHandler, Get, Post, type Req, reply } from 'gantry';
import { createLambdaContext } from 'gantry/dev';
import { Hono } from 'hono';
import { handle } from 'hono/aws-lambda';
import serverless from 'serverless-http';
import { describe, expect, it, vi } from 'vitest';
import { albEvent, apigwV2Event } from '../support/events.js';

const context = (): Context => createLambdaContext({ requestId: 'peer-findings' });
const EXPIRES = 'a=1; Expires=Wed, 21 Oct 2026 07:28:00 GMT';

@Controller('/')
class FindingsController {
  @Get('/cookies')
  cookies() {
    return reply(200, 'ok', { 'content-type': 'text/plain' })
      .cookie('a', '1', { expires: new Date('2026-10-21T07:28:00Z') })
      .cookie('b', '2');
  }

  @Get('/query')
  query(req: Req<'/query'>) {
    return { q: req.query.q };
  }

  @Get('/path/:p')
  path(req: Req<'/path/:p'>) {
    return { p: req.params.p, path: req.path };
  }
}

@Controller('/')
class BytesController {
  @Post('/bytes')
  bytes(req: Req<'/bytes'>) {
    return { length: req.rawBody.length };
  }
}

const gantryBytes = createHandler({
  controllers: [BytesController],
  service: 'findings',
  observability: false,
});

const gantry = createHandler({
  controllers: [FindingsController],
  service: 'findings',
  observability: false,
});

type Answer = {
  statusCode: number;
  body?: string;
  cookies?: string[];
  headers?: Record<string, string>;
};

async function ask(handler: unknown, event: unknown): Promise<Answer> {
  return (await (handler as (e: unknown, c: Context) => Promise<Answer>)(
    event,
    context(),
  )) as Answer;
}

describe('Powertools event-handler Router', () => {
  const router = new Router();
  router.get('/cookie', () => new Response('ok', { headers: [['set-cookie', EXPIRES]] }));
  router.get(
    '/cookies',
    () =>
      new Response('ok', {
        headers: [
          ['set-cookie', EXPIRES],
          ['set-cookie', 'b=2'],
        ],
      }),
  );
  router.post('/bytes', async ({ req }) => ({ length: (await req.arrayBuffer()).byteLength }));
  router.get('/query', ({ req }) => ({ q: new URL(req.url).searchParams.get('q') }));
  router.get('/path/:p', ({ params }) => ({ p: params.p }));
  const powertools = (event: unknown) => router.resolve(event, context()) as Promise<Answer>;

  it('splits a Set-Cookie on the comma of its Expires date, and keeps only the last of two; Gantry keeps each whole', async () => {
    // Act
    const one = await powertools(apigwV2Event({ path: '/cookie' }));
    const two = await powertools(apigwV2Event({ path: '/cookies' }));
    const ours = await ask(gantry, apigwV2Event({ path: '/cookies' }));

    // Assert
    expect(one.cookies).toEqual(['a=1; Expires=Wed', '21 Oct 2026 07:28:00 GMT']);
    expect(two.cookies).toEqual(['b=2']);
    expect(ours.cookies).toEqual([
      'a=1; Path=/; Expires=Wed, 21 Oct 2026 07:28:00 GMT',
      'b=2; Path=/',
    ]);
  });

  it('reads a base64 body as UTF-8 text, so binary bytes change; Gantry keeps the bytes', async () => {
    // Prepare
    const bytes = Buffer.from([0xff, 0xfe, 0x00, 0x80]);
    const event = () =>
      apigwV2Event({
        method: 'POST',
        path: '/bytes',
        body: bytes,
        headers: { 'content-type': 'application/octet-stream' },
      });

    // Act
    const theirs = await powertools(event());
    const ours = await ask(gantryBytes, event());

    // Assert
    expect(JSON.parse(theirs.body ?? '')).not.toEqual({ length: 4 });
    expect(JSON.parse(ours.body ?? '')).toEqual({ length: 4 });
  });

  it('never decodes ALB query values; Gantry does', async () => {
    // Act
    const theirs = await powertools(albEvent({ path: '/query', query: 'q=a%20b' }));
    const ours = await ask(gantry, albEvent({ path: '/query', query: 'q=a%20b' }));

    // Assert
    expect(JSON.parse(theirs.body ?? '')).toEqual({ q: 'a%20b' });
    expect(JSON.parse(ours.body ?? '')).toEqual({ q: 'a b' });
  });

  it('decodes an HTTP API rawPath a second time; Gantry reads it as API Gateway decoded it', async () => {
    // Prepare: the client sent /path/a%2541, which API Gateway has decoded once to /path/a%41.
    const event = apigwV2Event({ path: '/path/a%2541' });

    // Act
    const theirs = await powertools(event);
    const ours = await ask(gantry, event);

    // Assert
    expect(JSON.parse(theirs.body ?? '')).toEqual({ p: 'aA' });
    expect(JSON.parse(ours.body ?? '')).toMatchObject({ p: 'a%41' });
  });
});

describe('Hono aws-lambda adapter', () => {
  const app = new Hono();
  app.get('/cookies', (c) => {
    c.header('set-cookie', EXPIRES, { append: true });
    c.header('set-cookie', 'b=2', { append: true });
    return c.text('ok');
  });
  const hono = handle(app);

  it('keeps only the first Set-Cookie on ALB without multi-value headers; Gantry sends both', async () => {
    // Act
    const theirs = await ask(hono, albEvent({ path: '/cookies' }));
    const ours = await ask(gantry, albEvent({ path: '/cookies' }));

    // Assert
    const theirCookies = Object.entries(theirs.headers ?? {}).filter(
      ([name]) => name.toLowerCase() === 'set-cookie',
    );
    expect(theirCookies).toEqual([[expect.any(String), EXPIRES]]);
    const ourCookies = Object.entries(ours.headers ?? {}).filter(
      ([name]) => name.toLowerCase() === 'set-cookie',
    );
    expect(ourCookies).toHaveLength(2);
  });
});

describe('adapters that change the event they are given', () => {
  const expressApp = express();
  expressApp.get('/path/:p', (req, res) => {
    res.json({ p: req.params.p });
  });

  it.each<[string, unknown]>([
    ['serverless-http', serverless(expressApp)],
    [
      'middy http-router',
      middy().handler(
        httpRouterHandler([
          {
            method: 'GET',
            path: '/path/{p}',
            handler: async () => ({ statusCode: 200, body: 'ok' }),
          },
        ]) as never,
      ),
    ],
  ])('%s modifies the event; Gantry leaves it as it came', async (_, peer) => {
    // Prepare
    const event = apigwV2Event({ path: '/path/x', headers: { Accept: 'text/plain' } });
    const before = structuredClone(event);
    const untouched = structuredClone(event);

    // Act
    await ask(peer, event);
    await ask(gantry, untouched);

    // Assert
    expect(event).not.toEqual(before);
    expect(untouched).toEqual(before);
  });
});

describe('named HTTP API stages', () => {
  const expressApp = express();
  expressApp.get('/path/:p', (req, res) => {
    res.json({ p: req.params.p });
  });
  const router = new Router();
  router.get('/path/:p', ({ params }) => ({ p: params.p }));
  const app = new Hono();
  app.get('/path/:p', (c) => c.json({ p: c.req.param('p') }));

  it.each([
    ['Powertools Router', (event: unknown) => router.resolve(event, context())],
    ['Hono', handle(app)],
    ['serverless-http', serverless(expressApp)],
  ])('%s does not strip /Prod from the path; Gantry does', async (_, peer) => {
    // Prepare
    const event = () => apigwV2Event({ path: '/path/x', stage: 'Prod' });

    // Act
    const theirs = await ask(peer, event());
    const ours = await ask(gantry, event());

    // Assert
    expect(theirs.statusCode).toBe(404);
    expect(ours.statusCode).toBe(200);
    expect(JSON.parse(ours.body ?? '')).toMatchObject({ p: 'x', path: '/path/x' });
  });
});

describe('serverless-express 4 with Express 5', () => {
  it("answers Express's own 404 with an empty 500 (TypeError: ee.on is not a function, its issue 698); Gantry answers 404", async () => {
    // Prepare
    const expressApp = express();
    expressApp.get('/known', (_req, res) => {
      res.json({ ok: true });
    });
    const serverlessExpress = configure({ app: expressApp });
    const errors = vi.spyOn(console, 'error').mockImplementation(() => undefined);

    // Act
    const theirs = await ask(serverlessExpress, apigwV2Event({ path: '/unknown' }));
    const ours = await ask(gantry, apigwV2Event({ path: '/unknown' }));

    // Assert
    const logged = errors.mock.calls.map((call) => inspect(call)).join('\n');
    errors.mockRestore();
    expect(theirs).toMatchObject({ statusCode: 500, body: '' });
    expect(logged).toContain('ee.on is not a function');
    expect(ours.statusCode).toBe(404);
  });
});
