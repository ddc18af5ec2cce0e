/**
 * The service the observability tests observe: one controller whose routes succeed, log, add
 * metrics, fail in every way a route can fail, and take a random while.
 */
import { setTimeout as delay } from 'node:timers/promises';
import {
  Controller,
  createHandler,
  type GantryHandler,
  Get,
  type HandlerOptions,
  HttpError,
  Post,
  type Req,
  reply,
} from 'gantry';

/** The message of the error `GET /items/:id/fail` throws: it must never reach a client. */
export const SECRET_DETAIL = 'secret detail';

@Controller('/items')
export class ProbeController {
  @Get('/:id')
  get(req: Req<'/:id'>) {
    req.log.info('item read', { item_id: req.params.id });
    return { id: req.params.id };
  }

  @Post('/')
  create(req: Req) {
    req.metrics.addMetric('ItemsCreated', 'Count', 1);
    return reply(201, { id: 'new' });
  }

  @Get('/:id/fail')
  fail(): never {
    throw new Error(SECRET_DETAIL);
  }

  @Get('/:id/throw-string')
  throwString(): never {
    throw 'a thrown string';
  }

  @Get('/:id/missing')
  missing(req: Req<'/:id'>): never {
    throw new HttpError(404, `Item ${req.params.id} not found`);
  }

  @Get('/:id/unavailable')
  unavailable(): never {
    throw new HttpError(503, 'database password rejected');
  }

  @Get('/:id/busy')
  busy() {
    return reply(503, { busy: true });
  }

  @Get('/:id/tenant')
  async tenant(req: Req<'/:id'>) {
    req.log.appendKeys({ tenant: req.headers['x-tenant'] });
    await delay(Math.random() * 20);
    req.log.info('tenant item read');
    return { id: req.params.id };
  }

  @Get('/:id/slow')
  async slow(req: Req<'/:id'>) {
    await delay(Math.random() * 20);
    req.log.info('slow item read', { item_id: req.params.id });
    return { id: req.params.id, correlationId: req.correlationId };
  }
}

/** A Gantry handler for the probe service, with the full observability chain by default. */
export function probeHandler(options: Partial<HandlerOptions> = {}): GantryHandler {
  return createHandler({ controllers: [ProbeController], service: 'probe', ...options });
}
