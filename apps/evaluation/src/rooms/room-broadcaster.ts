import { Injectable, Logger } from '@nestjs/common';
import type { RoomAudience } from '@app/domain';
import type { OwnScoreMessage, RoomClientToServer, RoomHeartbeat, RoomServerToClient } from '@app/domain/evaluation/room-protocol';
import type { Namespace } from 'socket.io';
import type { RoomEventMessages } from './room-views';

const AUDIENCE_ROOM: Record<RoomAudience, string> = { CHAIR: 'chair', JUDGE: 'judges', OBSERVER: 'observers' };
const AUDIENCES = Object.keys(AUDIENCE_ROOM) as RoomAudience[];

/** socket.io room of one audience of an evaluation room: `room:<id>:chair|judges|observers`. */
export const audienceRoom = (roomId: string, audience: RoomAudience): string => `room:${roomId}:${AUDIENCE_ROOM[audience]}`;

const AUDIENCE_ROOM_NAME = /^room:([^:]+):(?:chair|judges|observers)$/;

/** socket.io room of all of one user's sockets: `user:<id>`. */
export const userRoom = (userId: string): string => `user:${userId}`;

/**
 * Fans a committed command out to the room's audiences through socket.io rooms (with the Redis
 * adapter, to the sockets of every instance): one emit per audience (chair, judges, observers:
 * observers' copy names judges by seat label before finalisation), no per-socket filtering.
 */
@Injectable()
export class RoomBroadcaster {
  private readonly logger = new Logger(RoomBroadcaster.name);
  private server: Namespace<RoomClientToServer, RoomServerToClient> | null = null;

  attach(server: Namespace<RoomClientToServer, RoomServerToClient>): void {
    this.server = server;
  }

  publish(messages: RoomEventMessages, own?: { userId: string; message: OwnScoreMessage }): void {
    const server = this.server;
    if (!server) return;
    const roomId = messages.chair.roomId;
    try {
      server.to(audienceRoom(roomId, 'CHAIR')).emit('room:event', messages.chair);
      server.to(audienceRoom(roomId, 'JUDGE')).emit('room:event', messages.judges);
      server.to(audienceRoom(roomId, 'OBSERVER')).emit('room:event', messages.observers);
      if (own) server.to(userRoom(own.userId)).emit('room:own-score', own.message);
    } catch (error) {
      // The command is committed: a lost emit is repaired by the clients' resync on the next version.
      this.logger.error(`room ${roomId} v${messages.chair.version}: emit failed: ${(error as Error).message}`);
    }
  }

  /** Takes the user's sockets (on every instance) out of the room's audiences: a judge replaced on the panel joins again as who they now are. */
  leave(roomId: string, userId: string): void {
    this.server?.in(userRoom(userId)).socketsLeave(AUDIENCES.map((audience) => audienceRoom(roomId, audience)));
  }

  /** The evaluation rooms with at least one socket on this instance. */
  localRooms(): string[] {
    const rooms = this.server?.adapter.rooms;
    if (!rooms) return [];
    const ids = new Set<string>();
    for (const name of rooms.keys()) {
      const id = AUDIENCE_ROOM_NAME.exec(name)?.[1];
      if (id) ids.add(id);
    }
    return [...ids];
  }

  /** Sends the room's version to this instance's sockets only: every instance sends its own, so it needs no Redis. */
  heartbeat(message: RoomHeartbeat): void {
    this.server?.local.to(AUDIENCES.map((audience) => audienceRoom(message.roomId, audience))).emit('room:heartbeat', message);
  }
}
