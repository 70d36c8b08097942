import { connect } from 'node:net';
import type { AddressInfo } from 'node:net';
import express from 'express';
import pino from 'pino';
import { DEFAULT_KEEP_ALIVE_TIMEOUT_MS, listen, startInBackground } from './lifecycle';

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

describe('startInBackground', () => {
  const logger = pino({ level: 'silent' });

  it('tries again, with growing pauses, until the start succeeds', async () => {
    const attempts: number[] = [];
    let running = false;
    const background = startInBackground('consumer', {
      start: async () => {
        attempts.push(Date.now());
        if (attempts.length < 4) throw new Error('broker unreachable');
        running = true;
      },
      stop: async () => {
        running = false;
      },
    }, logger, { firstPauseMs: 20, maxPauseMs: 60 });
    await background.started;
    expect(attempts).toHaveLength(4);
    expect(running).toBe(true);
    const pauses = attempts.slice(1).map((at, index) => at - attempts[index]);
    expect(pauses[1]).toBeGreaterThanOrEqual(35); // 20, then 40, then capped at 60
    expect(pauses[2]).toBeGreaterThanOrEqual(55);
    await background.stop();
    expect(running).toBe(false);
  });

  it('stops trying once stopped', async () => {
    let attempts = 0;
    const background = startInBackground('consumer', {
      start: async () => {
        attempts += 1;
        throw new Error('broker unreachable');
      },
      stop: async () => undefined,
    }, logger, { firstPauseMs: 30, maxPauseMs: 30 });
    await new Promise((resolve) => setTimeout(resolve, 15));
    await background.stop();
    await new Promise((resolve) => setTimeout(resolve, 120)); // unstopped, three more attempts would have come
    expect(attempts).toBe(1);
  });
});
