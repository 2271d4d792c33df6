import { INestApplicationContext, Logger } from '@nestjs/common';
import { IoAdapter } from '@nestjs/platform-socket.io';
import type { AppConfig, ConfigureApp } from '@app/core';
import { createAdapter } from '@socket.io/redis-adapter';
import { Redis } from 'ioredis';
import type { Server, ServerOptions } from 'socket.io';

/** Larger socket messages are refused: engine.io closes the connection (a score sheet is well under 1 KB). */
export const MAX_SOCKET_MESSAGE_BYTES = 64 * 1024;

/** The Redis pub/sub channel prefix the evaluation instances share. */
export const DEFAULT_REDIS_KEY = 'jiebang-rooms';

/**
 * socket.io for the evaluation service: 64 KB message limit, CORS from CORS_ORIGINS, and with
 * REDIS_URL the Redis adapter, so a room's broadcasts reach its sockets on every instance.
 */
export class RoomsIoAdapter extends IoAdapter {
  private readonly log = new Logger(RoomsIoAdapter.name);
  private redis: { pub: Redis; sub: Redis; adapter: ReturnType<typeof createAdapter> } | null = null;

  constructor(
    app: INestApplicationContext,
    private readonly config: AppConfig,
  ) {
    super(app);
  }

  async connectToRedis(url: string, key: string): Promise<void> {
    const pub = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 2 });
    const sub = pub.duplicate();
    try {
      await Promise.all([pub.connect(), sub.connect()]);
    } catch (error) {
      pub.disconnect();
      sub.disconnect();
      throw new Error(`REDIS_URL: cannot connect to Redis for the socket.io adapter (${(error as Error).message})`, { cause: error });
    }
    for (const client of [pub, sub]) client.on('error', (error: Error) => this.log.warn(`redis: ${error.message}`));
    this.redis = { pub, sub, adapter: createAdapter(pub, sub, { key }) };
  }

  override createIOServer(port: number, options?: ServerOptions): Server {
    const server = super.createIOServer(port, {
      ...options,
      maxHttpBufferSize: MAX_SOCKET_MESSAGE_BYTES,
      cors: { origin: this.config.corsOrigins.length > 0 ? [...this.config.corsOrigins] : false, credentials: true },
    } as ServerOptions);
    if (this.redis) server.adapter(this.redis.adapter);
    return server;
  }

  override async dispose(): Promise<void> {
    await super.dispose();
    const redis = this.redis;
    this.redis = null;
    if (redis) await Promise.all([redis.pub, redis.sub].map((client) => client.quit().catch(() => client.disconnect())));
  }
}

export interface EvaluationSocketOptions {
  /** Redis channel prefix; tests give each run its own so parallel runs do not cross. */
  redisKey?: string;
}

/** The evaluation service's app setup (main.ts, platform, tests): installs the socket.io adapter. */
export function evaluationSockets(options: EvaluationSocketOptions = {}): ConfigureApp {
  return async (app, config) => {
    const adapter = new RoomsIoAdapter(app, config);
    if (config.redisUrl) await adapter.connectToRedis(config.redisUrl, options.redisKey ?? DEFAULT_REDIS_KEY);
    app.useWebSocketAdapter(adapter);
  };
}

export const configureEvaluation: ConfigureApp = evaluationSockets();
