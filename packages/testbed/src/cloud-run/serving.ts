// The URLs a service answers on: the service URL (requests split by the served traffic) and one per tag
// (https://cloud.google.com/run/docs/rollouts-rollbacks-traffic-migration#tags), each its own loopback port so a
// URI is an origin as on *.run.app. Every request is served as its revision behaves and counted in Monitoring.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Clock } from '@deploy-actions/core';
import { drawLatencyMs, pickWeighted } from '../traffic-ticks';
import type { CloudRunCall, RevisionBehaviour, ServedSample } from './types';

interface Listener {
  server: Server;
  url: string;
  /** The service and tag it serves, once taken from the pool. */
  owner?: { service: string; tag?: string };
}

export interface ServingContext {
  clock: Clock;
  random: () => number;
  /** The revision a tag routes to now, or the split of the service URL. */
  route(service: string, tag?: string): string | [string, number][] | undefined;
  behaviour(revision: string): RevisionBehaviour;
  record(sample: ServedSample): void;
  call(c: CloudRunCall): void;
  /** Whether a request with this Authorization header may invoke the service. */
  allowed(service: string, authorization: string | undefined): boolean;
}

// What Cloud Run answers a request without a valid ID token to a service that requires authentication:
// https://cloud.google.com/run/docs/troubleshooting#unauthorized-client
const FORBIDDEN = (path: string) =>
  `<html><head><title>403 Forbidden</title></head><body><h1>Error: Forbidden</h1><h2>Your client does not have permission to get URL <code>${path}</code> from this server.</h2></body></html>`;

// Taken synchronously (a service's JSON needs its URIs at once), refilled in the background.
const POOL = 6;

export async function startServing(ctx: ServingContext) {
  const pool: Listener[] = [];
  const owned = new Map<string, Listener>();
  const pending = new Set<Promise<void>>();
  let stopped = false;
  const key = (service: string, tag?: string) => `${service}\n${tag ?? ''}`;

  async function listen(): Promise<void> {
    const l: Listener = { server: createServer(), url: '' };
    l.server.on('request', (req: IncomingMessage, res: ServerResponse) => {
      serve(l, req, res).catch(() => res.destroy());
    });
    await new Promise<void>((done, fail) => {
      l.server.once('error', fail);
      l.server.listen(0, '127.0.0.1', () => done());
    });
    l.server.unref();
    l.url = `http://127.0.0.1:${(l.server.address() as AddressInfo).port}`;
    if (stopped) l.server.close();
    else pool.push(l);
  }

  function refill(): void {
    while (!stopped && pool.length + pending.size < POOL) {
      const p: Promise<void> = listen().finally(() => pending.delete(p));
      pending.add(p);
    }
  }

  async function serve(l: Listener, req: IncomingMessage, res: ServerResponse): Promise<void> {
    req.resume();
    const at = ctx.clock.now();
    const url = new URL(req.url ?? '/', l.url);
    const route = l.owner && ctx.route(l.owner.service, l.owner.tag);
    const revision = Array.isArray(route)
      ? route.length
        ? pickWeighted(ctx.random, route)
        : undefined
      : route;
    const call = (status: number): CloudRunCall => ({
      api: 'serve',
      method: req.method ?? 'GET',
      path: url.pathname,
      query: url.search.slice(1),
      status,
      at,
    });
    if (!l.owner || !revision) {
      ctx.call(call(404));
      res
        .writeHead(404, { 'content-type': 'text/html; charset=UTF-8' })
        .end('<h1>Error: Page not found</h1>');
      return;
    }
    if (!ctx.allowed(l.owner.service, req.headers.authorization)) {
      ctx.call(call(403));
      res.writeHead(403, { 'content-type': 'text/html; charset=UTF-8' }).end(FORBIDDEN(url.pathname));
      return;
    }
    const b = ctx.behaviour(revision);
    const failed = b.errorRate > 0 && ctx.random() < b.errorRate;
    const latencyMs = drawLatencyMs(ctx.random, b.latencyMs);
    await ctx.clock.sleep(latencyMs);
    const status = failed ? 503 : 200;
    ctx.record({ service: l.owner.service, revision, at, status, latencyMs });
    ctx.call(call(status));
    res
      .writeHead(status, { 'content-type': 'application/json' })
      .end(JSON.stringify(failed ? { error: 'unavailable' } : { status: 'ok', revision }));
  }

  for (let i = 0; i < POOL; i++) await listen();

  return {
    /** The URL of the service (no tag) or of one tag; the same URL for as long as the stand-in runs. */
    uri(service: string, tag?: string): string {
      const k = key(service, tag);
      let l = owned.get(k);
      if (!l) {
        l = pool.shift();
        if (!l)
          throw new Error('Cloud Run stand-in: no free loopback listener; await a request before more tags');
        l.owner = { service, tag };
        owned.set(k, l);
        refill();
      }
      return l.url;
    },
    async stop(): Promise<void> {
      stopped = true;
      await Promise.allSettled([...pending]);
      await Promise.all(
        [...pool, ...owned.values()].map(
          (l) =>
            new Promise<void>((done) => {
              l.server.closeAllConnections();
              l.server.close(() => done());
            }),
        ),
      );
    },
  };
}
