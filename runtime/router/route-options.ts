/**
 * What a route declares beside its method and path.
 */
import type { StandardSchemaV1 } from '@standard-schema/spec';

/** Any Standard Schema (zod, valibot, arktype, ...). */
// biome-ignore lint/suspicious/noExplicitAny: any input and output types are accepted.
export type AnySchema = StandardSchemaV1<any, any>;

/** The schemas a route may validate its input and output with. */
export interface RouteSchemas {
  body?: AnySchema;
  query?: AnySchema;
  params?: AnySchema;
  headers?: AnySchema;
  response?: AnySchema;
}

/**
 * Options of `@Get`, `@Post`, ...: schemas, the success status and OpenAPI documentation.
 *
 * @example
 * ```ts
 * @Post('/', { body: CreateItem, status: 201, summary: 'Create an item', tags: ['items'] })
 * ```
 */
export interface RouteOptions extends RouteSchemas {
  /** Status of a successful answer (default 200, or 204 when the method returns nothing). */
  status?: number;
  summary?: string;
  description?: string;
  tags?: string[];
}
