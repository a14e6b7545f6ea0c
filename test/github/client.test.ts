import assert from 'node:assert/strict';
import { lookup } from 'node:dns';
import { createServer } from 'node:http';
import type { AddressInfo, LookupFunction, Socket } from 'node:net';
import { connect } from 'node:net';
import { after, afterEach, before, beforeEach, describe, it } from 'node:test';
import { Agent, getGlobalDispatcher, setGlobalDispatcher } from 'undici';
import { apiCall } from '../../src/github/api-call.ts';
import { createGitHubClient } from '../../src/github/client.ts';
import type { GitHubClient } from '../../src/github/client.ts';
import { ServiceError } from '../../src/runner/errors.ts';
import type { Logger } from '../../src/runner/logger.ts';
import { GitHubApiServer } from '../../src/rehearsal/github-api.ts';

/**
 * The API server as the client addresses it when a proxy is in play: http-client never proxies a
 * loopback host, and only the proxy (or the lookup `resolvingApiHost` installs) knows this name.
 */
const API_HOST = 'api.github.test';
const REPO_ROUTE = '/repos/:owner/:repo';
const REPO = { owner: 'octo-org', repo: 'octo-repo' };
/** A failed connection is retried like a 5xx (after 1, 4, 9 s): tests of the message skip that. */
const NO_RETRIES = { request: { retries: 0 } };
const PROXY_VARIABLES = [
  'HTTPS_PROXY',
  'https_proxy',
  'HTTP_PROXY',
  'http_proxy',
  'NO_PROXY',
  'no_proxy',
];

interface Proxy {
  readonly url: string;
  /** Request lines received, e.g. `CONNECT api.github.test:8080`. */
  readonly received: readonly string[];
  close(): Promise<void>;
}

/**
 * A forward proxy on 127.0.0.1. The ProxyAgent @actions/http-client builds tunnels even an
 * http:// target through CONNECT (undici's `proxyTunnel` default), so that is all this proxy
 * serves: it opens every tunnel to the API server whatever host was asked for, or refuses it with
 * a 407. Any other request is recorded and answered 501.
 */
async function startProxy(apiPort: number, options: { refuse?: boolean } = {}): Promise<Proxy> {
  const received: string[] = [];
  const sockets = new Set<Socket>();
  const server = createServer((req, res) => {
    received.push(`${req.method ?? ''} ${req.url ?? ''}`);
    res.writeHead(501).end();
  });
  server.on('connect', (req, client: Socket, head: Buffer) => {
    received.push(`CONNECT ${req.url ?? ''}`);
    sockets.add(client);
    if (options.refuse === true) {
      client.end('HTTP/1.1 407 Proxy Authentication Required\r\ncontent-length: 0\r\n\r\n');
      return;
    }
    const upstream = connect(apiPort, '127.0.0.1', () => {
      client.write('HTTP/1.1 200 Connection Established\r\n\r\n');
      upstream.write(head);
      upstream.pipe(client).pipe(upstream);
    });
    sockets.add(upstream);
    upstream.on('error', () => client.destroy());
    client.on('error', () => upstream.destroy());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    received,
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => {
          resolve();
        });
      }),
  };
}

/** Lets a direct connection to API_HOST reach 127.0.0.1, as DNS would on a real network. */
function resolvingApiHost(): () => void {
  const previous = getGlobalDispatcher();
  const resolve: LookupFunction = (hostname, options, callback) => {
    lookup(hostname === API_HOST ? '127.0.0.1' : hostname, options, callback);
  };
  setGlobalDispatcher(new Agent({ connect: { lookup: resolve } }));
  return () => {
    setGlobalDispatcher(previous);
  };
}

async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

const warnings: string[] = [];
const log: Logger = {
  debug: () => {},
  info: () => {},
  notice: () => {},
  warning: (message) => warnings.push(message),
};

const clientFor = (baseUrl: string): GitHubClient =>
  createGitHubClient({ token: 'ghs_test', baseUrl, log });

const getRepo = (client: GitHubClient, extra = {}) =>
  apiCall('repos.get', () => client.request('GET /repos/{owner}/{repo}', { ...REPO, ...extra }));

async function assertFailsWith(call: Promise<unknown>, message: RegExp): Promise<void> {
  await assert.rejects(call, (error: unknown) => {
    assert.ok(error instanceof ServiceError);
    assert.match(error.message, message);
    return true;
  });
}

describe('createGitHubClient', () => {
  let api: GitHubApiServer;
  let apiPort: number;
  let saved: Record<string, string | undefined> = {};

  before(async () => {
    api = await GitHubApiServer.start();
    apiPort = Number(new URL(api.url).port);
    api.route('GET', REPO_ROUTE, (req) => ({
      body: { full_name: `${req.params.owner!}/${req.params.repo!}` },
    }));
  });
  after(() => api.close());

  // The proxy variables are read when a client is created; a runner's own must not leak in.
  beforeEach(() => {
    saved = Object.fromEntries(PROXY_VARIABLES.map((name) => [name, process.env[name]]));
    for (const name of PROXY_VARIABLES) Reflect.deleteProperty(process.env, name);
    warnings.length = 0;
  });
  afterEach(() => {
    for (const [name, value] of Object.entries(saved)) {
      if (value === undefined) Reflect.deleteProperty(process.env, name);
      else process.env[name] = value;
    }
  });

  describe('behind a proxy', () => {
    let proxy: Proxy;
    beforeEach(async () => {
      proxy = await startProxy(apiPort);
    });
    afterEach(() => proxy.close());

    it('sends the calls through HTTP_PROXY and gets the answer back', async () => {
      process.env.HTTP_PROXY = proxy.url;
      process.env.HTTPS_PROXY = proxy.url;
      const already = api.requests.length;

      const { data } = await getRepo(clientFor(`http://${API_HOST}:${apiPort}`));

      assert.deepEqual(data, { full_name: 'octo-org/octo-repo' });
      assert.deepEqual(proxy.received, [`CONNECT ${API_HOST}:${apiPort}`]);
      const seen = api.requests.slice(already);
      assert.deepEqual(
        seen.map((r) => [r.path, r.headers.host]),
        [['/repos/octo-org/octo-repo', `${API_HOST}:${apiPort}`]],
      );
    });

    it('goes straight to a host NO_PROXY names', async (t) => {
      t.after(resolvingApiHost());
      process.env.HTTP_PROXY = proxy.url;
      process.env.HTTPS_PROXY = proxy.url;
      process.env.NO_PROXY = `example.com, ${API_HOST}`;
      const already = api.requests.length;

      const { data } = await getRepo(clientFor(`http://${API_HOST}:${apiPort}`));

      assert.deepEqual(data, { full_name: 'octo-org/octo-repo' });
      assert.deepEqual(proxy.received, []);
      assert.equal(api.requests.length - already, 1);
    });

    it('reports a proxy that refuses the tunnel, naming the proxy', async () => {
      await proxy.close();
      proxy = await startProxy(apiPort, { refuse: true });
      process.env.HTTP_PROXY = proxy.url;
      const client = clientFor(`http://${API_HOST}:${apiPort}`);

      await assertFailsWith(
        getRepo(client, NO_RETRIES),
        new RegExp(
          `^GitHub API repos\\.get: could not connect to ${API_HOST}:${apiPort} through proxy ${new URL(proxy.url).host} \\(the proxy answered 407\\)$`,
        ),
      );
    });
  });

  it('honours Retry-After on a 429: one retry, after the wait', async () => {
    const client = clientFor(api.url);
    api.failNext('GET', REPO_ROUTE, { kind: 'rate-limit-429', retryAfterSeconds: 1 });
    const already = api.count('GET', REPO_ROUTE);
    const start = performance.now();

    const { data } = await getRepo(client);

    assert.deepEqual(data, { full_name: 'octo-org/octo-repo' });
    assert.equal(api.count('GET', REPO_ROUTE) - already, 2);
    assert.ok(performance.now() - start >= 950, 'waited the second Retry-After asked for');
    assert.equal(warnings.length, 1);
    assert.match(warnings[0]!, /secondary rate limit on GET .*: retrying in 1s$/);
  });

  it('retries a 502', async () => {
    const client = clientFor(api.url);
    api.failNext('GET', REPO_ROUTE, { kind: 'server-error', status: 502 });
    const already = api.count('GET', REPO_ROUTE);

    const { data } = await getRepo(client);

    assert.deepEqual(data, { full_name: 'octo-org/octo-repo' });
    assert.equal(api.count('GET', REPO_ROUTE) - already, 2);
  });

  it('retries a connection closed before the answer', async () => {
    const client = clientFor(api.url);
    api.failNext('GET', REPO_ROUTE, { kind: 'connection-reset' });
    const already = api.count('GET', REPO_ROUTE);

    const { data } = await getRepo(client);

    assert.deepEqual(data, { full_name: 'octo-org/octo-repo' });
    assert.equal(api.count('GET', REPO_ROUTE) - already, 2);
  });

  it('reports a connection closed before the answer as such, not as a 500', async () => {
    const client = clientFor(api.url);
    api.failNext('GET', REPO_ROUTE, { kind: 'connection-reset' });
    const host = new URL(api.url).host;

    await assertFailsWith(
      getRepo(client, NO_RETRIES),
      new RegExp(
        `^GitHub API repos\\.get: lost the connection to ${host} before an answer \\(connection closed\\)$`,
      ),
    );
  });

  it('reports a refused connection as such, not as a 500', async () => {
    const port = await closedPort();

    await assertFailsWith(
      getRepo(clientFor(`http://127.0.0.1:${port}`), NO_RETRIES),
      new RegExp(
        `^GitHub API repos\\.get: could not connect to 127\\.0\\.0\\.1:${port} \\(connection refused\\)$`,
      ),
    );
  });

  it('reports a host DNS does not know as a DNS failure', async () => {
    await assertFailsWith(
      getRepo(clientFor('http://api.lanekit.invalid'), NO_RETRIES),
      /^GitHub API repos\.get: could not connect to api\.lanekit\.invalid \(DNS: /,
    );
  });
});
