import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { DynamoDBClient, ListTablesCommand } from '@aws-sdk/client-dynamodb';
import { ForwardProxy } from '@deploy-actions/testbed/forward-proxy';
import { clientConfig } from '../src/aws';
import { bypassesProxy, proxyFetch, proxyFor } from '../src/proxy';
import { ProxyRequestHandler } from '../src/proxy-sdk';

describe('NO_PROXY', () => {
  it.each([
    ['orders.internal', 443, 'orders.internal', true],
    ['ORDERS.internal', 443, 'orders.INTERNAL', true],
    ['api.example.com', 443, 'example.com', true],
    ['api.example.com', 443, '.example.com', true],
    ['api.example.com', 443, '*.example.com', true],
    ['example.com', 443, '.example.com', true],
    ['badexample.com', 443, 'example.com', false],
    ['example.com.evil.io', 443, 'example.com', false],
    ['api.example.com', 8443, 'example.com:8443', true],
    ['api.example.com', 443, 'example.com:8443', false],
    ['127.0.0.1', 80, '127.0.0.1', true],
    ['127.0.0.1', 80, '0.0.1', false],
    ['127.0.0.1', 4566, '127.0.0.1:4566', true],
    ['127.0.0.1', 4567, '127.0.0.1:4566', false],
    ['[::1]', 80, '::1', true],
    ['[::1]', 8080, '[::1]:8080', true],
    ['[::1]', 8081, '[::1]:8080', false],
    ['anything.at.all', 443, '*', true],
    ['sts.amazonaws.com', 443, ' localhost , 169.254.169.254  amazonaws.com ', true],
    ['api.github.com', 443, 'localhost,169.254.169.254,.amazonaws.com', false],
    ['api.github.com', 443, '', false],
    ['api.github.com', 443, ',,.', false],
  ])('%s:%d with NO_PROXY=%j bypasses the proxy: %s', (host, port, noProxy, bypassed) => {
    expect(bypassesProxy(host, port, noProxy)).toBe(bypassed);
  });
});

describe('proxyFor', () => {
  const env = { HTTPS_PROXY: 'http://tls-proxy:3128', HTTP_PROXY: 'http://plain-proxy:3128' };

  it('sends https URLs to HTTPS_PROXY and http URLs to HTTP_PROXY', () => {
    expect(proxyFor('https://api.github.com/repos', env)).toBe('http://tls-proxy:3128');
    expect(proxyFor('http://ghes.corp/api/v3', env)).toBe('http://plain-proxy:3128');
  });

  it('goes direct when the URL scheme has no proxy variable', () => {
    expect(proxyFor('https://api.github.com/', { HTTP_PROXY: 'http://plain-proxy:3128' })).toBeUndefined();
    expect(proxyFor('http://ghes.corp/', { HTTPS_PROXY: 'http://tls-proxy:3128' })).toBeUndefined();
    expect(proxyFor('https://api.github.com/', { HTTPS_PROXY: '', NO_PROXY: 'corp' })).toBeUndefined();
  });

  it('prefers the lower-case variable and reads a proxy without a scheme as http', () => {
    const both = { https_proxy: 'proxy.corp:8080', HTTPS_PROXY: 'http://other:3128' };
    expect(proxyFor('https://lambda.us-east-1.amazonaws.com/', both)).toBe('http://proxy.corp:8080');
  });

  it('applies NO_PROXY with the default port of the scheme', () => {
    const noProxy = { ...env, no_proxy: 'amazonaws.com:443,ghes.corp:80' };
    expect(proxyFor('https://lambda.us-east-1.amazonaws.com/', noProxy)).toBeUndefined();
    expect(proxyFor('https://lambda.us-east-1.amazonaws.com:8443/', noProxy)).toBe('http://tls-proxy:3128');
    expect(proxyFor('http://ghes.corp/api/v3', noProxy)).toBeUndefined();
  });
});

describe('clientConfig', () => {
  const opts = { region: 'us-east-1', maxAttempts: 3 };

  it('is what it always was when no proxy variable is set, NO_PROXY or not', () => {
    const plain = {
      region: 'us-east-1',
      maxAttempts: 3,
      retryMode: 'standard',
      customUserAgent: [['deploy-actions', '1.0.0']],
    };
    expect(clientConfig(opts, {})).toEqual(plain);
    expect(clientConfig(opts, { NO_PROXY: '*', HTTPS_PROXY: '' })).toEqual(plain);
  });

  it('gives the SDK a proxy-aware request handler, keeping its retries, when one is set', () => {
    const config = clientConfig(opts, { https_proxy: 'http://proxy.corp:3128' });
    expect(config.requestHandler).toBeInstanceOf(ProxyRequestHandler);
    expect(config).toMatchObject({ maxAttempts: 3, retryMode: 'standard' });
  });
});

describe('through a local proxy', () => {
  const saved = { ...process.env };
  let server: Server;
  let endpoint: string;
  let proxy: ForwardProxy;

  beforeAll(async () => {
    // Answers fetch, and the SDK as DynamoDB answers ListTables.
    server = createServer((req, res) => {
      req.resume();
      res.writeHead(200, { 'content-type': 'application/x-amz-json-1.0' });
      res.end('{"TableNames":["deployments"]}');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    proxy = await ForwardProxy.start();
  });
  afterEach(() => {
    process.env = { ...saved };
    proxy.clear();
    proxy.refuse = false;
  });
  afterAll(async () => {
    await proxy.stop();
    await new Promise((resolve) => server.close(resolve));
  });

  async function callBoth() {
    const res = await proxyFetch(`${endpoint}/health`);
    const dynamodb = new DynamoDBClient({
      ...clientConfig({ region: 'us-east-1', maxAttempts: 1 }),
      endpoint,
      credentials: { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'secret' },
    });
    try {
      // Twice: the second request rides the kept-alive connection.
      await dynamodb.send(new ListTablesCommand({}));
      const tables = await dynamodb.send(new ListTablesCommand({}));
      return { fetched: res.status, sdk: tables.TableNames };
    } finally {
      dynamodb.destroy();
    }
  }

  it('sends fetch and the SDK through HTTP_PROXY', async () => {
    process.env = { ...saved, HTTP_PROXY: proxy.url, NO_PROXY: '' };
    expect(await callBoth()).toEqual({ fetched: 200, sdk: ['deployments'] });
    const target = new URL(endpoint).host;
    expect(proxy.requests.map((r) => `${r.method} ${r.target}`)).toEqual([
      `GET ${target}`,
      `POST ${target}`,
      `POST ${target}`,
    ]);
  });

  it('goes direct to a NO_PROXY host, even with a proxy that refuses everything', async () => {
    process.env = { ...saved, http_proxy: proxy.url, no_proxy: 'localhost,127.0.0.1' };
    proxy.refuse = true;
    expect(await callBoth()).toEqual({ fetched: 200, sdk: ['deployments'] });
    expect(proxy.requests).toEqual([]);
  });

  it('fails with the proxy refusal when the host is not exempt', async () => {
    process.env = { ...saved, HTTP_PROXY: proxy.url, NO_PROXY: 'localhost' };
    proxy.refuse = true;
    expect((await proxyFetch(`${endpoint}/health`)).status).toBe(403);
    expect(proxy.requests).toMatchObject([{ refused: true }]);
  });
});
