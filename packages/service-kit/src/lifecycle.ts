import { createServer, type Server } from 'node:http';
import type { Express } from 'express';
import type { Logger } from 'pino';

/** Something started at boot that must be stopped, in reverse order, at shutdown. */
export interface Stoppable {
  name: string;
  stop: () => Promise<void>;
}

export interface ListenOptions {
  host?: string;
  /** How long an idle keep-alive connection stays open (default 65 s). */
  keepAliveTimeoutMs?: number;
}

/** Above the idle timeouts of the clients in front (the gateway's agent, load balancers at 60 s). */
export const DEFAULT_KEEP_ALIVE_TIMEOUT_MS = 65_000;

/**
 * Listens on 0.0.0.0:port and resolves once the socket is bound. Idle keep-alive connections
 * stay open `keepAliveTimeoutMs`, longer than any caller keeps them, so a caller never sends on
 * a socket this server has just closed ("socket hang up"); headers may take a little longer
 * still, as Node requires of `headersTimeout`.
 */
export function listen(app: Express, port: number, options: ListenOptions = {}): Promise<Server> {
  const server = createServer(app);
  server.keepAliveTimeout = options.keepAliveTimeoutMs ?? DEFAULT_KEEP_ALIVE_TIMEOUT_MS;
  server.headersTimeout = server.keepAliveTimeout + 5_000;
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, options.host ?? '0.0.0.0', () => {
      server.off('error', reject);
      resolve(server);
    });
  });
}

/** Stops an HTTP server: no new connections, idle keep-alive sockets closed. */
export function closeServer(server: Server): Stoppable {
  return {
    name: 'http',
    stop: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeIdleConnections();
      }),
  };
}

/**
 * On SIGTERM/SIGINT stops everything in reverse start order, then exits; a stop that hangs
 * longer than `timeoutMs` ends the process with status 1 so Kubernetes can replace it.
 */
export function handleShutdown(logger: Logger, stoppables: Stoppable[], timeoutMs = 20_000): void {
  let stopping = false;
  const shutdown = async (signal: string): Promise<void> => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'shutting down');
    const timer = setTimeout(() => {
      logger.error('shutdown timed out');
      process.exit(1);
    }, timeoutMs);
    timer.unref();
    for (const stoppable of [...stoppables].reverse()) {
      try {
        await stoppable.stop();
        logger.info({ component: stoppable.name }, 'stopped');
      } catch (error) {
        logger.error({ err: error, component: stoppable.name }, 'stop failed');
      }
    }
    process.exit(0);
  };
  process.once('SIGTERM', () => void shutdown('SIGTERM'));
  process.once('SIGINT', () => void shutdown('SIGINT'));
}
