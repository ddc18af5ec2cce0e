import { DEFAULT_LIMITS as PUBLIC_DEFAULT_LIMITS } from 'gantry';
import { describe, expect, it } from 'vitest';
import { DEFAULT_LIMITS, resolveLimits } from '../../../runtime/events/limits.js';

describe('DEFAULT_LIMITS', () => {
  it('is 1 MiB of body, 16 KiB of URL, 200 header fields and 64 KiB of headers', () => {
    // Act
    const limits = { ...DEFAULT_LIMITS };

    // Assert
    expect(limits).toEqual({
      body: 1024 * 1024,
      url: 16 * 1024,
      headerCount: 200,
      headerSize: 64 * 1024,
    });
  });

  it('is frozen, so no handler can change another’s defaults', () => {
    // Act
    const change = () => {
      (DEFAULT_LIMITS as { url: number }).url = 1;
    };

    // Assert
    expect(change).toThrow(TypeError);
    expect(DEFAULT_LIMITS.url).toBe(16 * 1024);
  });

  it('is the one exported from gantry', () => {
    // Act
    const exported = PUBLIC_DEFAULT_LIMITS;

    // Assert
    expect(exported).toBe(DEFAULT_LIMITS);
  });
});

describe('resolveLimits', () => {
  it.each([
    ['nothing', undefined],
    ['an empty object', {}],
    ['undefined for every key', { body: undefined, url: undefined }],
  ])('gives the defaults for %s', (_, given) => {
    // Act
    const limits = resolveLimits(given);

    // Assert
    expect(limits).toEqual(DEFAULT_LIMITS);
  });

  it('returns a new object each time, never the frozen defaults', () => {
    // Act
    const first = resolveLimits();
    const second = resolveLimits();
    first.body = 1;

    // Assert
    expect(first).not.toBe(DEFAULT_LIMITS);
    expect(second.body).toBe(DEFAULT_LIMITS.body);
  });

  it('overrides each given limit and keeps the defaults of the others', () => {
    // Act
    const limits = resolveLimits({ url: 4096, headerCount: 50 });

    // Assert
    expect(limits).toEqual({ ...DEFAULT_LIMITS, url: 4096, headerCount: 50 });
  });

  it('takes every limit at once, 1 included', () => {
    // Act
    const limits = resolveLimits({ body: 1, url: 2, headerCount: 3, headerSize: 4 });

    // Assert
    expect(limits).toEqual({ body: 1, url: 2, headerCount: 3, headerSize: 4 });
  });

  it('ignores keys that are not limits', () => {
    // Act
    const limits = resolveLimits({ body: 10, other: 5 } as never);

    // Assert
    expect(limits).toEqual({ ...DEFAULT_LIMITS, body: 10 });
  });

  it.each([
    ['body', 0, '0'],
    ['url', -1, '-1'],
    ['headerCount', 1.5, '1.5'],
    ['headerSize', Number.NaN, 'NaN'],
    ['body', Number.POSITIVE_INFINITY, 'Infinity'],
    ['url', 2 ** 53, String(2 ** 53)],
    ['headerCount', '100', '100'],
    ['headerSize', null, 'null'],
  ])('refuses limits.%s of %j with a RangeError naming the key', (key, value, shown) => {
    // Act
    const resolve = () => resolveLimits({ [key]: value } as never);

    // Assert
    expect(resolve).toThrow(RangeError);
    expect(resolve).toThrow(`limits.${key} must be a whole number above 0, got ${shown}`);
  });
});
