import { setTimeout as sleep } from 'node:timers/promises';
import { Client } from 'pg';
import type { Logger } from 'pino';

/** The channel the outbox trigger notifies on commit (`OutboxWakeOnCommit`). */
export const OUTBOX_CHANNEL = 'outbox';

export interface OutboxListenerSettings {
  /**
   * A direct connection to the database (not through PgBouncer in transaction mode, which does not
   * carry LISTEN): in Kubernetes the cluster's `-rw` Service, DATABASE_LISTEN_URL.
   */
  connectionString: string;
  /** Called on every notification, and once each time listening (re)starts (events may have been missed meanwhile). */
  onWake: () => void;
  logger: Logger;
  applicationName?: string;
  /** Pause before connecting again after the connection was lost (default 1 s, doubling to 30 s). */
  retryMs?: number;
}

/**
 * Holds one connection that LISTENs on the outbox channel, so the relay publishes an event
 * milliseconds after its transaction commits instead of at its next poll. Losing the connection
 * costs only speed: the relay keeps polling, and this connects again in the background.
 */
export class OutboxListener {
  private client: Client | null = null;
  private running = false;
  private loop: Promise<void> | undefined;
  private lost: (() => void) | undefined;

  constructor(private readonly settings: OutboxListenerSettings) {}

  /** Whether notifications are being received now. */
  get listening(): boolean {
    return this.client !== null;
  }

  start(): void {
    if (this.running) return;
    this.running = true;
    this.loop = this.keepListening();
  }

  async stop(): Promise<void> {
    this.running = false;
    this.lost?.();
    await this.loop;
  }

  private async keepListening(): Promise<void> {
    const firstPause = this.settings.retryMs ?? 1_000;
    let pause = firstPause;
    while (this.running) {
      try {
        await this.listenUntilLost();
        pause = firstPause;
      } catch (error) {
        if (!this.running) break;
        this.settings.logger.warn({ err: error, retryInMs: pause }, 'outbox listener: no connection, the relay polls meanwhile');
        await sleep(pause);
        pause = Math.min(pause * 2, 30_000);
      }
    }
  }

  /** Connects and LISTENs; resolves when the connection ends (or stop is asked), rejects when it cannot be made. */
  private async listenUntilLost(): Promise<void> {
    const client = new Client({
      connectionString: this.settings.connectionString,
      application_name: this.settings.applicationName ?? 'outbox-listener',
      keepAlive: true,
    });
    const ended = new Promise<void>((resolve) => {
      this.lost = resolve;
      client.on('error', (error) => {
        this.settings.logger.warn({ err: error }, 'outbox listener: connection lost');
        resolve();
      });
      client.on('end', () => resolve());
    });
    client.on('notification', () => this.settings.onWake());
    try {
      await client.connect();
      await client.query(`LISTEN ${OUTBOX_CHANNEL}`);
      if (!this.running) return;
      this.client = client;
      this.settings.onWake();
      await ended;
    } finally {
      this.client = null;
      await client.end().catch(() => undefined);
    }
  }
}
