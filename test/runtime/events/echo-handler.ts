/**
 * The echo service the event tests send requests through: a real `createHandler` whose
 * catch-all routes answer with the request exactly as the route saw it.
 */
import {
  Controller,
  createHandler,
  Delete,
  type GantryHandler,
  Get,
  type HandlerOptions,
  Options,
  Patch,
  Post,
  Put,
  type Req,
} from 'gantry';
import { createLambdaContext } from 'gantry/dev';

/** What the echo routes answer: the translated request, the body as base64 of its bytes. */
export interface Echo {
  method: string;
  path: string;
  params: Record<string, string>;
  query: Record<string, string | string[]>;
  headers: Record<string, string>;
  cookies: Record<string, string>;
  body: string;
  source: string;
}

function echo(req: Req): Echo {
  return {
    method: req.method,
    path: req.path,
    params: { ...req.params },
    query: { ...req.query },
    headers: { ...req.headers },
    cookies: { ...req.cookies },
    body: req.rawBody.toString('base64'),
    source: req.source,
  };
}

@Controller()
export class EchoController {
  /** One path segment: `%2F` inside it must not split it. */
  @Get('/one/:segment')
  segment(req: Req) {
    return echo(req);
  }

  @Get('/*')
  get(req: Req) {
    return echo(req);
  }

  @Post('/*')
  post(req: Req) {
    return echo(req);
  }

  @Put('/*')
  put(req: Req) {
    return echo(req);
  }

  @Patch('/*')
  patch(req: Req) {
    return echo(req);
  }

  @Delete('/*')
  remove(req: Req) {
    return echo(req);
  }

  @Options('/*')
  options(req: Req) {
    return echo(req);
  }
}

/** The echo handler; `options` adds to the defaults (`basePath`, `stripStage`, `sources`). */
export function echoHandler(options: Partial<HandlerOptions> = {}): GantryHandler {
  return createHandler({
    controllers: [EchoController],
    service: 'echo',
    observability: false,
    ...options,
  });
}

/** The fields a Lambda answer of any source may carry. */
export interface LambdaResult {
  statusCode: number;
  statusDescription?: string;
  headers?: Record<string, string>;
  multiValueHeaders?: Record<string, string[]>;
  cookies?: string[];
  body: string;
  isBase64Encoded: boolean;
}

/** Sends one event through a handler, as Lambda would, and returns its answer. */
export async function invoke(handler: GantryHandler, event: unknown): Promise<LambdaResult> {
  const context = createLambdaContext({ requestId: 'r' });
  return (await handler(event, context)) as LambdaResult;
}

/** Reads the echo out of an answer (the echo is JSON, so it travels as text). */
export function echoOf(result: LambdaResult): Echo {
  if (result.statusCode !== 200 || result.isBase64Encoded) {
    throw new Error(`Expected a 200 text echo, got ${JSON.stringify(result)}`);
  }
  return JSON.parse(result.body) as Echo;
}

/** The request body bytes the route saw. */
export function bodyOf(echoed: Echo): Buffer {
  return Buffer.from(echoed.body, 'base64');
}
