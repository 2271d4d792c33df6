import { Module } from '@nestjs/common';
import { RoomBroadcaster } from './room-broadcaster';
import { LiveConflictsService } from './live-conflicts.service';
import { LiveScoringService } from './live-scoring.service';
import { PanelDrawService } from './panel-draw.service';
import { PanelDrawsController } from './panel-draws.controller';
import { PriceEnvelopeService } from './price-envelope.service';
import { RoomCommandRunner } from './room-command-runner';
import { RoomConveningService } from './room-convening.service';
import { RoomHeartbeat } from './room-heartbeat';
import { RoomQueriesService } from './room-queries.service';
import { RoomStore } from './room-store';
import { RoomVerdictService } from './room-verdict.service';
import { RoomsController } from './rooms.controller';
import { RoomsGateway } from './rooms.gateway';

/** Evaluation rooms: panel draws, convening, conflicts, the live room (socket.io) and objections. */
@Module({
  controllers: [PanelDrawsController, RoomsController],
  providers: [PanelDrawService, RoomStore, RoomBroadcaster, RoomCommandRunner, RoomConveningService, LiveConflictsService, LiveScoringService, PriceEnvelopeService, RoomVerdictService, RoomQueriesService, RoomsGateway, RoomHeartbeat],
  exports: [RoomStore],
})
export class RoomsModule {}
