/**
 * Compile-time tests of `Req` and `PathParams`: `npx tsc --noEmit` checks the `expectTypeOf`
 * assertions; vitest runs them as no-ops, plus one request that proves the types match what the
 * runtime hands over.
 */
import type { Logger } from '@aws-lambda-powertools/logger';
import type { Metrics } from '@aws-lambda-powertools/metrics';
import { type } from 'arktype';
import type { Context } from 'aws-lambda';
import { Controller, Get, type PathParams, type Query, type Req } from 'gantry';
import * as v from 'valibot';
import { describe, expect, expectTypeOf, it } from 'vitest';
import { z } from 'zod';
import { handlerFor, invoke, jsonOf } from '../handler/invoke.js';

describe('Req params', () => {
  it('types a single parameter', () => {
    expectTypeOf<Req<'/:id'>['params']>().toEqualTypeOf<{ id: string }>();
  });

  it('types several parameters across segments', () => {
    expectTypeOf<Req<'/users/:userId/items/:itemId'>['params']>().toEqualTypeOf<{
      userId: string;
      itemId: string;
    }>();
  });

  it('types a wildcard as "*"', () => {
    expectTypeOf<Req<'/files/*'>['params']>().toEqualTypeOf<{ '*': string }>();
    expectTypeOf<Req<'/users/:id/files/*'>['params']>().toEqualTypeOf<{
      id: string;
      '*': string;
    }>();
  });

  it('types a path without parameters as an empty object', () => {
    expectTypeOf<Req<'/items'>['params']>().toEqualTypeOf<Record<never, never>>();
  });

  it('types a regex parameter by its name', () => {
    expectTypeOf<PathParams<'/n/:num(^\\d+)'>>().toEqualTypeOf<{ num: string }>();
    expectTypeOf<PathParams<'/n/:num(^\\d+)/next/:page'>>().toEqualTypeOf<{
      num: string;
      page: string;
    }>();
  });

  it('types several parameters in one segment', () => {
    expectTypeOf<PathParams<'/range/:from-:to'>>().toEqualTypeOf<{ from: string; to: string }>();
    expectTypeOf<PathParams<'/files/:name.:ext'>>().toEqualTypeOf<{ name: string; ext: string }>();
  });

  it('types an optional parameter as possibly missing', () => {
    expectTypeOf<PathParams<'/opt/:id?'>>().toEqualTypeOf<{ id?: string }>();
  });

  it('ignores literal colons (::)', () => {
    expectTypeOf<PathParams<'/jobs/:id/batch::cancel'>>().toEqualTypeOf<{ id: string }>();
  });

  it('falls back to a string record when the template is not a literal', () => {
    expectTypeOf<Req['params']>().toEqualTypeOf<Record<string, string>>();
    expectTypeOf<PathParams<string>>().toEqualTypeOf<Record<string, string>>();
  });

  it('takes the params schema output over the template', () => {
    const Params = z.object({ id: z.coerce.number() });
    expectTypeOf<Req<'/:id', { params: typeof Params }>['params']>().toEqualTypeOf<{
      id: number;
    }>();
  });
});

describe('Req query, headers and body', () => {
  it('types the query as Record<string, string | string[]> by default', () => {
    expectTypeOf<Req['query']>().toEqualTypeOf<Query>();
    expectTypeOf<Req['query']>().toEqualTypeOf<Record<string, string | string[]>>();
  });

  it('types headers and cookies as string records by default', () => {
    expectTypeOf<Req['headers']>().toEqualTypeOf<Record<string, string>>();
    expectTypeOf<Req['cookies']>().toEqualTypeOf<Record<string, string>>();
  });

  it('types the body as the output of a zod schema', () => {
    const Schema = z.object({ name: z.string(), count: z.coerce.number().default(1) });
    expectTypeOf<Req<'/', { body: typeof Schema }>['body']>().toEqualTypeOf<{
      name: string;
      count: number;
    }>();
  });

  it('types the body as the output of a valibot schema', () => {
    const Schema = v.object({
      name: v.pipe(
        v.string(),
        v.transform((s) => s.length),
      ),
    });
    expectTypeOf<Req<'/', { body: typeof Schema }>['body']>().toEqualTypeOf<{ name: number }>();
  });

  it('types the body as the output of an arktype schema', () => {
    const Schema = type({ name: 'string', 'tags?': 'string[]' });
    expectTypeOf<Req<'/', { body: typeof Schema }>['body']>().toEqualTypeOf<{
      name: string;
      tags?: string[];
    }>();
  });

  it('types query and headers as their schema outputs', () => {
    const QuerySchema = z.object({ limit: z.coerce.number() });
    const HeaderSchema = z.object({ 'x-tenant': z.string() });
    type R = Req<'/', { query: typeof QuerySchema; headers: typeof HeaderSchema }>;
    expectTypeOf<R['query']>().toEqualTypeOf<{ limit: number }>();
    expectTypeOf<R['headers']>().toEqualTypeOf<{ 'x-tenant': string }>();
  });

  it('types the body as unknown when there is no body schema', () => {
    expectTypeOf<Req['body']>().toBeUnknown();
  });

  it('types the rest of the request', () => {
    expectTypeOf<Req['method']>().toEqualTypeOf<string>();
    expectTypeOf<Req['path']>().toEqualTypeOf<string>();
    expectTypeOf<Req['rawBody']>().toEqualTypeOf<Buffer>();
    expectTypeOf<Req['context']>().toEqualTypeOf<Context>();
    expectTypeOf<Req['correlationId']>().toEqualTypeOf<string>();
    expectTypeOf<Req['log']>().toEqualTypeOf<Logger>();
    expectTypeOf<Req['metrics']>().toEqualTypeOf<Metrics>();
    expectTypeOf<'apigw-v2'>().toExtend<Req['source']>();
  });
});

describe('Req at runtime', () => {
  it('hands over the params its type promises, for several parameters in one segment', async () => {
    // Prepare
    @Controller('/range')
    class Ranges {
      @Get('/:from-:to')
      range(req: Req<'/:from-:to'>) {
        return { from: req.params.from, to: req.params.to };
      }
    }
    const handler = handlerFor([Ranges]);

    // Act
    const answer = await invoke(handler, { path: '/range/3-9' });

    // Assert
    expect(jsonOf(answer)).toEqual({ from: '3', to: '9' });
  });

  it('leaves an optional parameter out when the path omits it', async () => {
    // Prepare
    @Controller('/opt')
    class Optional {
      @Get('/:id?')
      read(req: Req<'/:id?'>) {
        return { hasId: 'id' in req.params, id: req.params.id ?? null };
      }
    }
    const handler = handlerFor([Optional]);

    // Act
    const without = await invoke(handler, { path: '/opt' });
    const withId = await invoke(handler, { path: '/opt/5' });

    // Assert
    expect(jsonOf(without)).toEqual({ hasId: false, id: null });
    expect(jsonOf(withId)).toEqual({ hasId: true, id: '5' });
  });
});
