import { Controller, createHandler, Get, Post, type Req, routesOf } from 'gantry';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';

const Body = z.object({ name: z.string() });

@Controller('/things')
class ThingsController {
  @Get('/:id', { summary: 'One thing' })
  get(req: Req<'/:id'>) {
    return { id: req.params.id };
  }

  @Post('/', { body: Body, status: 201 })
  create(req: Req<'/', { body: typeof Body }>) {
    return req.body;
  }
}

describe('routesOf', () => {
  it('reads the routes back from a handler, with and without the observability chain', () => {
    for (const observability of [true, false]) {
      // Act
      const routes = routesOf(
        createHandler({ controllers: [ThingsController], service: 'things', observability }),
      );

      // Assert
      expect(routes?.map((route) => [route.name, route.handlerName])).toEqual(
        expect.arrayContaining([
          ['GET /things/:id', 'ThingsController.get'],
          ['POST /things', 'ThingsController.create'],
        ]),
      );
      expect(routes?.find((route) => route.method === 'POST')?.options).toMatchObject({
        body: Body,
        status: 201,
      });
    }
  });

  it('keeps them out of Object.keys and JSON', () => {
    const handler = createHandler({ controllers: [ThingsController], service: 'things' });

    expect(Object.keys(handler)).not.toContain('routes');
    expect(Object.getOwnPropertySymbols(handler)).toContain(Symbol.for('gantry.routes'));
    expect(JSON.stringify({ handler })).toBe('{}');
  });

  it('gives undefined for a function or value createHandler did not make', () => {
    expect(routesOf(() => 1)).toBeUndefined();
    expect(routesOf(undefined)).toBeUndefined();
    expect(routesOf('handler')).toBeUndefined();
  });
});
