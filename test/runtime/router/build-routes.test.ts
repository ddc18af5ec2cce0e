import { Controller, createApp, Get, Head, Post, type Req } from 'gantry';
import { describe, expect, it } from 'vitest';
import { buildRoutes } from '../../../runtime/router/build-routes.js';
import { handlerFor, invoke, jsonOf } from '../handler/invoke.js';

class Greeter {
  constructor(private readonly greeting: string) {}
  greet(name: string) {
    return `${this.greeting}, ${name}`;
  }
}

@Controller('/greet')
class GreetController {
  constructor(private readonly greeter: Greeter) {}

  @Get('/:name')
  greet(req: Req<'/:name'>) {
    return { text: this.greeter.greet(req.params.name) };
  }
}

describe('buildRoutes', () => {
  it('accepts a controller instance whose dependencies were injected through its constructor', async () => {
    // Prepare
    const handler = handlerFor([new GreetController(new Greeter('Hello'))]);

    // Act
    const answer = await invoke(handler, { path: '/greet/Ada' });

    // Assert
    expect(jsonOf(answer)).toEqual({ text: 'Hello, Ada' });
  });

  it('constructs a controller class that takes no constructor arguments, once', async () => {
    // Prepare
    let constructed = 0;
    @Controller('/count')
    class Counting {
      readonly calls: number[] = [];
      constructor() {
        constructed += 1;
      }
      @Get('/')
      count() {
        this.calls.push(1);
        return { calls: this.calls.length };
      }
    }
    const handler = handlerFor([Counting]);

    // Act
    await invoke(handler, { path: '/count' });
    const second = await invoke(handler, { path: '/count' });

    // Assert
    expect(constructed).toBe(1);
    expect(jsonOf(second)).toEqual({ calls: 2 });
  });

  it('refuses a controller class that needs constructor arguments, telling to pass an instance', () => {
    // Act
    const build = () => buildRoutes([GreetController]);

    // Assert
    expect(build).toThrow(
      new TypeError(
        'GreetController takes constructor arguments: pass an instance (new GreetController(...)) in controllers',
      ),
    );
  });

  it('refuses a class without @Controller, naming it', () => {
    // Prepare
    class NotAController {
      @Get('/')
      list() {
        return [];
      }
    }

    // Act
    const build = () => buildRoutes([new NotAController()]);

    // Assert
    expect(build).toThrow(
      new TypeError('NotAController is not a controller: decorate the class with @Controller()'),
    );
  });

  it('refuses a plain class without any decorator', () => {
    // Act
    const build = () => buildRoutes([class Plain {}]);

    // Assert
    expect(build).toThrow(/^Plain is not a controller: decorate the class with @Controller\(\)$/);
  });

  it('refuses an instance of an anonymous undecorated class', () => {
    // Act
    const build = () => buildRoutes([new (class {})()]);

    // Assert
    expect(build).toThrow(
      new TypeError(
        'An anonymous class is not a controller: decorate the class with @Controller()',
      ),
    );
  });

  it('refuses an instance whose route method was replaced by something else', () => {
    // Prepare
    @Controller('/shadowed')
    class Shadowed {
      @Get('/')
      list() {
        return [];
      }
    }
    const instance = Object.assign(new Shadowed(), { list: 'not a function' });

    // Act
    const build = () => buildRoutes([instance]);

    // Assert
    expect(build).toThrow(new TypeError('Shadowed.list is not a method'));
  });

  it('accepts a controller without routes', () => {
    // Prepare
    @Controller('/empty')
    class Empty {}

    // Act
    const { routes } = buildRoutes([Empty]);

    // Assert
    expect(routes).toEqual([]);
  });

  it.each([0, 99, 600, 201.5, Number.NaN])(
    'refuses the route status option %s, naming the route',
    (status) => {
      // Prepare
      @Controller('/s')
      class WrongStatus {
        @Post('/', { status })
        create() {
          return {};
        }
      }

      // Act
      const build = () => buildRoutes([WrongStatus]);

      // Assert
      expect(build).toThrow(
        new RangeError(
          `Route POST /s (WrongStatus.create): status must be an integer from 100 to 599, got ${status}`,
        ),
      );
    },
  );

  it.each([
    ['undefined', undefined],
    ['null', null],
    ['a string', 'ItemsController'],
  ])('refuses %s in controllers with its position, hinting at a circular import', (_, input) => {
    // Act
    const build = () =>
      buildRoutes([new GreetController(new Greeter('Hi')), input as unknown as object]);

    // Assert
    expect(build).toThrow(
      /^controllers\[1\] is .+: pass a controller class or an instance of one \(undefined often means a circular import\)$/,
    );
  });

  it('refuses a route declared twice, naming both handlers', () => {
    // Prepare
    @Controller('/items')
    class First {
      @Get('/:id')
      get() {
        return 'first';
      }
    }
    @Controller('/items/')
    class Second {
      @Get(':id/')
      fetch() {
        return 'second';
      }
    }

    // Act
    const build = () => buildRoutes([First, Second]);

    // Assert
    expect(build).toThrow(
      new Error('Route GET /items/:id is declared twice: by First.get and by Second.fetch'),
    );
  });

  it('refuses two routes that differ only in parameter names, naming both handlers and paths', () => {
    // Prepare
    @Controller('/items')
    class ById {
      @Get('/:id')
      get() {
        return 'id';
      }
      @Get('/:key')
      byKey() {
        return 'key';
      }
    }

    // Act
    const build = () => buildRoutes([ById]);

    // Assert
    expect(build).toThrow(
      new Error(
        'Route GET /items/:key (ById.byKey) clashes with GET /items/:id (ById.get): the same path with other parameter names',
      ),
    );
  });

  it('tells apart routes whose literal colons (::) differ, as find-my-way does', async () => {
    // Prepare
    @Controller('/jobs')
    class Jobs {
      @Post('/batch::cancel')
      cancel() {
        return { action: 'cancel' };
      }
      @Post('/batch::retry')
      retry() {
        return { action: 'retry' };
      }
    }
    const handler = handlerFor([Jobs]);

    // Act
    const answer = await invoke(handler, { method: 'POST', path: '/jobs/batch:retry' });

    // Assert
    expect(jsonOf(answer)).toEqual({ action: 'retry' });
  });

  it('reports a path find-my-way rejects with the handler that declared it', () => {
    // Prepare
    @Controller('/bad')
    class BadPath {
      @Get('/*/after')
      wild() {
        return 'never';
      }
    }

    // Act
    const build = () => buildRoutes([BadPath]);

    // Assert
    expect(build).toThrow(/^Route GET \/bad\/\*\/after \(BadPath\.wild\) cannot be served: .+/);
  });

  it('allows the same path with different methods', () => {
    // Prepare
    @Controller('/things')
    class Things {
      @Get('/')
      list() {
        return [];
      }
      @Post('/')
      create() {
        return {};
      }
    }

    // Act
    const { routes } = buildRoutes([Things]);

    // Assert
    expect(routes.map((route) => route.name)).toEqual(['GET /things', 'POST /things']);
  });

  it('serves HEAD from the GET route of a path, but not when a @Head route exists for it', async () => {
    // Prepare
    @Controller('/files')
    class Files {
      @Get('/:name')
      read(req: Req<'/:name'>) {
        return { name: req.params.name };
      }
      @Get('/')
      list() {
        return ['a'];
      }
    }
    @Controller('/files')
    class FileHeads {
      @Head('/:fileName')
      exists() {
        return undefined;
      }
    }
    const { table, routes } = buildRoutes([Files, FileHeads]);

    // Act
    const headOfList = table.find('HEAD', '/files');
    const headOfFile = table.find('HEAD', '/files/a.txt');

    // Assert
    expect(routes.map((route) => route.name)).toEqual([
      'GET /files/:name',
      'GET /files',
      'HEAD /files/:fileName',
    ]);
    expect(headOfList?.store.name).toBe('HEAD /files');
    expect(headOfList?.store.handlerName).toBe('Files.list');
    expect(headOfFile?.store.handlerName).toBe('FileHeads.exists');
  });

  it('builds one route table per app, so two handlers do not share routes', () => {
    // Prepare
    @Controller('/one')
    class One {
      @Get('/')
      one() {
        return 1;
      }
    }

    // Act
    const first = createApp({ controllers: [One], service: 'a' });
    const second = createApp({ controllers: [], service: 'b' });

    // Assert
    expect(first.routes).toHaveLength(1);
    expect(second.routes).toHaveLength(0);
    expect(second.table.find('GET', '/one')).toBeUndefined();
  });
});
