/**
 * `Req`, the request a route method receives, typed from its path template and schemas.
 */
import type { Logger } from '@aws-lambda-powertools/logger';
import type { Metrics } from '@aws-lambda-powertools/metrics';
import type { StandardSchemaV1 } from '@standard-schema/spec';
import type { Context } from 'aws-lambda';
import type { Query, SourceName } from '../events/types.js';
import type { AnySchema, RouteSchemas } from './route-options.js';

type Simplify<T> = { [K in keyof T]: T[K] } & {};

/** The characters find-my-way ends a parameter name on. */
type NameEnd = '-' | '.' | '(' | '?' | ':' | '/';

/** Splits `id-:to` into the name `id` and what follows it. */
type TakeName<S extends string, Name extends string = ''> = S extends `${infer C}${infer Tail}`
  ? C extends NameEnd
    ? [Name, S]
    : TakeName<Tail, `${Name}${C}`>
  : [Name, ''];

/** Skips a parameter's regex: `(^\\d+)/next` gives `/next`. */
type SkipRegex<S extends string> = S extends `(${string})${infer Tail}` ? Tail : S;

/** The parameter at the start of `S` (just after its `:`), then the rest of the path. */
type Param<S extends string> =
  TakeName<S> extends [infer Name extends string, infer After extends string]
    ? SkipRegex<After> extends `?${infer Tail}`
      ? { [K in Name]?: string } & ParamsOf<Tail>
      : { [K in Name]: string } & ParamsOf<SkipRegex<After>>
    : never;

/** Every `:name` of a path; `::` is a literal colon. */
type ParamsOf<P extends string> = P extends `${string}:${infer Rest}`
  ? Rest extends `:${infer Tail}`
    ? ParamsOf<Tail>
    : Param<Rest>
  : Record<never, never>;

type WildcardOf<P extends string> = P extends `${string}*` ? { '*': string } : Record<never, never>;

/**
 * The path parameters of a path template: `PathParams<'/items/:id'>` is `{ id: string }`.
 *
 * @example
 * ```ts
 * const params: PathParams<'/users/:userId/items/:itemId'> = { userId: 'u1', itemId: 'i1' };
 * ```
 */
export type PathParams<P extends string> = string extends P
  ? Record<string, string>
  : Simplify<ParamsOf<P> & WildcardOf<P>>;

/**
 * `S` beside a mapped copy of it. Checked on `S` alone, the conditional type below lets
 * TypeScript's variance shortcut take `Req<'/a'>` for a `Req<'/a', { body: typeof Item }>` (two
 * conditional types are related when either check type is related to the other). The `-?`
 * mapped type makes `S` unmeasurable, so two `Req`s with different schemas are compared member
 * by member.
 */
type Measured<S> = [S, { [K in keyof S]-?: S[K] }];

type Validated<S, K extends keyof RouteSchemas, Otherwise> =
  Measured<S> extends [{ [key in K]: infer T extends AnySchema }, unknown]
    ? StandardSchemaV1.InferOutput<T>
    : Otherwise;

/**
 * The request a route method receives. `P` is the route's path template, `S` its schemas:
 * validated parts take the schema's output type.
 *
 * @example
 * ```ts
 * const CreateItem = z.object({ name: z.string() });
 *
 * @Post('/:listId/items', { body: CreateItem, status: 201 })
 * create(req: Req<'/:listId/items', { body: typeof CreateItem }>) {
 *   req.log.info('creating', { list: req.params.listId });
 *   return { listId: req.params.listId, name: req.body.name };
 * }
 * ```
 */
// biome-ignore lint/complexity/noBannedTypes: `{}` is the "no schemas" default.
export interface Req<P extends string = string, S extends RouteSchemas = {}> {
  /** Upper-case method. */
  readonly method: string;
  /** Decoded path, with stage and base path stripped. */
  readonly path: string;
  readonly params: Validated<S, 'params', PathParams<P>>;
  /** A repeated key gives an array. */
  readonly query: Validated<S, 'query', Query>;
  /** Lower-case names; repeated values joined with `, `. */
  readonly headers: Validated<S, 'headers', Record<string, string>>;
  readonly cookies: Record<string, string>;
  /**
   * Parsed JSON for JSON content types, an object for forms, a string for text, a Buffer for
   * anything else; the schema's output when a `body` schema is given. Parsed on first read: a
   * route that never reads it is never refused for it (malformed JSON is a 400 from this read).
   * Without a schema it is `unknown`: narrow it, or give the route a `body` schema.
   */
  readonly body: Validated<S, 'body', unknown>;
  /** The body bytes as sent (empty when there is no body). */
  readonly rawBody: Buffer;
  readonly source: SourceName | (string & {});
  /** The Lambda event as received. */
  readonly event: unknown;
  readonly context: Context;
  readonly correlationId: string;
  /** The request's logger: every line carries the correlation id. */
  readonly log: Logger;
  /** Metrics published with this request's route metrics. */
  readonly metrics: Metrics;
}
