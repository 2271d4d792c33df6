import { Module } from '@nestjs/common';
import { ChallengeAccessModule } from '../access/challenge-access.module';
import { NdaModule } from '../nda/nda.module';
import { QuestionsModule } from '../questions/questions.module';
import { ChallengeSearchService } from './challenge-search.service';
import { ChallengesController } from './challenges.controller';
import { ChallengesService } from './challenges.service';
import { ChallengeCloseJob } from './close-job';
import { EvaluationEventsConsumer } from './evaluation-events.consumer';

/**
 * The challenge-posting service: challenges from draft to award, the bureau's review, amendments,
 * the close job and the evaluation events, with its clarification Q&A and NDA features.
 * Imported by ChallengesAppModule (the service alone) and PlatformModule (all in one process).
 */
@Module({
  imports: [ChallengeAccessModule, QuestionsModule, NdaModule],
  controllers: [ChallengesController],
  providers: [ChallengesService, ChallengeSearchService, ChallengeCloseJob, EvaluationEventsConsumer],
})
export class ChallengesModule {}
