/**
 * The requests of the soak: the app's GET and POST in turn, each with an id or a name of its
 * own, so that anything kept per path or per body (a cache that never forgets) shows as growth.
 */
import { APP_REQUESTS, type AppRequest, type Source } from '../app-check.js';

const [GET, POST] = APP_REQUESTS as [AppRequest, AppRequest, ...AppRequest[]];

/**
 * The `n`-th request of the soak (from 1), with the answer it must get: even `n` a
 * `GET /items/s<n in base 36>`, odd `n` a `POST /items` named `widget <n>`.
 *
 * @example
 * ```ts
 * soakRequest(2).spec.path; // '/items/s2'
 * soakRequest(3).body; // { id: 'new', name: 'widget 3' }
 * ```
 */
export function soakRequest(n: number): AppRequest {
  if (n % 2 === 0) {
    const id = `s${n.toString(36)}`;
    return {
      name: GET.name,
      spec: { ...GET.spec, path: `/items/${id}` },
      status: 200,
      body: { id, name: `item ${id}` },
    };
  }
  const name = `widget ${n}`;
  return {
    name: POST.name,
    spec: { ...POST.spec, body: JSON.stringify({ name }) },
    status: 201,
    body: { id: 'new', name },
  };
}

/**
 * The source of the `n`-th request: the sources take turns every two requests, so that every
 * source gets the GET and the POST whatever their number.
 *
 * @example
 * ```ts
 * soakSource(['apigw-v2', 'alb'], 2); // 'alb'
 * ```
 */
export function soakSource(sources: readonly Source[], n: number): Source {
  const source = sources[Math.floor(n / 2) % sources.length];
  if (source === undefined) throw new Error('the soak needs at least one source');
  return source;
}
