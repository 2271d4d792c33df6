import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '@app/core';
import { DataSource } from 'typeorm';
import { RoomBroadcaster } from './room-broadcaster';
import { RoomStore } from './room-store';

/**
 * Every ROOM_HEARTBEAT_MS, each instance reads the version of the rooms its sockets are in (one
 * query) and tells those sockets. A client that missed an event, because Redis was down or the
 * instance that committed it died before publishing, sees a version above its own and resyncs:
 * no client stays stale for longer than about one period after any fault.
 */
@Injectable()
export class RoomHeartbeat implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(RoomHeartbeat.name);
  private timer: NodeJS.Timeout | null = null;
  private beating = false;

  constructor(
    private readonly dataSource: DataSource,
    private readonly store: RoomStore,
    private readonly broadcaster: RoomBroadcaster,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => void this.beat(), this.config.roomHeartbeatMs).unref();
  }

  onApplicationShutdown(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }

  /** One beat; skipped while the previous one still waits on the database. */
  async beat(): Promise<void> {
    const roomIds = this.broadcaster.localRooms();
    if (this.beating || roomIds.length === 0) return;
    this.beating = true;
    try {
      const versions = await this.store.versions(this.dataSource.manager, roomIds);
      for (const [roomId, version] of versions) this.broadcaster.heartbeat({ roomId, version });
    } catch (error) {
      // The database is down: the next beat tries again; requests report the outage themselves.
      this.logger.debug(`heartbeat skipped: ${(error as Error).message}`);
    } finally {
      this.beating = false;
    }
  }
}
