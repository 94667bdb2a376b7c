// fetch through the runner's proxy, loaded by proxyFetch only when a proxy variable is set. undici's own fetch
// with its own agents, so that the dispatcher always fits the fetch (Node's built-in fetch is another copy of
// undici, of whatever version that Node ships).
import { Agent, ProxyAgent, fetch, type RequestInit as UndiciInit } from 'undici';
import { proxyFor } from './proxy';

const proxies = new Map<string, ProxyAgent>();

function proxyAgent(uri: string): ProxyAgent {
  let agent = proxies.get(uri);
  if (!agent) {
    // http URLs as absolute-form requests, as curl sends them: proxies often allow CONNECT to port 443 only.
    agent = new ProxyAgent({ uri, proxyTunnel: false });
    proxies.set(uri, agent);
  }
  return agent;
}

// Chosen for each request by its origin, so that a redirect to another host is routed by that host.
const dispatcher = new Agent().compose((direct) => (options, handler) => {
  const proxy = proxyFor(String(options.origin));
  return proxy ? proxyAgent(proxy).dispatch(options, handler) : direct(options, handler);
});

export async function fetchViaProxy(url: string | URL, init?: RequestInit): Promise<Response> {
  const res = await fetch(url, { ...(init as UndiciInit), dispatcher });
  return res as unknown as Response;
}
