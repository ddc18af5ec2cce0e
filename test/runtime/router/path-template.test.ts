import { toApiGatewayPath } from 'gantry';
import { describe, expect, it } from 'vitest';
import { joinPaths } from '../../../runtime/router/path-template.js';

describe('toApiGatewayPath', () => {
  it.each([
    ['/', '/'],
    ['/items', '/items'],
    ['/items/:id', '/items/{id}'],
    ['/users/:userId/items/:itemId', '/users/{userId}/items/{itemId}'],
    ['/files/*', '/files/{proxy+}'],
    ['/users/:id/files/*', '/users/{id}/files/{proxy+}'],
    ['/n/:num(^\\d+)', '/n/{num}'],
    ['/n/:num(^\\d+)/next', '/n/{num}/next'],
    ['/opt/:id?', '/opt/{id}'],
    ['/range/:from-:to', '/range/{from}'],
    ['/files/:name.:ext', '/files/{name}'],
    ['/v:version/things', '/{version}/things'],
    ['/jobs/batch::cancel', '/jobs/batch:cancel'],
  ])('converts %j to %j', (path, expected) => {
    // Act
    const converted = toApiGatewayPath(path);

    // Assert
    expect(converted).toBe(expected);
  });
});

describe('joinPaths', () => {
  it.each([
    ['/items', '/', '/items'],
    ['items/', ':id', '/items/:id'],
    ['', '', '/'],
    ['/', '/', '/'],
    ['', '/health/', '/health'],
    ['/a//b/', '//c', '/a/b/c'],
  ])('joins %j and %j into %j', (prefix, path, expected) => {
    // Act
    const joined = joinPaths(prefix, path);

    // Assert
    expect(joined).toBe(expected);
  });
});
