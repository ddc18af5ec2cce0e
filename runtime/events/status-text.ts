import { STATUS_CODES } from 'node:http';

/** `200 OK`, the status line ALB and VPC Lattice answers carry as `statusDescription`. */
export function statusDescription(status: number): string {
  const text = STATUS_CODES[status];
  return text === undefined ? String(status) : `${status} ${text}`;
}
