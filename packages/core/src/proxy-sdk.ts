// The SDK's request handler behind a proxy: the SDK's own NodeHttpHandler with the agents of proxy-agents.ts,
// loaded when the client first sends, so that a step without a proxy never loads them. Only how sockets
// connect changes: the SDK's retries stay the one retry layer.
import type { NodeHttpHandler, NodeHttpHandlerOptions } from '@smithy/node-http-handler';
import type { Env } from './proxy';

type Handler = Pick<
  NodeHttpHandler,
  'metadata' | 'handle' | 'destroy' | 'updateHttpClientConfig' | 'httpHandlerConfigs'
>;

export class ProxyRequestHandler implements Handler {
  readonly metadata = { handlerProtocol: 'http/1.1' };
  private readonly options: NodeHttpHandlerOptions = {};
  private handler?: Promise<NodeHttpHandler>;

  constructor(private readonly env: Env) {}

  handle(...args: Parameters<NodeHttpHandler['handle']>): ReturnType<NodeHttpHandler['handle']> {
    this.handler ??= import('./proxy-agents').then((m) => m.proxyHandler(this.env, this.options));
    return this.handler.then((h) => h.handle(...args));
  }

  destroy(): void {
    void this.handler?.then((h) => h.destroy());
  }

  updateHttpClientConfig(...[key, value]: Parameters<NodeHttpHandler['updateHttpClientConfig']>): void {
    Object.assign(this.options, { [key]: value });
    void this.handler?.then((h) => h.updateHttpClientConfig(key, value));
  }

  httpHandlerConfigs(): NodeHttpHandlerOptions {
    return { ...this.options };
  }
}
