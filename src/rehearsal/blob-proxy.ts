// A pass-through HTTP proxy in front of Azurite's blob endpoint, so a test can count the
// blob transfers a client really made (Azurite keeps no request log in memory mode) and
// slow a download down. Signed URLs handed to clients point here; the path, query (the
// SAS, whose signature covers only the account/container/blob path) and body go to
// Azurite unchanged.

import { once } from 'node:events';
import { createServer, request } from 'node:http';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { pipeline } from 'node:stream/promises';
import { waitUnlessClosed } from './slow-reply.ts';

export interface BlobTransfer {
  /** GET, HEAD, PUT... */
  readonly method: string;
  /** The blob's path below the account, e.g. `actions-cache/<id>.tzst`. */
  readonly blob: string;
  /** Azure's `comp` query parameter: 'block' and 'blocklist' for staged uploads, '' otherwise. */
  readonly comp: string;
  readonly status: number;
}

export class BlobProxy {
  /** Origin, e.g. http://127.0.0.1:PORT. */
  readonly url: string;

  readonly #server: Server;
  readonly #target: URL;
  readonly #transfers: BlobTransfer[] = [];
  readonly #closing = new AbortController();
  #downloadDelayMs = 0;

  private constructor(server: Server, url: string, target: URL) {
    this.#server = server;
    this.url = url;
    this.#target = target;
    server.on('request', (req: IncomingMessage, res: ServerResponse) => {
      this.#forward(req, res).catch(() => res.destroy());
    });
  }

  /** Proxies to `blobEndpoint` (Azurite's, e.g. http://127.0.0.1:PORT/devstoreaccount1). */
  static async start(blobEndpoint: string): Promise<BlobProxy> {
    const server = createServer().listen(0, '127.0.0.1');
    await once(server, 'listening');
    const { port } = server.address() as AddressInfo;
    return new BlobProxy(server, `http://127.0.0.1:${port}`, new URL(blobEndpoint));
  }

  /** `url` (an Azurite blob URL) with this proxy's origin. */
  rewrite(url: string): string {
    const proxied = new URL(url);
    const origin = new URL(this.url);
    proxied.host = origin.host;
    return proxied.toString();
  }

  /** Every blob request forwarded, in order. */
  get transfers(): readonly BlobTransfer[] {
    return this.#transfers;
  }

  /** Holds every later GET this long before forwarding it (0 to stop). */
  delayDownloads(ms: number): void {
    this.#downloadDelayMs = ms;
  }

  async close(): Promise<void> {
    this.#closing.abort();
    if (!this.#server.listening) return;
    const closed = this.#server[Symbol.asyncDispose]();
    this.#server.closeAllConnections();
    await closed;
  }

  async #forward(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const incoming = new URL(req.url ?? '/', this.url);
    const account = this.#target.pathname.replace(/\/$/, '');
    const blob = incoming.pathname.startsWith(`${account}/`)
      ? decodeURIComponent(incoming.pathname.slice(account.length + 1))
      : incoming.pathname;
    if (req.method === 'GET' && this.#downloadDelayMs > 0) {
      if (!(await waitUnlessClosed(this.#downloadDelayMs, this.#closing.signal))) return;
    }
    const upstream = request({
      host: this.#target.hostname,
      port: this.#target.port,
      method: req.method,
      path: `${incoming.pathname}${incoming.search}`,
      headers: { ...req.headers, host: this.#target.host },
    });
    const answered = once(upstream, 'response') as Promise<[IncomingMessage]>;
    await pipeline(req, upstream);
    const [response] = await answered;
    this.#transfers.push({
      method: req.method ?? '',
      blob,
      comp: incoming.searchParams.get('comp') ?? '',
      status: response.statusCode ?? 0,
    });
    res.writeHead(response.statusCode ?? 502, response.headers);
    await pipeline(response, res);
  }
}
