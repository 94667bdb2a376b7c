// https in front of a plain-http stand-in (moto's proxy, the local GitHub), so that a client reaches it as it
// reaches AWS and GitHub: TLS to a host whose certificate it checks. The certificate is made for the run with
// the openssl command line and trusted by the steps through NODE_EXTRA_CA_CERTS.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { connect, type AddressInfo, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createServer } from 'node:tls';

export interface Certificate {
  /** The PEM file to give NODE_EXTRA_CA_CERTS. */
  certFile: string;
  cert: Buffer;
  key: Buffer;
}

/** A self-signed certificate for localhost and 127.0.0.1, valid for a day. */
export function selfSignedCertificate(): Certificate {
  const dir = mkdtempSync(join(tmpdir(), 'tls-front-'));
  const [certFile, keyFile] = [join(dir, 'cert.pem'), join(dir, 'key.pem')];
  execFileSync(
    'openssl',
    [
      ...['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes'],
      ...['-keyout', keyFile, '-out', certFile, '-days', '1', '-subj', '/CN=localhost'],
      ...['-addext', 'subjectAltName=DNS:localhost,IP:127.0.0.1'],
    ],
    { stdio: 'ignore' },
  );
  return { certFile, cert: readFileSync(certFile), key: readFileSync(keyFile) };
}

export interface TlsFront {
  /** The target's URL with https and the front's port. */
  url: string;
  stop(): Promise<void>;
}

/** Terminates TLS and relays the bytes to `target` (an http URL on this machine). */
export async function startTlsFront(target: string, certificate: Certificate): Promise<TlsFront> {
  const { hostname, port } = new URL(target);
  const sockets = new Set<Socket>();
  const track = (socket: Socket) => {
    sockets.add(socket);
    socket.once('close', () => sockets.delete(socket));
    socket.on('error', () => socket.destroy());
  };
  const server = createServer({ cert: certificate.cert, key: certificate.key }, (client) => {
    const upstream = connect(Number(port), hostname);
    track(client);
    track(upstream);
    client.pipe(upstream).pipe(client);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = new URL(target);
  url.protocol = 'https:';
  url.port = String((server.address() as AddressInfo).port);
  return {
    url: url.href.replace(/\/$/, target.endsWith('/') ? '/' : ''),
    stop: async () => {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
