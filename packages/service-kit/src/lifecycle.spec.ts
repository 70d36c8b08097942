import { connect } from 'node:net';
import type { AddressInfo } from 'node:net';
import express from 'express';
import { DEFAULT_KEEP_ALIVE_TIMEOUT_MS, listen } from './lifecycle';

const app = express().get('/ping', (_request, response) => {
  response.json({ ok: true });
});

describe('listen', () => {
  it('keeps idle connections 65 s by default, and waits for headers a little longer', async () => {
    const server = await listen(app, 0, { host: '127.0.0.1' });
    server.close();
    expect(DEFAULT_KEEP_ALIVE_TIMEOUT_MS).toBe(65_000);
    expect(server.keepAliveTimeout).toBe(65_000);
    expect(server.headersTimeout).toBeGreaterThan(server.keepAliveTimeout);
  });

  it('serves a second request on a kept-alive socket after a pause, and closes it once idle for the configured time', async () => {
    const server = await listen(app, 0, { host: '127.0.0.1', keepAliveTimeoutMs: 1_200 });
    const socket = connect((server.address() as AddressInfo).port, '127.0.0.1');
    const closed = new Promise<number>((resolve) => socket.once('close', () => resolve(Date.now())));
    let received = '';
    socket.on('data', (chunk) => {
      received += chunk.toString();
    });
    const ask = () => socket.write('GET /ping HTTP/1.1\r\nHost: edge\r\nConnection: keep-alive\r\n\r\n');
    ask();
    await new Promise((resolve) => setTimeout(resolve, 800));
    ask(); // within the keep-alive time: the same socket answers again
    const lastRequest = Date.now();
    const closedAt = await closed;
    server.close();
    expect(received.match(/HTTP\/1\.1 200 OK/g)).toHaveLength(2);
    expect(closedAt - lastRequest).toBeGreaterThanOrEqual(1_100);
    expect(closedAt - lastRequest).toBeLessThan(4_000); // Node's own default would be 5 s
  });

  it('rejects when the port is taken', async () => {
    const first = await listen(app, 0, { host: '127.0.0.1' });
    await expect(listen(app, (first.address() as AddressInfo).port, { host: '127.0.0.1' })).rejects.toThrow(/EADDRINUSE/);
    first.close();
  });
});
