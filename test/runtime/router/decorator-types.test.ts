/**
 * Compile-time tests of the route decorators: each decorator checks the method it decorates
 * against its own path and schemas. `npx tsc --noEmit` checks them: every `@ts-expect-error`
 * below must be an error (one per case, each paired with the twin that compiles), every other
 * class must compile. vitest runs the file too: the classes are declared, and the decorators
 * refuse to be called the `experimentalDecorators` way.
 */
import {
  Controller,
  Delete,
  Get,
  Head,
  Options,
  Patch,
  Post,
  Put,
  type Query,
  type Reply,
  type Req,
  reply,
} from 'gantry';
import * as v from 'valibot';
import { describe, expect, expectTypeOf, it } from 'vitest';
import { z } from 'zod';

const A = z.object({ name: z.string() });
const B = z.object({ count: z.number() });
const IdParams = z.object({ id: z.coerce.number() });
const ListQuery = z.object({ limit: z.coerce.number() });
const Tenant = z.object({ 'x-tenant': z.string() });
const Item = z.object({ id: z.string(), name: z.string() });

const LEGACY =
  'Gantry\'s decorators are TC39 standard decorators: remove "experimentalDecorators" from tsconfig.json (TypeScript 5+ compiles them without it)';

/** Calls a decorator the way TypeScript's `experimentalDecorators` emit does. */
function callLegacy(decorator: unknown, ...args: unknown[]): unknown {
  return (decorator as (...legacyArgs: unknown[]) => unknown)(...args);
}

describe('route decorators refuse a method that does not match them', () => {
  it('refuses a method whose path parameters are named differently', () => {
    class ParamNames {
      // @ts-expect-error the method reads `id`, the path gives `todoId`
      @Get('/x/:todoId')
      get(req: Req<'/x/:id'>) {
        return req.params.id;
      }

      @Get('/x/:id')
      same(req: Req<'/x/:id'>) {
        return req.params.id;
      }
    }
    expectTypeOf<Req<'/x/:todoId'>>().not.toExtend<Req<'/x/:id'>>();
    expect(ParamNames).toBeTypeOf('function');
  });

  it('refuses a method that declares another body schema than the decorator', () => {
    class OtherBody {
      // @ts-expect-error the decorator validates A, the method expects B's output
      @Post('/y', { body: A })
      create(req: Req<'/y', { body: typeof B }>) {
        return req.body.count;
      }

      @Post('/y2', { body: B })
      same(req: Req<'/y2', { body: typeof B }>) {
        return req.body.count;
      }
    }
    expect(OtherBody).toBeTypeOf('function');
  });

  it('refuses a method that claims a validated body no schema validates', () => {
    class UnvalidatedBody {
      // @ts-expect-error no `body` schema: the body is `unknown`, not A's output
      @Post('/z')
      create(req: Req<'/z', { body: typeof A }>) {
        return req.body.name;
      }

      @Post('/z2')
      raw(req: Req<'/z2'>) {
        return typeof req.body;
      }
    }
    expectTypeOf<Req<'/z'>>().not.toExtend<Req<'/z', { body: typeof A }>>();
    expect(UnvalidatedBody).toBeTypeOf('function');
  });

  it('refuses a params schema the method does not declare, and the other way round', () => {
    class ParamsSchema {
      // @ts-expect-error the schema makes `id` a number, the method expects the raw string
      @Get('/:id', { params: IdParams })
      undeclared(req: Req<'/:id'>) {
        return req.params.id;
      }

      // @ts-expect-error the method expects a number no schema makes
      @Get('/n/:id')
      unvalidated(req: Req<'/n/:id', { params: typeof IdParams }>) {
        return req.params.id;
      }
    }
    expect(ParamsSchema).toBeTypeOf('function');
  });

  it('refuses a query or headers schema that does not match the method', () => {
    class QueryAndHeaders {
      // @ts-expect-error the schema makes `limit` a number, the method expects the raw query
      @Get('/q', { query: ListQuery })
      query(req: Req<'/q'>) {
        return req.query;
      }

      // @ts-expect-error the method expects the tenant header schema the decorator lacks
      @Get('/h', { query: ListQuery })
      headers(req: Req<'/h', { query: typeof ListQuery; headers: typeof Tenant }>) {
        return req.headers['x-tenant'];
      }
    }
    expect(QueryAndHeaders).toBeTypeOf('function');
  });

  it('refuses a result the response schema does not take, awaited or not', () => {
    class WrongResult {
      // @ts-expect-error `id` must be a string
      @Get('/r', { response: Item })
      get() {
        return { id: 1, name: 'n' };
      }

      // @ts-expect-error the awaited result lacks `name`
      @Get('/r-async', { response: Item })
      async later() {
        return { id: 'i' };
      }
    }
    expect(WrongResult).toBeTypeOf('function');
  });
});

describe('route decorators accept a method that matches them', () => {
  it('accepts a method with no parameter, `Req` or `Req<string>`', () => {
    const Slug = z.object({ id: z.string().min(1) });

    @Controller('/loose')
    class Loose {
      @Get('/:id', { params: IdParams })
      none() {
        return 'ok';
      }

      @Post('/:id', { body: A, params: Slug })
      plain(req: Req) {
        return req.path;
      }

      @Put('/:id', { body: B })
      anyPath(req: Req<string>) {
        return req.params.id;
      }
    }
    expect(Loose).toBeTypeOf('function');
  });

  it('refuses `Req` when a schema gives a part another type than the raw one', () => {
    class Plain {
      // @ts-expect-error `Req` says the params are strings, the schema makes `id` a number
      @Put('/:id', { params: IdParams })
      replace(req: Req) {
        return req.params;
      }
    }
    expect(Plain).toBeTypeOf('function');
  });

  it('accepts matching params, an optional parameter, a wildcard and several parameters', () => {
    @Controller('/paths')
    class Paths {
      @Get('/:id')
      one(req: Req<'/:id'>) {
        return req.params.id;
      }

      @Get('/opt/:id?')
      optional(req: Req<'/opt/:id?'>) {
        return req.params.id ?? null;
      }

      @Get('/files/*')
      wildcard(req: Req<'/files/*'>) {
        return req.params['*'];
      }

      @Get('/users/:userId/items/:itemId')
      two(req: Req<'/users/:userId/items/:itemId'>) {
        return `${req.params.userId}/${req.params.itemId}`;
      }

      @Get()
      root(req: Req<'/'>) {
        return req.params;
      }
    }
    expect(Paths).toBeTypeOf('function');
  });

  it('accepts the schemas the method declares: body, params, query, headers', () => {
    class Schemas {
      @Post('/', { body: A, status: 201, summary: 'Create', tags: ['items'] })
      create(req: Req<'/', { body: typeof A }>) {
        return { name: req.body.name };
      }

      @Get('/:id', { params: IdParams })
      get(req: Req<'/:id', { params: typeof IdParams }>) {
        return req.params.id + 1;
      }

      @Get('/', { query: ListQuery, headers: Tenant })
      list(req: Req<'/', { query: typeof ListQuery; headers: typeof Tenant }>) {
        return { limit: req.query.limit * 2, tenant: req.headers['x-tenant'] };
      }

      @Patch('/:id', { body: A })
      ignoresBody(req: Req<'/:id'>) {
        return req.params.id;
      }
    }
    expect(Schemas).toBeTypeOf('function');
  });

  it('accepts a schema of another library with the same output', () => {
    const ValibotA = v.object({ name: v.string() });

    class SameOutput {
      @Post('/', { body: A })
      create(req: Req<'/', { body: typeof ValibotA }>) {
        return req.body.name;
      }
    }
    expect(SameOutput).toBeTypeOf('function');
  });

  it('checks a route against its own path under a controller prefix', () => {
    const ListItem = z.object({ listId: z.string(), id: z.string() });

    @Controller('/lists/:listId')
    class Lists {
      @Get('/items/:id')
      get(req: Req<'/items/:id'>) {
        return req.params.id;
      }

      // A prefix parameter is typed through a params schema that declares it.
      @Delete('/items/:id', { params: ListItem })
      remove(req: Req<'/items/:id', { params: typeof ListItem }>) {
        return `${req.params.listId}/${req.params.id}`;
      }
    }
    expect(Lists).toBeTypeOf('function');
  });

  it('accepts async methods and methods returning a Reply, with or without a response schema', () => {
    class Results {
      @Get('/a/:id')
      async get(req: Req<'/a/:id'>) {
        return { id: req.params.id };
      }

      @Head('/a/:id')
      head(req: Req<'/a/:id'>) {
        return reply(req.params.id === '1' ? 200 : 404);
      }

      @Options('/a')
      async options() {
        return reply(204, undefined, { allow: 'GET, HEAD' });
      }

      @Get('/r', { response: Item })
      valid() {
        return { id: 'i', name: 'n', extra: true };
      }

      @Get('/r-async', { response: Item })
      async validLater() {
        return { id: 'i', name: 'n' };
      }

      @Get('/r-reply', { response: Item })
      framed() {
        return reply(202, { anything: 'goes' });
      }

      @Get('/r-async-reply', { response: Item })
      async framedLater() {
        return reply(202);
      }

      @Delete('/r', { response: Item })
      nothing() {}
    }
    expect(Results).toBeTypeOf('function');
  });

  it('accepts a path that is only known as a string', () => {
    const path: string = '/:anything';

    class Dynamic {
      @Get(path)
      get(req: Req<string>) {
        return req.params.anything;
      }
    }
    expect(Dynamic).toBeTypeOf('function');
  });
});

describe('the TSDoc examples', () => {
  it('compile as the decorators document them', () => {
    const ItemParams = z.object({ id: z.coerce.number() });
    const CreateItem = z.object({ name: z.string() });
    const ItemPatch = CreateItem.partial();
    const items = {
      get: (id: number) => ({ id }),
      add: (item: { name: string }) => item,
      set: (id: string, item: { id: string; name: string }) => ({ ...item, id }),
      merge: (id: string, patch: { name?: string }) => ({ id, ...patch }),
      has: (id: string) => id === '1',
      delete: (_id: string) => true,
    };

    @Controller('/items')
    class Documented {
      @Get('/:id', { params: ItemParams })
      get(req: Req<'/:id', { params: typeof ItemParams }>) {
        return items.get(req.params.id);
      }

      @Post('/', { body: CreateItem, status: 201 })
      create(req: Req<'/', { body: typeof CreateItem }>) {
        return items.add(req.body);
      }

      @Put('/:id', { body: Item })
      replace(req: Req<'/:id', { body: typeof Item }>) {
        return items.set(req.params.id, req.body);
      }

      @Patch('/:id', { body: ItemPatch })
      update(req: Req<'/:id', { body: typeof ItemPatch }>) {
        return items.merge(req.params.id, req.body);
      }

      @Delete('/:id')
      remove(req: Req<'/:id'>) {
        items.delete(req.params.id);
      }

      @Head('/:id')
      exists(req: Req<'/:id'>) {
        return reply(items.has(req.params.id) ? 200 : 404);
      }

      @Options('/')
      options() {
        return reply(204, undefined, { allow: 'GET, POST' });
      }
    }
    expect(Documented).toBeTypeOf('function');
  });
});

describe('Req types', () => {
  it('types an unvalidated body as unknown and a validated one as the schema output', () => {
    expectTypeOf<Req<'/a'>['body']>().toBeUnknown();
    expectTypeOf<Req['body']>().toBeUnknown();
    expectTypeOf<Req<'/a', { body: typeof A }>['body']>().toEqualTypeOf<{ name: string }>();
  });

  it('compares two Req types part by part', () => {
    expectTypeOf<Req<'/a', { body: typeof A }>>().toExtend<Req<'/a'>>();
    expectTypeOf<Req<'/a'>>().not.toExtend<Req<'/a', { body: typeof A }>>();
    expectTypeOf<Req<'/a', { query: typeof ListQuery }>>().not.toExtend<Req<'/a'>>();
    expectTypeOf<Req<'/a'>['query']>().toEqualTypeOf<Query>();
    expectTypeOf<Req<'/:id'>>().toExtend<Req>();
  });

  it('has the decorator take a method of the route Req and give back nothing', () => {
    const decorator = Post('/:id', { body: A });

    expectTypeOf(decorator)
      .parameter(0)
      .toExtend<(req: Req<'/:id', { body: typeof A }>) => unknown>();
    expectTypeOf(decorator).returns.toBeVoid();
    expectTypeOf(reply(200)).toEqualTypeOf<Reply>();
  });
});

describe('experimentalDecorators', () => {
  it('makes a route decorator throw one error naming the fix', () => {
    const descriptor = { value() {}, writable: true, enumerable: false, configurable: true };

    expect(() => callLegacy(Get('/legacy'), {}, 'get', descriptor)).toThrow(
      new TypeError(`@Get('/legacy'): ${LEGACY}`),
    );
    expect(() => callLegacy(Post(), {}, Symbol('create'), descriptor)).toThrow(
      new TypeError(`@Post('/'): ${LEGACY}`),
    );
  });

  it('makes @Controller throw the same error', () => {
    expect(() => callLegacy(Controller('/items'), class Legacy {})).toThrow(
      new TypeError(`@Controller('/items'): ${LEGACY}`),
    );
  });
});
