/**
 * The per-request values a service stamps on each event: request ids, trace headers and
 * times, fresh on every call, in each service's own format.
 */
import { randomBytes, randomUUID } from 'node:crypto';

export { randomUUID };

/** An `X-Amzn-Trace-Id` as API Gateway and ALB forward it: `Root=1-<epoch hex>-<24 hex>`. */
export function traceHeader(now: Date): string {
  const epoch = Math.floor(now.getTime() / 1000).toString(16);
  return `Root=1-${epoch}-${randomBytes(12).toString('hex')}`;
}

/** An HTTP API request id, as in the captures: 16 characters of base64 (`LV7fzho-PHcEJPw=`). */
export function httpApiRequestId(): string {
  return `${randomBytes(12).toString('base64url').slice(0, 15)}=`;
}

/** REST API's `extendedRequestId` (`TWegAcC4EowCHnA=`). */
export function extendedRequestId(): string {
  return httpApiRequestId();
}

/** CloudFront's `X-Amz-Cf-Id`: 56 characters of URL-safe base64. */
export function cloudFrontId(): string {
  return `${randomBytes(40).toString('base64url').slice(0, 54)}==`;
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** API Gateway's request time: `21/Apr/2020:15:08:21 +0000`. */
export function requestTime(date: Date): string {
  const two = (n: number) => String(n).padStart(2, '0');
  const day = `${two(date.getUTCDate())}/${MONTHS[date.getUTCMonth()]}/${date.getUTCFullYear()}`;
  return `${day}:${two(date.getUTCHours())}:${two(date.getUTCMinutes())}:${two(date.getUTCSeconds())} +0000`;
}
