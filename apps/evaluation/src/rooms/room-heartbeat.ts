import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { APP_CONFIG, AppConfig, PeriodicTask } from '@app/core';
import { connectionManager } from '@app/database';
import { DataSource } from 'typeorm';
import { RoomBroadcaster } from './room-broadcaster';
import { RoomRepository } from './room.repository';

/**
 * Every ROOM_HEARTBEAT_MS, each instance reads the version of the rooms its sockets are in (one
 * query) and tells those sockets. A client that missed an event, because Redis was down or the
 * instance that committed it died before publishing, sees a version above its own and resyncs:
 * no client stays stale for longer than about one period after any fault.
 */
@Injectable()
export class RoomHeartbeat implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(RoomHeartbeat.name);
  private readonly task: PeriodicTask;

  constructor(
    private readonly dataSource: DataSource,
    private readonly broadcaster: RoomBroadcaster,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    // A beat that fails (the database is down) is skipped; requests report the outage themselves.
    this.task = new PeriodicTask(config.roomHeartbeatMs, () => this.beat(), (error) => this.logger.debug(`heartbeat skipped: ${error.message}`));
  }

  onApplicationBootstrap(): void {
    this.task.start({ runNow: false });
  }

  onApplicationShutdown(): Promise<void> {
    return this.task.stop();
  }

  /** One beat: one read of the versions of the rooms with sockets here, one local emit per room. */
  async beat(): Promise<void> {
    const roomIds = this.broadcaster.localRooms();
    if (roomIds.length === 0) return;
    const versions = await new RoomRepository(connectionManager(this.dataSource)).versions(roomIds);
    for (const [roomId, version] of versions) this.broadcaster.heartbeat({ roomId, version });
  }
}
