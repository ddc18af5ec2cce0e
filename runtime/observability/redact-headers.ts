/**
 * Header redaction for logs: the names in {@link SENSITIVE_HEADERS}, every name
 * {@link SENSITIVE_HEADER_PATTERN} matches, and the user's own list, all case-insensitive.
 */
import { SENSITIVE_HEADER_PATTERN, SENSITIVE_HEADERS } from './constants.js';

/**
 * What a redacted header's value is replaced with.
 *
 * @example
 * ```ts
 * const leaked = lines.filter((line) => line.headers?.authorization !== REDACTED);
 * ```
 */
export const REDACTED = '[redacted]';

/** Copies a header map with the sensitive values replaced by `[redacted]`. */
export type HeaderRedactor = (headers: Record<string, string>) => Record<string, string>;

/**
 * Builds a redactor once (at init) from your own extra header names; the built-in list and
 * pattern always apply. Header names are compared case-insensitively.
 *
 * @example
 * ```ts
 * const redact = headerRedactor(['X-Tenant-Key']);
 * redact({ 'x-tenant-key': 'k', 'x-api-key': 'k2', accept: '*' });
 * // { 'x-tenant-key': '[redacted]', 'x-api-key': '[redacted]', accept: '*' }
 * ```
 */
export function headerRedactor(extra: readonly string[] = []): HeaderRedactor {
  for (const name of extra) {
    if (typeof name !== 'string' || name === '') {
      throw new TypeError(
        `redactHeaders must be a list of header names, got ${JSON.stringify(name)} in it`,
      );
    }
  }
  const names = new Set<string>([...SENSITIVE_HEADERS, ...extra.map((name) => name.toLowerCase())]);
  const sensitive = (name: string): boolean => {
    const lower = name.toLowerCase();
    return names.has(lower) || SENSITIVE_HEADER_PATTERN.test(lower);
  };
  return (headers) => {
    const safe: Record<string, string> = {};
    for (const name in headers) {
      safe[name] = sensitive(name) ? REDACTED : (headers[name] as string);
    }
    return safe;
  };
}

const builtIn = headerRedactor();

/**
 * Copies headers with every sensitive one redacted (credentials, cookies, tokens, ALB OIDC
 * headers, plus `extra`), case-insensitively. The request's own headers are left untouched.
 *
 * @example
 * ```ts
 * redactHeaders({ authorization: 'Bearer x', 'X-Api-Key': 'k', accept: 'text/html' });
 * // { authorization: '[redacted]', 'X-Api-Key': '[redacted]', accept: 'text/html' }
 * ```
 */
export function redactHeaders(
  headers: Record<string, string>,
  extra?: readonly string[],
): Record<string, string> {
  return (extra === undefined ? builtIn : headerRedactor(extra))(headers);
}
