import { Module } from '@nestjs/common';
import { ChallengeAccess } from './challenge-access.service';

/** Loading challenges with the reader's facts and applying the visibility rules; shared by the features. */
@Module({ providers: [ChallengeAccess], exports: [ChallengeAccess] })
export class ChallengeAccessModule {}
