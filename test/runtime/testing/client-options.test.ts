/**
 * `testClient` options and verbs: default headers and cookies under each request's, the Lambda
 * context the handler gets, the methods sent.
 */
import type { Context } from 'aws-lambda';
import { testClient } from 'gantry/testing';
import { describe, expect, it } from 'vitest';

/** A handler answering with what it received (HTTP API v2 events). */
async function echo(event: Record<string, unknown>, context: Context) {
  const http = (event.requestContext as { http: { method: string } }).http;
  return {
    statusCode: 200,
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      method: http.method,
      path: event.rawPath,
      headers: event.headers,
      cookies: event.cookies ?? [],
      functionName: context.functionName,
      memory: context.memoryLimitInMB,
      remaining: context.getRemainingTimeInMillis(),
    }),
  };
}

interface Echo {
  method: string;
  path: string;
  headers: Record<string, string>;
  cookies: string[];
  functionName: string;
  memory: string;
  remaining: number;
}

describe('testClient options', () => {
  it('speaks apigw-v2 by default, with the Lambda context of its options', async () => {
    // Prepare
    const client = testClient(echo as never, {
      functionName: 'items-test',
      memoryMb: 256,
      timeoutMs: 5000,
    });

    // Act
    const seen = (await client.get('/x')).json<Echo>();

    // Assert
    expect(client.source).toBe('apigw-v2');
    expect(seen).toMatchObject({ functionName: 'items-test', memory: '256' });
    expect(seen.remaining).toBeLessThanOrEqual(5000);
  });

  it('sends its headers and cookies under each request own, which win by name', async () => {
    // Prepare
    const client = testClient(echo as never, {
      headers: { Authorization: 'Bearer a', 'x-team': 'core' },
      cookies: { session: 's1', theme: 'light' },
    });

    // Act
    const seen = (
      await client.get('/', { headers: { authorization: 'Bearer b' }, cookies: { theme: 'dark' } })
    ).json<Echo>();
    const plain = (await client.get('/')).json<Echo>();

    // Assert
    expect(seen.headers).toMatchObject({ authorization: 'Bearer b', 'x-team': 'core' });
    expect(seen.cookies).toEqual(['session=s1', 'theme=dark']);
    expect(plain.headers.authorization).toBe('Bearer a');
  });

  it('sends each verb, and any method through request()', async () => {
    // Prepare
    const client = testClient(echo as never);
    const verbs = ['get', 'post', 'put', 'patch', 'delete', 'head', 'options'] as const;

    // Act
    const methods = await Promise.all(
      verbs.map(async (verb) => (await client[verb]('/')).json<Echo>().method),
    );
    const custom = (await client.request('propfind', '/dav')).json<Echo>();

    // Assert
    expect(methods).toEqual(['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD', 'OPTIONS']);
    expect(custom).toMatchObject({ method: 'PROPFIND', path: '/dav' });
  });

  it('refuses an unknown source when created, naming the known ones', () => {
    // Act
    const create = () => testClient(echo as never, { source: 'kinesis' as never });

    // Assert
    expect(create).toThrow(
      'Unknown test source "kinesis": use one of apigw-v1, apigw-v2, alb, alb-multi, function-url, vpc-lattice, vpc-lattice-v1',
    );
  });
});
