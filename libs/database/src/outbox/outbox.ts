import { Logger } from '@nestjs/common';
import { DomainEvent, DomainEventType, DomainEvents } from '@app/domain';
import { Client } from 'pg';
import { DataSource, EntityManager } from 'typeorm';
import { DeadLetter, OUTBOX_CHANNEL, OutboxConsumerStats, OutboxRepository, StoredEvent } from './outbox.repository';

export { OUTBOX_CHANNEL, type DeadLetter, type OutboxConsumerStats } from './outbox.repository';

/**
 * Handles one event in the dispatcher's transaction. It may answer what to do once that
 * transaction has committed (telling sockets, say): run only then, never on a rollback.
 */
export type EventHandler<T extends DomainEventType = DomainEventType> = (
  event: DomainEvent<T>,
  manager: EntityManager,
) => Promise<void | (() => void)>;

/** Writes an event inside the caller's transaction; NOTIFY is delivered only if it commits. */
export async function publishEvent<T extends DomainEventType>(
  manager: EntityManager,
  type: T,
  payload: DomainEvents[T],
): Promise<string> {
  if (!manager.queryRunner?.isTransactionActive) {
    throw new Error(`outbox: '${type}' must be published inside a transaction`);
  }
  return new OutboxRepository(manager).append(type, payload);
}

interface Subscription {
  consumer: string;
  handlers: Map<DomainEventType, EventHandler>;
  /** The drain under way (with its repeats); a wake meanwhile asks it to go round once more. */
  draining: Promise<void> | null;
  again: boolean;
}

export interface OutboxDispatcherOptions {
  connectionString: string;
  pollIntervalMs: number;
  batchSize?: number;
  /** Failed attempts after which an event is dead-lettered for its consumer (default 10). */
  maxAttempts?: number;
  /** How long handled events are kept (default 7 days); 0 keeps them for ever. */
  retentionMs?: number;
}

/** How often handled events older than the retention are pruned. */
const PRUNE_INTERVAL_MS = 10 * 60_000;
/** The longest wait between two attempts on a failing event. */
const MAX_RETRY_DELAY_MS = 30_000;

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
  private pruneTimer: NodeJS.Timeout | null = null;
  private stopped = true;
  private readonly inFlight = new Set<Promise<void>>();
  private readonly batchSize: number;
  private readonly maxAttempts: number;
  private readonly retentionMs: number;
  private readonly outbox: OutboxRepository;

  constructor(
    private readonly dataSource: DataSource,
    private readonly options: OutboxDispatcherOptions,
  ) {
    this.batchSize = options.batchSize ?? 100;
    this.maxAttempts = options.maxAttempts ?? 10;
    this.retentionMs = options.retentionMs ?? 7 * 86_400_000;
    this.outbox = new OutboxRepository(dataSource.manager);
  }

  subscribe<T extends DomainEventType>(consumer: string, type: T, handler: EventHandler<T>): void {
    let subscription = this.subscriptions.get(consumer);
    if (!subscription) {
      subscription = { consumer, handlers: new Map(), draining: null, again: false };
      this.subscriptions.set(consumer, subscription);
    }
    if (subscription.handlers.has(type)) throw new Error(`outbox: ${consumer} already handles ${type}`);
    subscription.handlers.set(type, handler as unknown as EventHandler);
  }

  async start(): Promise<void> {
    if (this.subscriptions.size === 0 || !this.stopped) return;
    this.stopped = false;
    await this.register();
    await this.listen();
    this.timer = setInterval(() => this.wake(), this.options.pollIntervalMs);
    this.timer.unref();
    if (this.retentionMs > 0) {
      const prune = () => this.track(this.prune().then(() => undefined));
      this.pruneTimer = setInterval(prune, PRUNE_INTERVAL_MS);
      this.pruneTimer.unref();
      prune();
    }
    this.wake();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    for (const timer of [this.timer, this.pruneTimer]) if (timer) clearInterval(timer);
    this.timer = null;
    this.pruneTimer = null;
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
      this.track(this.drain(subscription));
    }
  }

  /** Keeps a background run until it settles, so stop() waits for it. */
  private track(run: Promise<void>): void {
    this.inFlight.add(run);
    // Runs passed here (drain) log their failures themselves and never reject.
    void run.finally(() => this.inFlight.delete(run));
  }

  /** Records this process's consumers and their types: pruning waits for every consumer that ever ran. */
  private async register(): Promise<void> {
    for (const subscription of this.subscriptions.values()) {
      await this.outbox.registerConsumer(subscription.consumer, [...subscription.handlers.keys()]);
    }
  }

  /**
   * Deletes handled events older than the retention: those every registered consumer of their
   * type has handled or dead-lettered (a consumer that is down keeps its events). Resolves with
   * how many were deleted; a failure (the database is down) waits for the next round.
   */
  async prune(): Promise<number> {
    try {
      const deleted = await this.outbox.prune(this.retentionMs);
      if (deleted > 0) this.logger.log(`pruned ${deleted} handled outbox events older than ${Math.round(this.retentionMs / 3_600_000)} h`);
      return deleted;
    } catch (error) {
      this.logger.warn(`outbox pruning failed: ${(error as Error).message}; trying again later`);
      return 0;
    }
  }

  /** The counters of every registered consumer (all processes'), for operators. */
  stats(): Promise<OutboxConsumerStats[]> {
    return this.outbox.stats();
  }

  /** Dead letters, newest first. */
  deadLetters(limit: number): Promise<DeadLetter[]> {
    return this.outbox.deadLetters(limit);
  }

  /** Gives a dead letter a fresh set of attempts, at once; false when there is no such dead letter. */
  async retry(consumer: string, eventId: string): Promise<boolean> {
    const updated = await this.outbox.revive(consumer, eventId);
    if (updated) this.wake();
    return updated;
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
      // listen() logs a failed connection and schedules the next attempt itself.
      if (!this.stopped && !this.listener) void this.listen();
    }, this.options.pollIntervalMs * 5).unref();
  }

  /** Drains the subscription; when a drain is under way, makes it go round again and resolves when it ends. */
  private drain(subscription: Subscription): Promise<void> {
    if (subscription.draining) {
      subscription.again = true;
      return subscription.draining;
    }
    subscription.draining = this.drainRounds(subscription).finally(() => {
      subscription.draining = null;
    });
    return subscription.draining;
  }

  private async drainRounds(subscription: Subscription): Promise<void> {
    try {
      do {
        subscription.again = false;
        const events = await this.pending(subscription);
        let handled = 0;
        for (const event of events) if (await this.handle(subscription, event)) handled += 1;
        if (handled > 0 && events.length === this.batchSize) subscription.again = true;
      } while (subscription.again && !this.stopped);
    } catch (error) {
      this.logger.error(`outbox drain for ${subscription.consumer} failed: ${(error as Error).message}`);
    }
  }

  private pending(subscription: Subscription): Promise<StoredEvent[]> {
    return this.outbox.pending(subscription.consumer, [...subscription.handlers.keys()], this.batchSize);
  }

  /** Handles one event in its own transaction; false when it failed and waits for a retry. */
  private async handle(subscription: Subscription, stored: StoredEvent): Promise<boolean> {
    const handler = subscription.handlers.get(stored.type);
    if (!handler) return false;
    try {
      const committed = await this.dataSource.transaction(async (manager) => {
        const outbox = new OutboxRepository(manager);
        if (!(await outbox.claim(subscription.consumer, stored.id))) return undefined;
        const event: DomainEvent = {
          id: stored.id,
          type: stored.type,
          payload: stored.payload as DomainEvents[DomainEventType],
          occurredAt: stored.occurredAt.toISOString(),
        };
        const after = await handler(event, manager);
        await outbox.clearFailures(subscription.consumer, stored.id);
        return after;
      });
      committed?.();
      return true;
    } catch (error) {
      await this.recordFailure(subscription, stored, error as Error);
      return false;
    }
  }

  /** Counts a failed attempt (the handler's writes were rolled back); the last allowed one dead-letters the event. */
  private async recordFailure(subscription: Subscription, stored: StoredEvent, error: Error): Promise<void> {
    const { attempts, dead } = await this.outbox.recordFailure(subscription.consumer, stored.id, error.message, {
      baseDelayMs: this.options.pollIntervalMs,
      maxDelayMs: MAX_RETRY_DELAY_MS,
      maxAttempts: this.maxAttempts,
    });
    const what = `${subscription.consumer} failed on event ${stored.id} (${stored.type}), attempt ${attempts}: ${error.message}`;
    if (dead) this.logger.error(`${what}; dead-lettered after ${attempts} attempts (GET /api/admin/outbox/dead-letters; retry with POST …/retry)`);
    else this.logger.warn(`${what}; retrying with back-off`);
  }
}
