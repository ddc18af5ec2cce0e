/**
 * Cookie rules shared by every source. Request cookies come from `cookies[]` (HTTP API v2,
 * Function URL) or the `cookie` header; response cookies are never comma-joined.
 */

type Cookies = Record<string, string>;

/** Parses a `cookie` header (`a=1; b=2`). The first of two cookies with one name wins. */
export function parseCookieHeader(header: string | undefined): Cookies {
  const cookies: Cookies = Object.create(null);
  if (!header) return cookies;
  for (const pair of header.split(';')) addCookie(cookies, pair);
  return cookies;
}

/** Parses a `cookies[]` list (`['a=1', 'b=2']`). */
export function parseCookieList(list: readonly string[] | undefined): Cookies {
  const cookies: Cookies = Object.create(null);
  if (!list) return cookies;
  for (const item of list) {
    // A client may pack several pairs into one entry; each is its own cookie.
    for (const pair of item.split(';')) addCookie(cookies, pair);
  }
  return cookies;
}

function addCookie(cookies: Cookies, pair: string): void {
  const eq = pair.indexOf('=');
  if (eq === -1) return;
  const name = pair.slice(0, eq).trim();
  if (name === '' || name in cookies) return;
  let value = pair.slice(eq + 1).trim();
  if (value.length > 1 && value.startsWith('"') && value.endsWith('"')) value = value.slice(1, -1);
  cookies[name] = decodeCookieValue(value);
}

function decodeCookieValue(value: string): string {
  if (!value.includes('%')) return value;
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}

/**
 * Spreads cookies over differently-cased `set-cookie` header names (`set-cookie`,
 * `Set-cookie`, `sEt-cookie`, ...), for answers that allow one value per header name (ALB
 * single-value mode, VPC Lattice). HTTP header names are case-insensitive, so each arrives as
 * its own `Set-Cookie` header: the technique Mangum uses, never a comma-joined value.
 */
export function spreadSetCookies(
  headers: Record<string, string>,
  cookies: readonly string[],
): void {
  if (cookies.length > MAX_SPREAD_COOKIES) {
    throw new RangeError(`Cannot send more than ${MAX_SPREAD_COOKIES} cookies in one response`);
  }
  for (let i = 0; i < cookies.length; i++) headers[setCookieName(i)] = cookies[i] as string;
}

/** `set-cookie` has nine letters, so 2^9 distinct casings. */
const MAX_SPREAD_COOKIES = 512;

function setCookieName(index: number): string {
  const base = 'set-cookie';
  let name = '';
  // Binary counting over the letters: index 0 is all lower case, each next index a new casing.
  for (let i = 0, bits = index; i < base.length; i++) {
    const char = base.charAt(i);
    if (char === '-') {
      name += char;
      continue;
    }
    name += bits & 1 ? char.toUpperCase() : char;
    bits >>= 1;
  }
  return name;
}
