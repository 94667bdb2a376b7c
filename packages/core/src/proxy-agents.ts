// The SDK's handler behind a proxy, loaded only when a proxy variable is set (see proxy-sdk.ts): each request
// goes through the proxy that proxyFor names (a CONNECT tunnel for https, an absolute-form request for http)
// or, for NO_PROXY's hosts, direct. As the proxy-agent package routes, without its PAC and SOCKS.
import { Agent as HttpAgent, type AgentOptions, type ClientRequest } from 'node:http';
import { Agent as HttpsAgent } from 'node:https';
import { NodeHttpHandler, type NodeHttpHandlerOptions } from '@smithy/node-http-handler';
import { HttpProxyAgent } from 'http-proxy-agent';
import { HttpsProxyAgent } from 'https-proxy-agent';
import { proxyForHost, type Env } from './proxy';

// What the SDK gives its own agents.
const OPTIONS: AgentOptions = { keepAlive: true, maxSockets: 50 };

type Delegate = HttpAgent & { addRequest(req: ClientRequest, options: RequestOptions): void };
interface RequestOptions {
  host?: string | null;
  port?: number | string | null;
}

class EnvProxyAgent extends HttpAgent {
  private readonly direct: Delegate;
  private readonly viaProxy = new Map<string, Delegate>();

  constructor(
    private readonly secure: boolean,
    private readonly env: Env,
  ) {
    super(OPTIONS);
    this.direct = (secure ? new HttpsAgent(OPTIONS) : new HttpAgent(OPTIONS)) as Delegate;
    // https.request refuses an agent whose protocol is not https:.
    if (secure) Object.assign(this, { protocol: 'https:', defaultPort: 443 });
  }

  // Node hands each request to its agent here (what every proxy agent hooks). Choosing at once, before the
  // request's header is written, lets the proxy agent put the absolute URL in it on a reused connection too.
  addRequest(req: ClientRequest, options: RequestOptions): void {
    const port = Number(options.port) || (this.secure ? 443 : 80);
    const proxy = proxyForHost(this.secure ? 'https:' : 'http:', options.host ?? 'localhost', port, this.env);
    (proxy ? this.proxyAgent(proxy) : this.direct).addRequest(req, options);
  }

  destroy(): void {
    this.direct.destroy();
    for (const agent of this.viaProxy.values()) agent.destroy();
    super.destroy();
  }

  private proxyAgent(proxy: string): Delegate {
    let agent = this.viaProxy.get(proxy);
    if (!agent) {
      agent = (
        this.secure ? new HttpsProxyAgent(proxy, OPTIONS) : new HttpProxyAgent(proxy, OPTIONS)
      ) as Delegate;
      this.viaProxy.set(proxy, agent);
    }
    return agent;
  }
}

/** The SDK's handler with one agent for each protocol, both routed by the same rules as proxyFetch. */
export function proxyHandler(env: Env, options: NodeHttpHandlerOptions): NodeHttpHandler {
  return new NodeHttpHandler({
    ...options,
    httpAgent: new EnvProxyAgent(false, env),
    httpsAgent: new EnvProxyAgent(true, env),
  });
}
