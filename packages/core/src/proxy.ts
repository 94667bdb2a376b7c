// The runner's proxy settings, read as curl reads them (https://curl.se/docs/manpage.html#ENVIRONMENT) and as
// GitHub documents them for self-hosted runners
// (https://docs.github.com/en/actions/hosting-your-own-runners/managing-self-hosted-runners/using-a-proxy-server-with-self-hosted-runners):
// https URLs go through HTTPS_PROXY, http URLs through HTTP_PROXY (the lower-case name wins when both are set),
// except hosts that NO_PROXY lists. This file loads no proxy library: without a proxy variable every call is
// made as before, and the libraries are imported only when one is set.

export type Env = Record<string, string | undefined>;

/** What the actions' HTTP calls need of fetch; the global fetch is one. */
export type Fetch = (url: string | URL, init?: RequestInit) => Promise<Response>;

function variable(env: Env, name: string): string {
  return (env[name] || env[name.toUpperCase()] || '').trim();
}

/** Whether HTTPS_PROXY or HTTP_PROXY is set; NO_PROXY alone changes nothing. */
export function proxyConfigured(env: Env = process.env): boolean {
  return variable(env, 'https_proxy') !== '' || variable(env, 'http_proxy') !== '';
}

/** The proxy URL for a request to host:port over `protocol` ('https:' or 'http:'), or undefined: go direct. */
export function proxyForHost(protocol: string, host: string, port: number, env: Env = process.env) {
  const name = protocol === 'https:' ? 'https_proxy' : protocol === 'http:' ? 'http_proxy' : undefined;
  const proxy = name ? variable(env, name) : '';
  if (proxy === '' || bypassesProxy(host, port, variable(env, 'no_proxy'))) return undefined;
  // `proxy.corp:3128` without a scheme means http://, as curl reads it.
  return /^[a-z][a-z\d+.-]*:\/\//i.test(proxy) ? proxy : `http://${proxy}`;
}

/** The proxy URL for a request to `url`, or undefined: go direct. */
export function proxyFor(url: string | URL, env: Env = process.env): string | undefined {
  const u = new URL(url);
  const port = Number(u.port) || (u.protocol === 'https:' ? 443 : 80);
  return proxyForHost(u.protocol, u.hostname, port, env);
}

const unbracket = (host: string) => host.replace(/^\[(.*)\]$/, '$1').toLowerCase();
const isIp = (host: string) => host.includes(':') || /^\d{1,3}(\.\d{1,3}){3}$/.test(host);

/**
 * NO_PROXY: `*`, or a list (commas or spaces) of host names, domains (`example.com` and `.example.com` both
 * cover every subdomain), IP addresses (`[::1]` or `::1`), each with an optional `:port`.
 */
export function bypassesProxy(host: string, port: number, noProxy: string): boolean {
  const name = unbracket(host);
  return noProxy
    .split(/[\s,]+/)
    .filter(Boolean)
    .some((entry) => {
      if (entry === '*') return true;
      const m = /^\[([^\]]+)\](?::(\d+))?$/.exec(entry) ?? /^([^:]+):(\d+)$/.exec(entry);
      const listed = unbracket(m ? m[1]! : entry);
      if (m?.[2] !== undefined && Number(m[2]) !== port) return false;
      if (isIp(name) || isIp(listed)) return name === listed;
      const domain = listed.replace(/^\*?\./, '');
      return domain !== '' && (name === domain || name.endsWith(`.${domain}`));
    });
}

/** fetch through the runner's proxy when one is set; the global fetch, untouched, when none is. */
export async function proxyFetch(url: string | URL, init?: RequestInit): Promise<Response> {
  if (!proxyConfigured()) return globalThis.fetch(url, init);
  const { fetchViaProxy } = await import('./proxy-fetch');
  return fetchViaProxy(url, init);
}
