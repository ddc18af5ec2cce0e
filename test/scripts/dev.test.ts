/**
 * `npm run dev` end to end: the real script, a real esbuild build, a real server on a real port.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { EventEmitter, once } from 'node:events';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '../..');
/**
 * Generated handlers go in a directory of their own per run, inside the repository so that they
 * can import 'gantry', under the git-ignored .gantry/ so that no linter or type check sees them.
 */
const GENERATED_PARENT = join(ROOT, '.gantry');
/** esbuild builds before the server starts: leave it time on a slow machine. */
const STARTUP_MS = 60_000;
/** The CLI from the repository's sources, as `npm run dev` runs it. */
const GANTRY = join(ROOT, 'scripts/gantry.mjs');

// The child decides the log format (POWERTOOLS_DEV), not whoever runs the tests.
const { POWERTOOLS_DEV: _, ...baseEnv } = process.env;

/** A process started by a test, with everything it printed. */
class Spawned {
  readonly child: ChildProcess;
  output = '';
  readonly #printed = new EventEmitter();

  constructor(
    command: string,
    args: string[],
    options: { cwd?: string; port: number | string; env?: Record<string, string> },
  ) {
    this.child = spawn(command, args, {
      cwd: options.cwd ?? ROOT,
      env: { ...baseEnv, ...options.env, PORT: String(options.port) },
      shell: false,
      // Its own process group, so that the whole tree can be stopped at once.
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    for (const stream of [this.child.stdout, this.child.stderr]) {
      stream?.setEncoding('utf8');
      stream?.on('data', (chunk: string) => {
        this.output += chunk;
        this.#printed.emit('output');
      });
    }
    spawned.push(this);
  }

  get pid(): number {
    return this.child.pid as number;
  }

  /**
   * Resolves once the output (from offset `since` on) contains `text`; rejects if the process
   * exits first.
   */
  waitFor(text: string, { since = 0, timeoutMs = STARTUP_MS } = {}): Promise<void> {
    return new Promise((resolve, reject) => {
      const check = () => {
        if (!this.output.includes(text, since)) return false;
        settle();
        resolve();
        return true;
      };
      const exited = () => {
        if (check()) return;
        settle();
        reject(new Error(`exited before printing ${JSON.stringify(text)}:\n${this.output}`));
      };
      const timer = setTimeout(() => {
        settle();
        reject(
          new Error(`${JSON.stringify(text)} not printed in ${timeoutMs} ms:\n${this.output}`),
        );
      }, timeoutMs);
      const settle = () => {
        clearTimeout(timer);
        this.#printed.off('output', check);
        this.child.off('close', exited);
      };
      this.#printed.on('output', check);
      this.child.on('close', exited);
      if (!check() && this.child.exitCode !== null) exited();
    });
  }

  /** The exit code, once the process has exited and its output has been read. */
  async exitCode(): Promise<number | null> {
    if (this.child.exitCode === null && this.child.signalCode === null) {
      await once(this.child, 'close');
    }
    return this.child.exitCode;
  }

  /** Stops the whole process tree (npm, the dev script and the server it started). */
  async stop(): Promise<void> {
    const closed = once(this.child, 'close');
    try {
      process.kill(-this.pid, 'SIGTERM');
    } catch {
      return; // the group is gone already
    }
    if (this.child.exitCode === null && this.child.signalCode === null) await closed;
  }
}

const spawned: Spawned[] = [];
afterAll(async () => {
  await Promise.all(spawned.map((started) => started.stop()));
});

/** A port nothing listens on: listen on port 0, note the port, close. */
async function freePort(): Promise<number> {
  const server = createServer().listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as { port: number };
  server.close();
  await once(server, 'close');
  return port;
}

/** Whether something listens on the port: try to listen there ourselves. */
async function isFree(port: number): Promise<boolean> {
  const server: Server = createServer();
  try {
    server.listen(port, '127.0.0.1');
    await once(server, 'listening');
    server.close();
    await once(server, 'close');
    return true;
  } catch {
    return false;
  }
}

/** Polls `attempt` until it gives a value (errors count as not yet). */
async function eventually<T>(
  attempt: () => Promise<T | undefined>,
  timeoutMs = 30_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await attempt().catch(() => undefined);
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`condition not met in ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/**
 * fetch, tried again while nothing answers: the dev server restarts whenever a source file of the
 * bundle changes, which another process may do while the tests run.
 */
function request(url: string, init?: RequestInit): Promise<Response> {
  return eventually(() => fetch(url, init));
}

describe('npm run dev', () => {
  let dev: Spawned;
  let url: string;

  beforeAll(async () => {
    const port = await freePort();
    url = `http://127.0.0.1:${port}`;
    dev = new Spawned('npm', ['run', 'dev'], { port });
    await dev.waitFor(`gantry dev: serving examples/items/handler.ts on ${url}`);
  }, STARTUP_MS);

  it('starts with no warning about the service name (it sets no POWERTOOLS_SERVICE_NAME)', async () => {
    // Act
    await request(`${url}/items`);

    // Assert
    expect(dev.output).not.toContain('POWERTOOLS_SERVICE_NAME');
  });

  it('serves the items example: GET /items lists no items, with a correlation id', async () => {
    // Act
    const response = await request(`${url}/items`);

    // Assert
    expect(response.status).toBe(200);
    expect(await response.text()).toBe('{"items":[]}');
    expect(response.headers.get('x-correlation-id')).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('creates an item with POST /items (201) that GET then returns', async () => {
    // Act
    const created = await request(`${url}/items`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'try the dev server' }),
    });
    const item = (await created.json()) as { id: string };
    const read = await request(`${url}/items/${item.id}`);

    // Assert
    expect(created.status).toBe(201);
    expect(created.headers.get('location')).toBe(`/items/${item.id}`);
    expect(item).toMatchObject({ name: 'try the dev server', done: false });
    expect(read.status).toBe(200);
    expect(await read.json()).toEqual(item);
  });

  it('answers an invalid item with 422', async () => {
    // Act
    const response = await request(`${url}/items`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ name: 42 }),
    });

    // Assert
    expect(response.status).toBe(422);
    expect(await response.json()).toMatchObject({
      error: { status: 422, details: [{ loc: ['body', 'name'] }] },
    });
  });

  it('echoes the x-correlation-id sent and prints the request log pretty, with that id', async () => {
    // Act
    const response = await request(`${url}/items`, {
      headers: { 'x-correlation-id': 'my-id-123' },
    });

    // Assert
    expect(response.headers.get('x-correlation-id')).toBe('my-id-123');
    await dev.waitFor('"correlation_id": "my-id-123"');
    expect(dev.output).toContain('"message": "request completed"');
    expect(dev.output).toContain('"function_name": "gantry-dev"');
  });
});

describe('npm run dev -- <handler>', () => {
  let generated: string;
  let handlerFile: string;
  const writeHandler = (version: number) =>
    writeFileSync(
      handlerFile,
      `import { Controller, createHandler, Get } from 'gantry';

@Controller()
class VersionController {
  @Get('/version')
  get() {
    return { version: ${version} };
  }
}

export const handler = createHandler({ controllers: [VersionController], service: 'dev-test' });
`,
    );
  /** The version the server answers with now. */
  const versionServed = async () =>
    ((await (await request(`${url}/version`)).json()) as { version: number }).version;
  /** Waits until the server answers with `version`. */
  const serving = (version: number) =>
    eventually(async () => {
      const body = (await (await fetch(`${url}/version`)).json()) as { version: number };
      return body.version === version ? version : undefined;
    });

  let dev: Spawned;
  let url: string;

  beforeAll(async () => {
    mkdirSync(GENERATED_PARENT, { recursive: true });
    generated = mkdtempSync(join(GENERATED_PARENT, 'test-dev-'));
    handlerFile = join(generated, 'handler.ts');
    writeHandler(1);
    const port = await freePort();
    url = `http://127.0.0.1:${port}`;
    // Run from the handler's directory: the path is relative to where gantry dev was typed.
    dev = new Spawned(process.execPath, [GANTRY, 'dev', 'handler.ts'], { cwd: generated, port });
    await dev.waitFor(`gantry dev: serving handler.ts on ${url}`);
  }, STARTUP_MS);

  afterAll(async () => {
    await dev?.stop();
    rmSync(generated, { recursive: true, force: true });
  });

  it('serves the handler at the path given, relative to the directory it was run in', async () => {
    // Act
    const version = await versionServed();

    // Assert
    expect(version).toBe(1);
  });

  it(
    'restarts with the new code when the handler file changes',
    async () => {
      // Prepare
      const since = dev.output.length;

      // Act
      writeHandler(2);

      // Assert
      await expect(serving(2)).resolves.toBe(2);
      expect(dev.output.slice(since)).toContain('gantry dev: change detected, restarting');
    },
    STARTUP_MS,
  );

  it(
    'keeps serving the last good build through a build error, and restarts once fixed',
    async () => {
      // Prepare
      const before = await versionServed();
      const since = dev.output.length;

      // Act
      writeFileSync(handlerFile, 'export const handler = (;\n');
      await dev.waitFor('gantry dev: build failed (still serving the previous build)', { since });
      const during = await versionServed();
      writeHandler(before + 1);

      // Assert
      expect(during).toBe(before);
      await expect(serving(before + 1)).resolves.toBe(before + 1);
    },
    STARTUP_MS,
  );
});

describe('gantry dev', () => {
  const script = [GANTRY, 'dev', 'examples/items/handler.ts'];

  it(
    'stops with its server on SIGTERM, leaving the port free and no build behind',
    async () => {
      // Prepare
      const port = await freePort();
      const dev = new Spawned(process.execPath, script, { port });
      await dev.waitFor('gantry dev: serving');

      // Act: the dev script only, not its process group.
      process.kill(dev.pid, 'SIGTERM');
      const code = await dev.exitCode();

      // Assert
      expect(code).toBe(0);
      expect(await isFree(port)).toBe(true);
      expect(existsSync(join(ROOT, '.gantry/dev', String(dev.pid)))).toBe(false);
    },
    STARTUP_MS,
  );

  it(
    'takes its server down with it when killed outright (SIGKILL)',
    async () => {
      // Prepare
      const port = await freePort();
      const dev = new Spawned(process.execPath, script, { port });
      await dev.waitFor('gantry dev: serving');

      // Act
      process.kill(dev.pid, 'SIGKILL');
      await dev.exitCode();

      // Assert: the server notices that its parent is gone and exits.
      await expect(eventually(async () => (await isFree(port)) || undefined)).resolves.toBe(true);
      rmSync(join(ROOT, '.gantry/dev', String(dev.pid)), { recursive: true, force: true });
    },
    STARTUP_MS,
  );

  it(
    'exits with code 1 and says so when the port is in use',
    async () => {
      // Prepare
      const holder = createServer().listen(0, '127.0.0.1');
      await once(holder, 'listening');
      const { port } = holder.address() as { port: number };

      // Act
      const dev = new Spawned('npm', ['run', 'dev'], { port });
      const code = await dev.exitCode().finally(() => holder.close());

      // Assert
      expect(code).toBe(1);
      expect(dev.output).toContain(
        `gantry dev: cannot start the server: Port ${port} on 127.0.0.1 is already in use`,
      );
      expect(dev.output).toContain('(pass --port or set PORT to serve on another port)');
    },
    STARTUP_MS,
  );

  it(
    'serves with AWS_LAMBDA_MAX_CONCURRENCY already set, as on Lambda Managed Instances',
    async () => {
      // Prepare
      const port = await freePort();
      const dev = new Spawned(process.execPath, script, {
        port,
        env: { AWS_LAMBDA_MAX_CONCURRENCY: '8' },
      });
      await dev.waitFor('gantry dev: serving');

      // Act
      const response = await request(`http://127.0.0.1:${port}/items`);

      // Assert
      expect(response.status).toBe(200);
      expect(await response.json()).toEqual({ items: [] });
    },
    STARTUP_MS,
  );

  it('refuses a PORT that is not a port number', async () => {
    // Act
    const dev = new Spawned(process.execPath, script, { port: 'abc' });
    const code = await dev.exitCode();

    // Assert
    expect(code).toBe(2);
    expect(dev.output).toContain(
      'gantry dev: the port must be a number from 0 to 65535, got "abc"',
    );
  });

  it('refuses a handler file that does not exist', async () => {
    // Act
    const dev = new Spawned(process.execPath, [GANTRY, 'dev', 'no/such/handler.ts'], { port: 0 });
    const code = await dev.exitCode();

    // Assert
    expect(code).toBe(2);
    expect(dev.output).toContain(
      `gantry dev: no handler file at ${join(ROOT, 'no/such/handler.ts')}`,
    );
  });
});
