import {
  Controller,
  createApp,
  Delete,
  Get,
  Head,
  Options,
  Patch,
  Post,
  Put,
  type Req,
  reply,
} from 'gantry';
import { describe, expect, it } from 'vitest';
import { handlerFor, invoke, jsonOf } from '../handler/invoke.js';

function routeNames(controller: object): string[] {
  return createApp({ controllers: [controller], service: 'test' }).routes.map(
    (route) => route.name,
  );
}

describe('@Controller', () => {
  it('records route metadata with TC39 decorators on Symbol.metadata (no reflect-metadata)', () => {
    // Prepare
    @Controller('/things')
    class ThingsController {
      @Get('/')
      list() {
        return [];
      }
    }

    // Act
    const metadata = (ThingsController as { [Symbol.metadata]?: object | null })[Symbol.metadata];

    // Assert
    expect(Symbol.metadata).toBe(Symbol.for('Symbol.metadata'));
    expect(metadata).toBeTypeOf('object');
    expect(routeNames(ThingsController)).toEqual(['GET /things']);
  });

  it.each([
    ['/items', '/', '/items'],
    ['/items', '', '/items'],
    ['items/', ':id', '/items/:id'],
    ['/items/', '/:id/', '/items/:id'],
    ['', '/health', '/health'],
    ['', '/', '/'],
    ['//api//', '//v1//things', '/api/v1/things'],
  ])('joins prefix %j and path %j into %j', (prefix, path, expected) => {
    // Prepare
    @Controller(prefix)
    class Joined {
      @Get(path)
      handle() {
        return 'ok';
      }
    }

    // Act
    const names = routeNames(Joined);

    // Assert
    expect(names).toEqual([`GET ${expected}`]);
  });

  it('mounts routes at the root when called without a prefix, and a route decorator without a path serves the prefix', () => {
    // Prepare
    @Controller()
    class Root {
      @Get()
      home() {
        return 'home';
      }
    }

    // Act
    const names = routeNames(Root);

    // Assert
    expect(names).toEqual(['GET /']);
  });
});

describe('route decorators', () => {
  it('declare a route for every HTTP method, each served by its own method', async () => {
    // Prepare
    @Controller('/r')
    class EveryMethod {
      @Get('/')
      get() {
        return { method: 'GET' };
      }
      @Post('/')
      post() {
        return { method: 'POST' };
      }
      @Put('/')
      put() {
        return { method: 'PUT' };
      }
      @Patch('/')
      patch() {
        return { method: 'PATCH' };
      }
      @Delete('/')
      remove() {
        return { method: 'DELETE' };
      }
      @Head('/')
      head() {
        return reply(200, undefined, { 'x-served-by': 'head' });
      }
      @Options('/')
      options() {
        return reply(204, undefined, { allow: 'GET, POST' });
      }
    }
    const handler = handlerFor([EveryMethod]);

    // Act
    const answers = await Promise.all(
      ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'].map((method) =>
        invoke(handler, { method, path: '/r' }),
      ),
    );
    const head = await invoke(handler, { method: 'HEAD', path: '/r' });
    const options = await invoke(handler, { method: 'OPTIONS', path: '/r' });

    // Assert
    expect(routeNames(EveryMethod)).toEqual([
      'GET /r',
      'POST /r',
      'PUT /r',
      'PATCH /r',
      'DELETE /r',
      'HEAD /r',
      'OPTIONS /r',
    ]);
    expect(answers.map((answer) => jsonOf(answer).method)).toEqual([
      'GET',
      'POST',
      'PUT',
      'PATCH',
      'DELETE',
    ]);
    expect(head.headers['x-served-by']).toBe('head');
    expect(options.statusCode).toBe(204);
    expect(options.headers.allow).toBe('GET, POST');
  });

  it('keep the route options (schemas, status, OpenAPI fields) on the route', () => {
    // Prepare
    @Controller('/docs')
    class Documented {
      @Post('/', { status: 201, summary: 'Create', description: 'Creates one', tags: ['docs'] })
      create() {
        return {};
      }
    }

    // Act
    const [route] = createApp({ controllers: [Documented], service: 'test' }).routes;

    // Assert
    expect(route?.options).toEqual({
      status: 201,
      summary: 'Create',
      description: 'Creates one',
      tags: ['docs'],
    });
    expect(route?.handlerName).toBe('Documented.create');
    expect(route?.path).toBe('/docs');
    expect(route?.method).toBe('POST');
  });

  it('refuse a static method, naming the decorator, path and method', () => {
    // Act
    const declare = () => {
      @Controller('/s')
      class WithStatic {
        @Get('/all')
        static all() {
          return [];
        }
      }
      return WithStatic;
    };

    // Assert
    expect(declare).toThrow(
      new TypeError("@Get('/all') must decorate a public instance method, not static all"),
    );
  });

  it('refuse a private method, naming it', () => {
    // Act
    const declare = () => {
      @Controller('/p')
      class WithPrivate {
        @Post('/secret')
        #secret() {
          return 'hidden';
        }
        expose() {
          return this.#secret();
        }
      }
      return WithPrivate;
    };

    // Assert
    expect(declare).toThrow(
      new TypeError("@Post('/secret') must decorate a public instance method, not #secret"),
    );
  });
});

describe('controller inheritance', () => {
  @Controller('/base')
  class BaseController {
    greeting() {
      return 'hello';
    }

    @Get('/hello')
    hello() {
      return { from: this.constructor.name, text: this.greeting() };
    }
  }

  @Controller('/derived')
  class DerivedController extends BaseController {
    override greeting() {
      return 'hi';
    }

    @Get('/extra')
    extra() {
      return { extra: true };
    }
  }

  it('gives a subclass with its own @Controller the parent routes plus its own, under its prefix', async () => {
    // Prepare
    const handler = handlerFor([DerivedController]);

    // Act
    const inherited = await invoke(handler, { path: '/derived/hello' });
    const own = await invoke(handler, { path: '/derived/extra' });

    // Assert
    expect(routeNames(DerivedController)).toEqual(['GET /derived/hello', 'GET /derived/extra']);
    expect(jsonOf(inherited)).toEqual({ from: 'DerivedController', text: 'hi' });
    expect(jsonOf(own)).toEqual({ extra: true });
  });

  it('leaves the parent controller with its own routes only', () => {
    // Act
    const names = routeNames(BaseController);

    // Assert
    expect(names).toEqual(['GET /base/hello']);
  });

  it('serves both the parent and the subclass side by side', async () => {
    // Prepare
    const handler = handlerFor([BaseController, DerivedController]);

    // Act
    const base = await invoke(handler, { path: '/base/hello' });
    const derived = await invoke(handler, { path: '/derived/hello' });

    // Assert
    expect(jsonOf(base)).toEqual({ from: 'BaseController', text: 'hello' });
    expect(jsonOf(derived)).toEqual({ from: 'DerivedController', text: 'hi' });
  });

  it('lets a subclass re-declare an inherited route method, its declaration replacing the parent one', async () => {
    // Prepare
    @Controller('/v2')
    class V2Controller extends BaseController {
      @Get('/greeting', { summary: 'Moved' })
      override hello() {
        return { from: 'v2', text: 'moved' };
      }
    }
    const handler = handlerFor([BaseController, V2Controller]);

    // Act
    const moved = await invoke(handler, { path: '/v2/greeting' });
    const old = await invoke(handler, { path: '/v2/hello' });
    const parent = await invoke(handler, { path: '/base/hello' });

    // Assert
    expect(routeNames(V2Controller)).toEqual(['GET /v2/greeting']);
    expect(jsonOf(moved)).toEqual({ from: 'v2', text: 'moved' });
    expect(old.statusCode).toBe(404);
    expect(jsonOf(parent)).toEqual({ from: 'BaseController', text: 'hello' });
  });

  it('keeps every route of a method decorated more than once, in a subclass too', () => {
    // Prepare
    @Controller('/multi')
    class Multi extends BaseController {
      @Get('/a')
      @Get('/b')
      override hello() {
        return { from: 'multi', text: 'twice' };
      }
    }

    // Act
    const names = routeNames(Multi);

    // Assert
    expect(names).toEqual(['GET /multi/b', 'GET /multi/a']);
  });

  it('lets an undecorated base class lend its routes to each controller extending it', async () => {
    // Prepare
    abstract class CrudController {
      abstract readonly kind: string;
      @Get('/:id')
      get(req: Req<'/:id'>) {
        return { kind: this.kind, id: req.params.id };
      }
    }
    @Controller('/users')
    class Users extends CrudController {
      readonly kind = 'user';
    }
    @Controller('/teams')
    class Teams extends CrudController {
      readonly kind = 'team';
    }
    const handler = handlerFor([Users, Teams]);

    // Act
    const user = await invoke(handler, { path: '/users/u1' });
    const team = await invoke(handler, { path: '/teams/t1' });

    // Assert
    expect(jsonOf(user)).toEqual({ kind: 'user', id: 'u1' });
    expect(jsonOf(team)).toEqual({ kind: 'team', id: 't1' });
  });

  it('requires @Controller on a subclass that declares routes of its own', () => {
    // Prepare
    class Undecorated extends BaseController {
      @Get('/more')
      more() {
        return 'more';
      }
    }

    // Act
    const build = () => createApp({ controllers: [Undecorated], service: 'test' });

    // Assert
    expect(build).toThrow(
      new TypeError('Undecorated is not a controller: decorate the class with @Controller()'),
    );
  });
});

describe('Req in a decorated method', () => {
  it('types the parameter from the path template while the decorator records the route', async () => {
    // Prepare
    @Controller('/users')
    class Users {
      @Get('/:userId/items/:itemId')
      item(req: Req<'/:userId/items/:itemId'>) {
        return { user: req.params.userId, item: req.params.itemId };
      }
    }
    const handler = handlerFor([Users]);

    // Act
    const answer = await invoke(handler, { path: '/users/u1/items/i2' });

    // Assert
    expect(jsonOf(answer)).toEqual({ user: 'u1', item: 'i2' });
  });
});
