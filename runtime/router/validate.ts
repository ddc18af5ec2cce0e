/**
 * Standard Schema validation of a request's parts. Invalid input is a 422 listing every issue,
 * FastAPI-style: where it is (`loc`) and what is wrong (`message`).
 */
import type { StandardSchemaV1 } from '@standard-schema/spec';
import { HttpError } from './http-error.js';
import type { AnySchema, RouteSchemas } from './route-options.js';

/** Where in the request an invalid value is. */
export type Location = 'path' | 'query' | 'header' | 'body';

/** One validation issue, as sent in a 422's `details`. */
export interface ValidationIssue {
  /** The location, then the path inside it: `['body', 'items', 0, 'name']`. */
  loc: (string | number)[];
  message: string;
}

/** The result of validating one part: its output, or the issues found. */
export type Checked = { value: unknown; issues?: undefined } | { issues: ValidationIssue[] };

/**
 * Validates one part of the request against a schema (sync or async).
 *
 * @example
 * ```ts
 * const checked = await validatePart(z.object({ name: z.string() }), {}, 'body');
 * checked.issues; // [{ loc: ['body', 'name'], message: 'Invalid input: expected string, received undefined' }]
 * ```
 */
export function validatePart(
  schema: AnySchema,
  value: unknown,
  location: Location,
): Checked | Promise<Checked> {
  const result = schema['~standard'].validate(value);
  return result instanceof Promise
    ? result.then((settled) => toChecked(settled, location))
    : toChecked(result, location);
}

function toChecked(result: StandardSchemaV1.Result<unknown>, location: Location): Checked {
  if (result.issues === undefined) return { value: result.value };
  return { issues: result.issues.map((issue) => toIssue(issue, location)) };
}

function toIssue(issue: StandardSchemaV1.Issue, location: Location): ValidationIssue {
  const loc: (string | number)[] = [location];
  for (const segment of issue.path ?? []) {
    const key = typeof segment === 'object' ? segment.key : segment;
    loc.push(typeof key === 'number' ? key : String(key));
  }
  return { loc, message: issue.message };
}

/** The 422 for a list of issues. */
export function validationError(issues: ValidationIssue[]): HttpError {
  return new HttpError(422, 'Request validation failed', issues);
}

/** The validated parts of a request, each under its `Req` field, where each is reported. */
const PARTS = [
  ['params', 'path'],
  ['query', 'query'],
  ['headers', 'header'],
  ['body', 'body'],
] as const;

type Part = (typeof PARTS)[number][0];

/**
 * Validates the parts a route has schemas for, replacing each with the schema's output, and
 * throws one 422 with the issues of every part. Synchronous unless a schema is asynchronous.
 *
 * @example
 * ```ts
 * const pending = validateRequest(req, { params: IdParams, body: CreateItem });
 * if (pending) await pending; // req.params and req.body now hold the validated output
 * ```
 */
export function validateRequest(
  req: Record<Part, unknown>,
  schemas: RouteSchemas,
): Promise<void> | undefined {
  const parts: Part[] = [];
  const checks: (Checked | Promise<Checked>)[] = [];
  for (const [part, location] of PARTS) {
    const schema = schemas[part];
    if (schema === undefined) continue;
    parts.push(part);
    checks.push(validatePart(schema, req[part], location));
  }
  const apply = (checked: Checked[]): void => {
    const issues: ValidationIssue[] = [];
    checked.forEach((result, index) => {
      if (result.issues) issues.push(...result.issues);
      else req[parts[index] as Part] = result.value;
    });
    if (issues.length > 0) throw validationError(issues);
  };
  if (checks.some((check) => check instanceof Promise)) return Promise.all(checks).then(apply);
  apply(checks as Checked[]);
  return undefined;
}
