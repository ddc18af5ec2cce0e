/**
 * The small service the fuzzer sends its events to: a real `createHandler` with the full
 * observability chain, whose routes never throw, so any 5xx is Gantry's own.
 */
import {
  Controller,
  createHandler,
  Delete,
  type GantryHandler,
  Get,
  Head,
  Options,
  Patch,
  Post,
  Put,
  type Req,
} from 'gantry';
import { z } from 'zod';

const NewItem = z.object({ name: z.string().max(64), tags: z.array(z.string()).optional() });

/** What the catch-all answers: the size of each part it read, never the content. */
function summary(req: Req) {
  return {
    route: 'catch-all',
    headers: Object.keys(req.headers).length,
    query: Object.keys(req.query).length,
    cookies: Object.keys(req.cookies).length,
    bytes: req.rawBody.length,
    body: typeof req.body,
  };
}

@Controller('/items')
export class ItemsController {
  @Get('/:id')
  get(req: Req<'/:id'>) {
    return { id: req.params.id };
  }

  @Post('/', { body: NewItem, status: 201 })
  create(req: Req<'/', { body: typeof NewItem }>) {
    return { id: 'new', name: req.body.name };
  }
}

/** Reads every lazily translated part (headers, query, cookies, body) of any other request. */
@Controller()
export class CatchAllController {
  @Get('/*')
  get(req: Req) {
    return summary(req);
  }

  @Post('/*')
  post(req: Req) {
    return summary(req);
  }

  @Put('/*')
  put(req: Req) {
    return summary(req);
  }

  @Patch('/*')
  patch(req: Req) {
    return summary(req);
  }

  @Delete('/*')
  remove(req: Req) {
    return summary(req);
  }

  @Options('/*')
  options(req: Req) {
    return summary(req);
  }

  @Head('/*')
  head(req: Req) {
    return summary(req);
  }
}

/** The Powertools settings the fuzz handler is built under (stubbed before `fuzzHandler`). */
export const FUZZ_ENV = {
  POWERTOOLS_SERVICE_NAME: 'fuzz',
  POWERTOOLS_METRICS_NAMESPACE: 'GantryFuzz',
  POWERTOOLS_LOG_LEVEL: 'INFO',
  POWERTOOLS_DEV: 'false',
  POWERTOOLS_METRICS_DISABLED: 'false',
  POWERTOOLS_TRACE_ENABLED: 'false',
} as const;

/**
 * Builds the fuzz service's handler: full observability chain, no tracing.
 *
 * @example
 * ```ts
 * const handler = fuzzHandler();
 * await handler(apigwV2Event({ path: '/items/1' }), createLambdaContext({ requestId: 'r' }));
 * ```
 */
export function fuzzHandler(): GantryHandler {
  return createHandler({
    controllers: [ItemsController, CatchAllController],
    service: 'fuzz',
    tracing: false,
  });
}
