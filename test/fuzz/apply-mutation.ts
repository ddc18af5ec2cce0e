/**
 * Applies fuzz mutations to events: in place where it can, with own keys only (an own
 * `__proto__` key stays a key, as JSON.parse makes it), never touching the base events, and
 * only ever making what JSON can carry (no named keys on lists, no holes in them).
 */
import type { FuzzCase, Mutation, Path } from './event-mutations.js';
import type { EventLayout, FuzzSource } from './fuzz-sources.js';
import { Huge } from './hostile-strings.js';
import { defineOwn, materialise } from './hostile-values.js';

const isObject = (value: unknown): value is Record<string | number, unknown> =>
  typeof value === 'object' && value !== null;

/** A map: an object that is not a list (a list with named keys is not JSON). */
const isRecord = (value: unknown): value is Record<string, unknown> =>
  isObject(value) && !Array.isArray(value);

/**
 * The container of the last key of `path`, if every step on the way exists and the key fits
 * it: a name in a map, an index at most one past the end of a list.
 */
function parentOf(event: unknown, path: Path): Record<string | number, unknown> | undefined {
  let node = event;
  for (const key of path.slice(0, -1)) {
    if (!isObject(node)) return undefined;
    node = node[key];
  }
  const last = path[path.length - 1];
  if (Array.isArray(node)) {
    const list: unknown[] = node;
    return typeof last === 'number' && last <= list.length
      ? (list as unknown as Record<number, unknown>)
      : undefined;
  }
  return isRecord(node) && typeof last === 'string' ? node : undefined;
}

function dropAt(event: unknown, path: Path): void {
  const parent = parentOf(event, path);
  const key = path[path.length - 1];
  if (Array.isArray(parent)) parent.splice(key as number, 1);
  else if (parent && key !== undefined) delete parent[key];
}

function setAt(event: unknown, path: Path, value: unknown): unknown {
  if (path.length === 0) return value;
  const parent = parentOf(event, path);
  if (parent) defineOwn(parent, path[path.length - 1] as string | number, value);
  return event;
}

const asText = (value: string | Huge): string => (value instanceof Huge ? value.text() : value);

function addHeader(
  event: Record<string, unknown>,
  layout: EventLayout,
  name: string,
  value: unknown,
) {
  for (const { key, list } of layout.headers) {
    const map = event[key];
    if (!isRecord(map)) continue;
    const existing = Object.hasOwn(map, name) ? map[name] : undefined;
    if (list && Array.isArray(existing) && typeof value === 'string') existing.push(value);
    else defineOwn(map, name, list && typeof value === 'string' ? [value] : value);
  }
}

function appendCookie(event: Record<string, unknown>, layout: EventLayout, text: string) {
  const list = layout.cookies === undefined ? undefined : event[layout.cookies];
  if (Array.isArray(list)) list.push(text);
  for (const { key, list: isList } of layout.headers) {
    const map = event[key];
    if (!isRecord(map)) continue;
    const existing = Object.hasOwn(map, 'cookie') ? map.cookie : undefined;
    if (isList && Array.isArray(existing)) existing.push(text);
    else if (isList) defineOwn(map, 'cookie', [text]);
    else defineOwn(map, 'cookie', typeof existing === 'string' ? `${existing}; ${text}` : text);
  }
}

function addQuery(
  event: Record<string, unknown>,
  layout: EventLayout,
  name: string,
  value: unknown,
) {
  for (const { key, list } of layout.query) {
    if (!(key in event)) continue;
    if (!isRecord(event[key])) event[key] = {};
    const map = event[key] as Record<string, unknown>;
    defineOwn(map, name, list && typeof value === 'string' ? [value, value] : value);
  }
  const raw = layout.rawQuery === undefined ? undefined : event[layout.rawQuery];
  if (layout.rawQuery !== undefined && typeof raw === 'string' && typeof value === 'string') {
    event[layout.rawQuery] = `${raw}${raw === '' ? '' : '&'}${name}=${value}`;
  }
}

/** Adds `count` distinct headers, query parameters or cookies, each value `length` long. */
function addMany(
  event: Record<string, unknown>,
  layout: EventLayout,
  mutation: Extract<Mutation, { op: 'many' }>,
) {
  const value = 'v'.repeat(mutation.length);
  for (let index = 0; index < mutation.count; index++) {
    const name = `x-fuzz-${index}`;
    if (mutation.part === 'headers') addHeader(event, layout, name, value);
    else if (mutation.part === 'query') addQuery(event, layout, name, value);
    else appendCookie(event, layout, `${name}=${value}`);
  }
}

const WRONG_FLAGS = ['true', 1, 'false', null, {}] as const;

function setBody(
  event: Record<string, unknown>,
  layout: EventLayout,
  mutation: Extract<Mutation, { op: 'body' }>,
) {
  const body = materialise(mutation.body);
  const flag = layout.base64Flag;
  if (mutation.contentType !== undefined)
    addHeader(event, layout, 'content-type', mutation.contentType);
  if (mutation.encoding === 'base64' && typeof body === 'string') {
    event.body = Buffer.from(body, 'utf8').toString('base64');
    event[flag] = true;
    return;
  }
  event.body = body;
  if (mutation.encoding === 'plain') event[flag] = false;
  else if (mutation.encoding === 'flag-only' || mutation.encoding === 'base64') event[flag] = true;
  else event[flag] = WRONG_FLAGS[(typeof body === 'string' ? body.length : 0) % WRONG_FLAGS.length];
}

/**
 * Applies one mutation (in place where it can; a root `set` replaces the event).
 *
 * @example
 * ```ts
 * applyMutation(event, { op: 'drop', path: ['headers'] }, layout);
 * ```
 */
export function applyMutation(event: unknown, mutation: Mutation, layout: EventLayout): unknown {
  if (mutation.op === 'set') return setAt(event, mutation.path, materialise(mutation.value));
  if (mutation.op === 'drop') {
    dropAt(event, mutation.path);
    return event;
  }
  if (!isRecord(event)) return event;
  switch (mutation.op) {
    case 'header':
      addHeader(event, layout, mutation.name, materialise(mutation.value));
      break;
    case 'query':
      addQuery(event, layout, mutation.name, materialise(mutation.value));
      break;
    case 'cookie':
      appendCookie(event, layout, mutation.text);
      break;
    case 'path':
      for (const path of layout.path)
        if (parentOf(event, path)) setAt(event, path, asText(mutation.value));
      break;
    case 'method':
      for (const path of layout.method)
        if (parentOf(event, path)) setAt(event, path, materialise(mutation.value));
      break;
    case 'body':
      setBody(event, layout, mutation);
      break;
    case 'graft':
      if (parentOf(event, mutation.path)) setAt(event, mutation.path, materialise(mutation.value));
      break;
    case 'many':
      addMany(event, layout, mutation);
      break;
    case 'deep-json':
      addHeader(event, layout, 'content-type', 'application/json');
      event.body = `{"name":${'['.repeat(mutation.depth)}${']'.repeat(mutation.depth)}}`;
      event[layout.base64Flag] = false;
      break;
  }
  return event;
}

/**
 * Builds the event of a fuzz case: a fresh copy of its base with its mutations applied.
 *
 * @example
 * ```ts
 * const event = eventOf(source, { base: 'builder:get-item', mutations: [] });
 * ```
 */
export function eventOf(source: FuzzSource, fuzz: FuzzCase): unknown {
  let event: unknown = structuredClone(source.bases[fuzz.base]);
  for (const mutation of fuzz.mutations) event = applyMutation(event, mutation, source.layout);
  return event;
}
