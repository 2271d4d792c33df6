import { Module } from '@nestjs/common';
import { RoomBroadcaster } from './room-broadcaster';
import { RoomCommandsService } from './room-commands.service';
import { RoomHeartbeat } from './room-heartbeat';
import { RoomQueriesService } from './room-queries.service';
import { RoomStore } from './room-store';
import { RoomsController } from './rooms.controller';
import { RoomsGateway } from './rooms.gateway';

/** Evaluation rooms: convening, conflicts, the live room (socket.io) and objections. */
@Module({
  controllers: [RoomsController],
  providers: [RoomStore, RoomBroadcaster, RoomCommandsService, RoomQueriesService, RoomsGateway, RoomHeartbeat],
  exports: [RoomStore],
})
export class RoomsModule {}
