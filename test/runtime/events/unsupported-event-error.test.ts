import { UnsupportedEventError } from 'gantry';
import { describe, expect, it } from 'vitest';

describe('UnsupportedEventError', () => {
  it('names the keys of an SQS event, never their values', () => {
    // Prepare
    const event = { Records: [{ messageId: 'm1', body: 'secret-value' }] };

    // Act
    const error = new UnsupportedEventError(event);

    // Assert
    expect(error).toBeInstanceOf(Error);
    expect(error.name).toBe('UnsupportedEventError');
    expect(error.keys).toEqual(['Records']);
    expect(error.message).toContain('(keys seen: Records)');
    expect(error.message).not.toContain('secret-value');
    expect(error.message).not.toContain('m1');
  });

  it('tells the user how to accept the event', () => {
    // Act
    const error = new UnsupportedEventError({ detail: {} });

    // Assert
    expect(error.message).toBe(
      'Unsupported event: not an HTTP event from API Gateway (REST or HTTP API), an ALB, a Function URL or VPC Lattice (keys seen: detail). Pass a custom source in createHandler({ sources }) to accept it.',
    );
  });

  it('names at most 20 keys', () => {
    // Prepare
    const event = Object.fromEntries(Array.from({ length: 30 }, (_, i) => [`k${i}`, i]));

    // Act
    const error = new UnsupportedEventError(event);

    // Assert
    expect(error.keys).toHaveLength(20);
    expect(error.keys.at(-1)).toBe('k19');
    expect(error.message).not.toContain('k20');
  });

  it.each([
    [null, 'got null'],
    [undefined, 'got undefined'],
    ['secret-string', 'got a string'],
    [42, 'got a number'],
    [true, 'got a boolean'],
    [{}, 'got an empty object'],
    [['secret-item'], 'got an array'],
    [[], 'got an array'],
  ])('describes %j by its type only: %s', (event, described) => {
    // Act
    const error = new UnsupportedEventError(event);

    // Assert
    expect(error.keys).toEqual([]);
    expect(error.message).toContain(`(${described})`);
    expect(error.message).not.toContain('secret');
  });
});
