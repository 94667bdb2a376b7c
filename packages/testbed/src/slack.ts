// A local Slack incoming webhook: an HTTP server on a loopback port that records every JSON body posted
// to it and answers as Slack does (200 "ok"), or with the status a test sets.
import { createServer, type IncomingMessage, type Server } from 'node:http';

export interface SlackPost {
  path: string;
  contentType: string;
  /** The parsed JSON body; undefined when it was not JSON. */
  json: unknown;
  raw: string;
}

export interface SlackReceiver {
  /** The webhook URL to give the action: http://127.0.0.1:PORT/services/... */
  url: string;
  posts: SlackPost[];
  /** The status and body of the next answers; 200 "ok" by default. */
  answer(status: number, body?: string): void;
  clear(): void;
  stop(): Promise<void>;
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

export async function startSlack(
  path = '/services/T0TEST/B0TEST/s3cr3tW3bh00kT0k3n',
): Promise<SlackReceiver> {
  let reply = { status: 200, body: 'ok' };
  const posts: SlackPost[] = [];
  const server: Server = createServer((req, res) => {
    readBody(req)
      .then((raw) => {
        let json: unknown;
        try {
          json = JSON.parse(raw);
        } catch {
          json = undefined;
        }
        posts.push({
          path: req.url ?? '',
          contentType: String(req.headers['content-type'] ?? ''),
          json,
          raw,
        });
        // Slack answers a bad body with 400 invalid_payload.
        const status = req.method !== 'POST' || json === undefined ? 400 : reply.status;
        const body = status === 400 && reply.status === 200 ? 'invalid_payload' : reply.body;
        res.writeHead(status, { 'content-type': 'text/plain' });
        res.end(body);
      })
      .catch(() => res.destroy());
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const addr = server.address();
  const port = typeof addr === 'object' && addr ? addr.port : 0;
  return {
    url: `http://127.0.0.1:${port}${path}`,
    posts,
    answer(status, body = status === 200 ? 'ok' : 'server_error') {
      reply = { status, body };
    },
    clear() {
      posts.length = 0;
      reply = { status: 200, body: 'ok' };
    },
    stop: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
