import { ExpertsModule } from './experts/experts.module';
import { RecordModule } from './record/record.module';
import { RoomsModule } from './rooms/rooms.module';

export { configureEvaluation } from './realtime/rooms-io.adapter';

/** The evaluation service's feature modules, for its own app and for the one-process platform. */
export const EVALUATION_MODULES = [ExpertsModule, RoomsModule, RecordModule];
export { LiveScoringService } from './rooms/live-scoring.service';
export { RoomVerdictService } from './rooms/room-verdict.service';
export { ROOM_COMMANDS } from '@app/domain/evaluation/room-protocol';
export type { RoomCommandName } from '@app/domain/evaluation/room-protocol';
