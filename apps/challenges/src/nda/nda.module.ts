import { Module } from '@nestjs/common';
import { ChallengeAccessModule } from '../access/challenge-access.module';
import { NdaController } from './nda.controller';
import { NdaService } from './nda.service';

@Module({ imports: [ChallengeAccessModule], controllers: [NdaController], providers: [NdaService] })
export class NdaModule {}
