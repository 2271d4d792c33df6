import { INestApplicationContext, Logger } from '@nestjs/common';
import { IoAdapter } from '@nestjs/platform-socket.io';
import { ReadinessChecks, type AppConfig, type ConfigureApp } from '@app/core';
import { createAdapter } from '@socket.io/redis-adapter';
import { Redis } from 'ioredis';
import type { Server, ServerOptions } from 'socket.io';

/** Larger socket messages are refused: engine.io closes the connection (a score sheet is well under 1 KB). */
export const MAX_SOCKET_MESSAGE_BYTES = 64 * 1024;

/** Reconnection back-off to Redis: 100 ms more per attempt, at most 2 s between attempts, forever. */
const reconnectDelay = (attempt: number): number => Math.min(attempt * 100, 2000);

/**
 * The two Redis connections of the socket.io adapter, built so that Redis is an accelerator and
 * never a single point of failure:
 * - neither is awaited at start: an instance starts while Redis is down and joins when it returns;
 * - the publisher fails fast while disconnected (no offline queue) and every publish is settled
 *   here, so a broadcast during an outage reaches this instance's sockets and is dropped for the
 *   others (their clients catch up from the room heartbeat) instead of rejecting unhandled;
 * - the subscriber keeps its subscriptions queued and re-subscribes on every reconnect;
 * - the outage is logged when it starts and when it ends, with the count of dropped publishes.
 */
export class RedisLink {
  private readonly log = new Logger('Redis');
  readonly pub: Redis;
  readonly sub: Redis;
  /** The publisher as the adapter sees it: its `publish` never rejects. */
  readonly publisher: Redis;
  private dropped = 0;
  private downSince: number | null = null;

  constructor(url: string) {
    this.pub = new Redis(url, {
      enableOfflineQueue: false,
      maxRetriesPerRequest: 0,
      commandTimeout: 1000,
      retryStrategy: reconnectDelay,
      connectionName: 'jiebang-rooms-pub',
    });
    this.sub = new Redis(url, { maxRetriesPerRequest: null, retryStrategy: reconnectDelay, connectionName: 'jiebang-rooms-sub' });
    for (const client of [this.pub, this.sub]) {
      client.on('error', (error: Error) => this.down(error));
      client.on('ready', () => this.up());
    }
    this.publisher = new Proxy(this.pub, {
      get: (target, property) => {
        if (property === 'publish') return (channel: string, message: string | Buffer) => this.publish(channel, message);
        const value: unknown = Reflect.get(target, property, target);
        return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value;
      },
    });
  }

  /** Both connections are ready: what readiness reports for Redis. */
  get connected(): boolean {
    return this.pub.status === 'ready' && this.sub.status === 'ready';
  }

  private async publish(channel: string, message: string | Buffer): Promise<number> {
    try {
      return await this.pub.publish(channel, message);
    } catch (error) {
      this.dropped += 1;
      this.down(error as Error);
      return 0;
    }
  }

  private down(error: Error): void {
    if (this.downSince !== null) return;
    this.downSince = Date.now();
    this.log.warn(`redis unavailable (${error.message}): rooms keep serving this instance's sockets; other instances catch up from the heartbeat`);
  }

  private up(): void {
    if (this.downSince === null || !this.connected) return;
    const seconds = ((Date.now() - this.downSince) / 1000).toFixed(1);
    this.log.log(`redis is back after ${seconds} s; ${this.dropped} broadcasts did not reach other instances meanwhile`);
    this.downSince = null;
    this.dropped = 0;
  }

  async close(): Promise<void> {
    await Promise.all([this.pub, this.sub].map((client) => client.quit().catch(() => client.disconnect())));
  }
}

/**
 * socket.io for the evaluation service: 64 KB message limit, CORS from CORS_ORIGINS, and with
 * REDIS_URL the Redis adapter (channels under REDIS_PREFIX), so a room's broadcasts reach its
 * sockets on every instance.
 */
export class RoomsIoAdapter extends IoAdapter {
  constructor(
    app: INestApplicationContext,
    private readonly config: AppConfig,
    private readonly redis: RedisLink | null,
  ) {
    super(app);
  }

  override createIOServer(port: number, options?: ServerOptions): Server {
    const server = super.createIOServer(port, {
      ...options,
      maxHttpBufferSize: MAX_SOCKET_MESSAGE_BYTES,
      cors: { origin: this.config.corsOrigins.length > 0 ? [...this.config.corsOrigins] : false, credentials: true },
    } as ServerOptions);
    if (this.redis) server.adapter(createAdapter(this.redis.publisher, this.redis.sub, { key: `${this.config.redisPrefix}:rooms` }));
    return server;
  }

  override async dispose(): Promise<void> {
    await super.dispose();
    await this.redis?.close();
  }
}

/** The evaluation service's app setup (main.ts, platform, tests): installs the socket.io adapter and Redis' readiness check. */
export const configureEvaluation: ConfigureApp = (app, config) => {
  const redis = config.redisUrl ? new RedisLink(config.redisUrl) : null;
  if (redis) {
    app.get(ReadinessChecks).register({
      name: 'redis',
      critical: false,
      probe: async () => {
        if (!redis.connected) throw new Error(`not connected (${redis.pub.status})`);
        await redis.pub.ping();
      },
    });
  }
  app.useWebSocketAdapter(new RoomsIoAdapter(app, config, redis));
};
