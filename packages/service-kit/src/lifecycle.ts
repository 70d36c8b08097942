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

/** Something with a start that may fail while a dependency is away, and a stop. */
export interface Startable {
  start: () => Promise<void>;
  stop: () => Promise<void>;
}

export interface BackgroundStartOptions {
  firstPauseMs?: number;
  maxPauseMs?: number;
}

/**
 * Starts `startable` in the background, again after a growing pause (doubling up to
 * `maxPauseMs`) until it succeeds: a dependency away at boot (a Kafka broker being restarted)
 * delays this part only, and the service serves what does not need it meanwhile. `started`
 * resolves once it has started (or the attempts were stopped); `stop` ends the attempts and
 * stops what did start.
 */
export function startInBackground(
  name: string,
  startable: Startable,
  logger: Logger,
  options: BackgroundStartOptions = {},
): Stoppable & { started: Promise<void> } {
  const firstPauseMs = options.firstPauseMs ?? 500;
  const maxPauseMs = options.maxPauseMs ?? 15_000;
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let wake: () => void = () => undefined;
  const started = (async () => {
    for (let attempt = 1; !stopped; attempt += 1) {
      try {
        await startable.start();
        if (attempt > 1) logger.info({ attempt }, `${name} started`);
        return;
      } catch (error) {
        const pauseMs = Math.min(firstPauseMs * 2 ** (attempt - 1), maxPauseMs);
        logger.warn({ err: error, attempt, retryInMs: pauseMs }, `${name} could not start; trying again`);
        await new Promise<void>((resolve) => {
          wake = resolve;
          timer = setTimeout(resolve, pauseMs);
        });
      }
    }
  })();
  return {
    name,
    started,
    stop: async () => {
      stopped = true;
      clearTimeout(timer);
      wake();
      await started;
      await startable.stop();
    },
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
