import { Logger } from '@nestjs/common';
import { DomainEvent, DomainEventType, DomainEvents } from '@app/domain';
import { Client } from 'pg';
import { DataSource, EntityManager } from 'typeorm';

export const OUTBOX_CHANNEL = 'outbox_event';

export type EventHandler<T extends DomainEventType = DomainEventType> = (
  event: DomainEvent<T>,
  manager: EntityManager,
) => Promise<void>;

/** Writes an event inside the caller's transaction; NOTIFY is delivered only if it commits. */
export async function publishEvent<T extends DomainEventType>(
  manager: EntityManager,
  type: T,
  payload: DomainEvents[T],
): Promise<string> {
  if (!manager.queryRunner?.isTransactionActive) {
    throw new Error(`outbox: '${type}' must be published inside a transaction`);
  }
  const rows: { id: string }[] = await manager.query(
    `INSERT INTO outbox_event (type, payload) VALUES ($1, $2) RETURNING id;`,
    [type, JSON.stringify(payload)],
  );
  await manager.query('SELECT pg_notify($1, $2)', [OUTBOX_CHANNEL, type]);
  return rows[0].id;
}

interface StoredEvent {
  id: string;
  type: DomainEventType;
  payload: unknown;
  occurred_at: Date;
}

interface Subscription {
  consumer: string;
  handlers: Map<DomainEventType, EventHandler>;
  draining: boolean;
  again: boolean;
  /** Events whose handler failed: how often, and not before when to try again. */
  retries: Map<string, { attempts: number; at: number }>;
}

export interface OutboxDispatcherOptions {
  connectionString: string;
  pollIntervalMs: number;
  batchSize?: number;
}

/**
 * Delivers outbox events to the consumers registered in this process, at least
 * once and at most once per consumer: the consumption row is inserted in the
 * same transaction as the handler's writes, under an advisory lock, so two
 * instances of a consumer never both handle an event and a failed handler
 * leaves the event for the next round. LISTEN/NOTIFY wakes it; polling catches
 * whatever a lost connection missed.
 */
export class OutboxDispatcher {
  private readonly logger = new Logger(OutboxDispatcher.name);
  private readonly subscriptions = new Map<string, Subscription>();
  private listener: Client | null = null;
  private timer: NodeJS.Timeout | null = null;
  private stopped = true;
  private readonly inFlight = new Set<Promise<void>>();
  private readonly batchSize: number;

  constructor(
    private readonly dataSource: DataSource,
    private readonly options: OutboxDispatcherOptions,
  ) {
    this.batchSize = options.batchSize ?? 100;
  }

  subscribe<T extends DomainEventType>(consumer: string, type: T, handler: EventHandler<T>): void {
    let subscription = this.subscriptions.get(consumer);
    if (!subscription) {
      subscription = { consumer, handlers: new Map(), draining: false, again: false, retries: new Map() };
      this.subscriptions.set(consumer, subscription);
    }
    if (subscription.handlers.has(type)) throw new Error(`outbox: ${consumer} already handles ${type}`);
    subscription.handlers.set(type, handler as unknown as EventHandler);
  }

  async start(): Promise<void> {
    if (this.subscriptions.size === 0 || !this.stopped) return;
    this.stopped = false;
    await this.listen();
    this.timer = setInterval(() => this.wake(), this.options.pollIntervalMs);
    this.timer.unref();
    this.wake();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    const listener = this.listener;
    this.listener = null;
    await listener?.end().catch(() => undefined);
    await Promise.all([...this.inFlight]);
  }

  /** Handles every pending event now; resolves when this round is done (used by tests and shutdown). */
  async drainAll(): Promise<void> {
    await Promise.all([...this.subscriptions.values()].map((s) => this.drain(s)));
  }

  private wake(type?: string): void {
    for (const subscription of this.subscriptions.values()) {
      if (type && !subscription.handlers.has(type as DomainEventType)) continue;
      const run = this.drain(subscription);
      this.inFlight.add(run);
      void run.finally(() => this.inFlight.delete(run));
    }
  }

  private async listen(): Promise<void> {
    const client = new Client({ connectionString: this.options.connectionString });
    client.on('notification', (message) => this.wake(message.payload));
    client.on('error', (error) => {
      this.logger.warn(`outbox listener lost its connection: ${error.message}; polling until it is back`);
      this.listener = null;
      void client.end().catch(() => undefined);
      this.scheduleReconnect();
    });
    try {
      await client.connect();
      await client.query(`LISTEN ${OUTBOX_CHANNEL}`);
      this.listener = client;
    } catch (error) {
      this.logger.warn(`outbox listener could not connect: ${(error as Error).message}; polling only`);
      await client.end().catch(() => undefined);
      this.scheduleReconnect();
    }
  }

  private scheduleReconnect(): void {
    if (this.stopped) return;
    setTimeout(() => {
      if (!this.stopped && !this.listener) void this.listen();
    }, this.options.pollIntervalMs * 5).unref();
  }

  private async drain(subscription: Subscription): Promise<void> {
    if (subscription.draining) {
      subscription.again = true;
      return;
    }
    subscription.draining = true;
    try {
      do {
        subscription.again = false;
        const events = await this.pending(subscription);
        let handled = 0;
        for (const event of events) {
          if ((subscription.retries.get(event.id)?.at ?? 0) > Date.now()) continue;
          if (await this.handle(subscription, event)) handled += 1;
        }
        if (handled > 0 && events.length === this.batchSize) subscription.again = true;
      } while (subscription.again && !this.stopped);
    } catch (error) {
      this.logger.error(`outbox drain for ${subscription.consumer} failed: ${(error as Error).message}`);
    } finally {
      subscription.draining = false;
    }
  }

  private pending(subscription: Subscription): Promise<StoredEvent[]> {
    return this.dataSource.query(
      `SELECT e.id, e.type, e.payload, e.occurred_at FROM outbox_event e
        WHERE e.type = ANY($2)
          AND NOT EXISTS (SELECT 1 FROM outbox_consumption c WHERE c.consumer = $1 AND c.event_id = e.id)
        ORDER BY e.id LIMIT $3`,
      [subscription.consumer, [...subscription.handlers.keys()], this.batchSize],
    );
  }

  /** Handles one event in its own transaction; false when it failed and waits for a retry. */
  private async handle(subscription: Subscription, stored: StoredEvent): Promise<boolean> {
    const handler = subscription.handlers.get(stored.type);
    if (!handler) return false;
    try {
      await this.dataSource.transaction(async (manager) => {
        const [{ locked }]: { locked: boolean }[] = await manager.query(
          `SELECT pg_try_advisory_xact_lock(hashtextextended($1 || ':' || $2::text, 0)) AS locked`,
          [subscription.consumer, stored.id],
        );
        if (!locked) return;
        const claimed: unknown[] = await manager.query(
          `INSERT INTO outbox_consumption (consumer, event_id) VALUES ($1, $2)
           ON CONFLICT DO NOTHING RETURNING event_id`,
          [subscription.consumer, stored.id],
        );
        if (claimed.length === 0) return;
        const event: DomainEvent = {
          id: stored.id,
          type: stored.type,
          payload: stored.payload as DomainEvents[DomainEventType],
          occurredAt: new Date(stored.occurred_at).toISOString(),
        };
        await handler(event, manager);
      });
      subscription.retries.delete(stored.id);
      return true;
    } catch (error) {
      const attempts = (subscription.retries.get(stored.id)?.attempts ?? 0) + 1;
      const delay = Math.min(30_000, this.options.pollIntervalMs * 2 ** (attempts - 1));
      subscription.retries.set(stored.id, { attempts, at: Date.now() + delay });
      this.logger.error(
        `${subscription.consumer} failed on event ${stored.id} (${stored.type}), attempt ${attempts}: ${(error as Error).message}; retrying in ${delay} ms`,
      );
      return false;
    }
  }
}
