import { STATUS_CODES } from 'node:http';
import { describe, expect, it } from 'vitest';
import { statusDescription, statusText } from '../../../runtime/events/status-text.js';

describe('statusText', () => {
  it('holds the reason phrase of every status code Node knows, and no other', () => {
    // Prepare
    const codes = Array.from({ length: 500 }, (_, index) => index + 100);

    // Act
    const ours = codes.map((code) => statusText(code));

    // Assert
    expect(ours).toEqual(codes.map((code) => STATUS_CODES[code]));
    expect(Object.keys(STATUS_CODES).length).toBeGreaterThan(60);
  });
});

describe('statusDescription (ALB and VPC Lattice statusDescription)', () => {
  it.each([
    [200, '200 OK'],
    [201, '201 Created'],
    [204, '204 No Content'],
    [302, '302 Found'],
    [304, '304 Not Modified'],
    [400, '400 Bad Request'],
    [404, '404 Not Found'],
    [413, '413 Payload Too Large'],
    [422, '422 Unprocessable Entity'],
    [500, '500 Internal Server Error'],
    [503, '503 Service Unavailable'],
  ])('describes %i as %s', (status, description) => {
    // Act
    const text = statusDescription(status);

    // Assert
    expect(text).toBe(description);
  });

  it.each([299, 599])('describes the unnamed status %i by its number alone', (status) => {
    // Act
    const text = statusDescription(status);

    // Assert
    expect(text).toBe(String(status));
  });
});
