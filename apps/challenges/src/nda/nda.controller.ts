import { Body, Controller, Param, Post, Res } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiForbiddenResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiTags,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import { AuthUser, CurrentUser } from '@app/auth';
import type { FastifyReply } from 'fastify';
import { NdaAcceptanceView } from '../challenges/dto/challenge.dto';
import { AcceptNdaDto } from './dto/nda.dto';
import { NdaService } from './nda.service';
import { uuidParam } from '@app/core';

@ApiTags('challenges')
@ApiBearerAuth()
@ApiParam({ name: 'id', format: 'uuid', description: 'The challenge' })
@Controller('challenges/:id/nda')
export class NdaController {
  constructor(private readonly ndas: NdaService) {}

  @Post()
  @ApiOperation({ summary: "Accept a challenge's NDA" })
  @ApiCreatedResponse({ type: NdaAcceptanceView, description: 'Accepted for the team: who, which version, when' })
  @ApiOkResponse({ type: NdaAcceptanceView, description: 'The team had accepted already: the first record' })
  @ApiBadRequestResponse({ description: 'VALIDATION_FAILED: teamId is not a UUID' })
  @ApiUnauthorizedResponse({ description: 'TOKEN_MISSING' })
  @ApiForbiddenResponse({ description: 'NOT_TEAM_LEAD, TEAM_NOT_INVITED' })
  @ApiNotFoundResponse({ description: 'CHALLENGE_NOT_FOUND, TEAM_NOT_FOUND' })
  @ApiConflictResponse({ description: 'NDA_NOT_REQUIRED, CHALLENGE_NOT_PUBLISHED, BIDDING_CLOSED' })
  async accept(
    @CurrentUser() user: AuthUser,
    @Param('id', uuidParam()) id: string,
    @Body() dto: AcceptNdaDto,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<NdaAcceptanceView> {
    const { created, acceptance } = await this.ndas.accept(user, id, dto);
    void reply.status(created ? 201 : 200);
    return acceptance;
  }
}
