/**
 * gantry-full with routes that await: the same `createHandler` options as
 * benchmarks/apps/gantry-full.ts (the whole observability chain), on a controller whose routes
 * wait one to four turns of the event loop (setImmediate, no timers: the number depends on the
 * request), log a line of their own, wait another turn and answer with their correlation id.
 * Concurrent invocations therefore interleave inside the routes and finish out of order.
 */
import { Controller, createHandler, Get, Post, type Req } from 'gantry';
import { nextTurn } from '../measure/measure-invocations.js';
import { ROUTE_LINE } from './concurrency-apps.js';

/** Waits 1 to 4 turns of the event loop, as many as `key` says. */
async function turnsFor(key: string): Promise<void> {
  let sum = 0;
  for (let index = 0; index < key.length; index++) sum += key.charCodeAt(index);
  for (let turn = 0; turn <= sum % 4; turn++) await nextTurn();
}

@Controller('/items')
export class AwaitingItemsController {
  @Get('/:id')
  async get(req: Req<'/:id'>) {
    const { id } = req.params;
    await turnsFor(id);
    req.log.info(ROUTE_LINE, { item: id });
    await nextTurn();
    return { id, name: `item ${id}`, correlationId: req.correlationId };
  }

  @Post('/', { status: 201 })
  async create(req: Req<'/'>) {
    const { name } = req.body as { name: string };
    await turnsFor(name);
    req.log.info(ROUTE_LINE, { item: name });
    await nextTurn();
    return { id: 'new', name, correlationId: req.correlationId };
  }
}

export const handler = createHandler({ controllers: [AwaitingItemsController], service: 'bench' });
