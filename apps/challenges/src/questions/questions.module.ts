import { Module } from '@nestjs/common';
import { ChallengeAccessModule } from '../access/challenge-access.module';
import { QuestionsController } from './questions.controller';
import { QuestionsService } from './questions.service';

@Module({ imports: [ChallengeAccessModule], controllers: [QuestionsController], providers: [QuestionsService] })
export class QuestionsModule {}
