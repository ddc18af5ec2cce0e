import { describe, expect, it } from 'vitest';
import {
  normaliseBasePath,
  readDecodedPath,
  readEncodedPath,
} from '../../../runtime/events/path.js';

const NO_BASE: readonly string[] = [];

describe('readEncodedPath (REST v1, ALB, Function URL, VPC Lattice)', () => {
  it('keeps a path without escapes as both the path and the routing path', () => {
    // Act
    const read = readEncodedPath('/items/42', NO_BASE);

    // Assert
    expect(read).toEqual({ path: '/items/42', routingPath: '/items/42' });
  });

  it('reads an empty path as /', () => {
    // Act
    const read = readEncodedPath('', NO_BASE);

    // Assert
    expect(read).toEqual({ path: '/', routingPath: '/' });
  });

  it.each([
    ['/a%20b', '/a b'],
    ['/a%2Fb', '/a/b'],
    ['/100%25', '/100%'],
    ['/%2541', '/%41'],
    ['/q%3Fx%23y', '/q?x#y'],
    ['/caf%C3%A9', '/café'],
  ])('decodes %s once to %s and routes on the encoded form', (raw, decoded) => {
    // Act
    const read = readEncodedPath(raw, NO_BASE);

    // Assert
    expect(read).toEqual({ path: decoded, routingPath: raw });
  });

  it.each(['/items/%zz', '/a%E0%A4%A', '/100%', '/%C3'])(
    'reports malformed encoding in %s as a problem, without throwing',
    (raw) => {
      // Act
      const read = readEncodedPath(raw, NO_BASE);

      // Assert
      expect(read).toEqual({
        path: raw,
        routingPath: raw,
        problem: 'Malformed percent-encoding in the request path',
      });
    },
  );

  it.each([
    ['/v1/items', '/items'],
    ['/v1', '/'],
    ['/v10/items', '/v10/items'],
    ['/v1items', '/v1items'],
    ['/api/v1/items', '/api/v1/items'],
  ])('strips the base path /v1 from %s as whole segments only: %s', (raw, stripped) => {
    // Act
    const read = readEncodedPath(raw, ['/v1']);

    // Assert
    expect(read.path).toBe(stripped);
  });

  it('strips the first of several base paths that matches', () => {
    // Act
    const read = readEncodedPath('/api/orders/7', ['/v1', '/api/orders', '/api']);

    // Assert
    expect(read.path).toBe('/7');
  });

  it('strips the base path before decoding, so an encoded slash is no segment boundary', () => {
    // Act
    const read = readEncodedPath('/v1%2Fitems', ['/v1']);

    // Assert
    expect(read).toEqual({ path: '/v1/items', routingPath: '/v1%2Fitems' });
  });

  it('ignores empty and root base paths', () => {
    // Act
    const read = readEncodedPath('/items', ['', '/']);

    // Assert
    expect(read.path).toBe('/items');
  });
});

describe('readDecodedPath (HTTP API v2 rawPath)', () => {
  const strip = { basePaths: NO_BASE, stripStage: true };

  it('keeps a path with nothing to escape as both forms', () => {
    // Act
    const read = readDecodedPath('/my/path-with space', '$default', strip);

    // Assert
    expect(read).toEqual({ path: '/my/path-with space', routingPath: '/my/path-with space' });
  });

  it('reads an empty rawPath as /', () => {
    // Act
    const read = readDecodedPath('', undefined, strip);

    // Assert
    expect(read).toEqual({ path: '/', routingPath: '/' });
  });

  it('decodes the %2F API Gateway kept, and routes with it still encoded', () => {
    // Act
    const read = readDecodedPath('/files/a%2Fb', '$default', strip);

    // Assert
    expect(read).toEqual({ path: '/files/a/b', routingPath: '/files/a%2Fb' });
  });

  it('escapes a decoded %, ? and # for routing, so they are never decoded or split again', () => {
    // Act
    const read = readDecodedPath('/100%/q?x#y/%41', '$default', strip);

    // Assert
    expect(read).toEqual({ path: '/100%/q?x#y/%41', routingPath: '/100%25/q%3Fx%23y/%2541' });
  });

  it('keeps a lower-case %2f encoded for routing', () => {
    // Act
    const read = readDecodedPath('/a%2fb', '$default', strip);

    // Assert
    expect(read).toEqual({ path: '/a/b', routingPath: '/a%2fb' });
  });

  it.each([
    ['/Prod/my/path', '/my/path'],
    ['/Prod', '/'],
    ['/Prod/', '/'],
    ['/Production/x', '/Production/x'],
    ['/prod/x', '/prod/x'],
    ['/my/Prod/x', '/my/Prod/x'],
  ])('strips the named stage Prod from %s: %s', (raw, stripped) => {
    // Act
    const read = readDecodedPath(raw, 'Prod', strip);

    // Assert
    expect(read.path).toBe(stripped);
  });

  it('never strips the $default stage', () => {
    // Act
    const read = readDecodedPath('/$default/x', '$default', strip);

    // Assert
    expect(read.path).toBe('/$default/x');
  });

  it('keeps the stage when stripStage is false', () => {
    // Act
    const read = readDecodedPath('/Prod/x', 'Prod', { basePaths: NO_BASE, stripStage: false });

    // Assert
    expect(read.path).toBe('/Prod/x');
  });

  it('keeps the path when the event names no stage', () => {
    // Act
    const read = readDecodedPath('/Prod/x', undefined, strip);

    // Assert
    expect(read.path).toBe('/Prod/x');
  });

  it.each([
    ['/Prod/v1/items', '/items'],
    ['/Prod/v10/items', '/v10/items'],
    ['/v1/items', '/items'],
  ])('strips the stage, then the base path /v1: %s is %s', (raw, stripped) => {
    // Act
    const read = readDecodedPath(raw, 'Prod', { basePaths: ['/v1'], stripStage: true });

    // Assert
    expect(read.path).toBe(stripped);
  });
});

describe('normaliseBasePath', () => {
  it.each([
    ['api/v1/', '/api/v1'],
    ['/v1', '/v1'],
    ['//v1//', '/v1'],
    ['/', ''],
    ['', ''],
  ])('normalises %j to %j', (base, normal) => {
    // Act
    const normalised = normaliseBasePath(base);

    // Assert
    expect(normalised).toBe(normal);
  });
});
