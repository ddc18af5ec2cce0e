/**
 * `reply(...)`: a response with a chosen status, headers and cookies.
 */

/** Options of a cookie set with {@link Reply.cookie}. */
export interface CookieOptions {
  domain?: string;
  path?: string;
  expires?: Date;
  /** Seconds. */
  maxAge?: number;
  httpOnly?: boolean;
  secure?: boolean;
  sameSite?: 'Strict' | 'Lax' | 'None';
  partitioned?: boolean;
}

const TOKEN = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;
const ATTRIBUTE = /^[\u0021-\u003A\u003C-\u007E]*$/;

/**
 * A response under construction: status, body, headers and cookies.
 *
 * @example
 * ```ts
 * return reply(201, item, { location: `/items/${item.id}` })
 *   .cookie('session', token, { httpOnly: true, secure: true, maxAge: 3600 });
 * ```
 */
export class Reply {
  readonly status: number;
  readonly body: unknown;
  readonly headers: Record<string, string> = {};
  readonly cookies: string[] = [];

  constructor(status: number, body?: unknown, headers?: Record<string, string>) {
    if (!Number.isInteger(status) || status < 100 || status > 599) {
      throw new RangeError(`reply() status must be an integer from 100 to 599, got ${status}`);
    }
    this.status = status;
    this.body = body;
    if (headers) for (const name in headers) this.header(name, headers[name] as string);
  }

  /** Sets a header (a `set-cookie` header adds a cookie). */
  header(name: string, value: string): this {
    const key = name.toLowerCase();
    if (key === 'set-cookie') this.cookies.push(value);
    else this.headers[key] = String(value);
    return this;
  }

  /** Adds a `Set-Cookie`; several cookies are never comma-joined, on any source. */
  cookie(name: string, value: string, options: CookieOptions = {}): this {
    if (!TOKEN.test(name)) throw new TypeError(`Invalid cookie name: ${JSON.stringify(name)}`);
    let cookie = `${name}=${encodeURIComponent(value)}`;
    if (options.domain !== undefined) cookie += `; Domain=${attribute('domain', options.domain)}`;
    cookie += `; Path=${attribute('path', options.path ?? '/')}`;
    if (options.expires !== undefined) cookie += `; Expires=${options.expires.toUTCString()}`;
    if (options.maxAge !== undefined) cookie += `; Max-Age=${Math.floor(options.maxAge)}`;
    if (options.httpOnly) cookie += '; HttpOnly';
    if (options.secure) cookie += '; Secure';
    if (options.sameSite !== undefined) cookie += `; SameSite=${options.sameSite}`;
    if (options.partitioned) cookie += '; Partitioned';
    this.cookies.push(cookie);
    return this;
  }
}

function attribute(name: string, value: string): string {
  if (!ATTRIBUTE.test(value))
    throw new TypeError(`Invalid cookie ${name}: ${JSON.stringify(value)}`);
  return value;
}

/**
 * Answers with a chosen status, body and headers. A plain body is sent as JSON; a string with a
 * `content-type` header, bytes, or a stream (read to the end) are sent as they are.
 *
 * @example
 * ```ts
 * @Post('/', { body: CreateItem })
 * create(req: Req<'/', { body: typeof CreateItem }>) {
 *   const item = items.add(req.body);
 *   return reply(201, item, { location: `/items/${item.id}` });
 * }
 * ```
 */
export function reply(status: number, body?: unknown, headers?: Record<string, string>): Reply {
  return new Reply(status, body, headers);
}
