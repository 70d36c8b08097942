import { connect, createServer, type AddressInfo, type Socket } from 'node:net';

/**
 * A TCP proxy in front of a subgraph that plays a peer closing idle keep-alive connections
 * without announcing it (a subgraph with a short keep-alive, an L4 proxy): a request sent on a
 * connection idle for longer than `idleMs` meets a reset instead of being forwarded, which is
 * what a reused socket meets when the other side closed it first.
 */
export async function startResetProxy(targetUrl: string, idleMs: number) {
  const target = new URL(targetUrl);
  let resets = 0;
  const open = new Set<Socket>();
  const server = createServer((client) => {
    const upstream = connect(Number(target.port), target.hostname);
    for (const socket of [client, upstream]) {
      open.add(socket);
      socket.once('close', () => open.delete(socket));
    }
    let lastActivity = Date.now();
    let used = false;
    client.on('data', (chunk) => {
      if (used && Date.now() - lastActivity > idleMs) {
        resets += 1;
        upstream.destroy();
        client.resetAndDestroy();
        return;
      }
      used = true;
      lastActivity = Date.now();
      upstream.write(chunk);
    });
    upstream.on('data', (chunk) => {
      lastActivity = Date.now();
      client.write(chunk);
    });
    client.on('error', () => upstream.destroy());
    upstream.on('error', () => client.destroy());
    client.on('close', () => upstream.destroy());
    upstream.on('close', () => client.destroy());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}${target.pathname}`,
    /** Requests answered with a reset so far. */
    resets: () => resets,
    stop: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        for (const socket of open) socket.destroy();
      }),
  };
}
