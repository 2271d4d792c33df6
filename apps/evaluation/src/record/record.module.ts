import { Module } from '@nestjs/common';
import { RoomsModule } from '../rooms/rooms.module';
import { RecordController } from './record.controller';
import { RecordService } from './record.service';

/** The room's record: audit chain, verification, the evaluation report, team feedback, leniency. */
@Module({
  imports: [RoomsModule],
  controllers: [RecordController],
  providers: [RecordService],
})
export class RecordModule {}
